import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { Queue, SettableStatus } from '../api/api-types.js';
import { agentApi, supervisorApi } from '../api/endpoints.js';
import { useI18n } from '../i18n/i18n-context.js';
import { useRealtime } from '../realtime/realtime-context.js';
import { useNotices } from '../shell/notice-bar.js';
import { AgentTable } from './agent-table.js';
import { QueueTable } from './queue-table.js';
import { EMPTY_SUPERVISOR, supervisorReducer, unknownAgents } from './supervisor-state.js';

/** Live wallboard: the overview once, then `supervisor.update` and `agent.status` frames. */
export function SupervisorPage() {
  const { t, time } = useI18n();
  const { showError } = useNotices();
  const client = useRealtime();
  const [state, dispatch] = useReducer(supervisorReducer, EMPTY_SUPERVISOR);
  const [queues, setQueues] = useState<Queue[]>([]);
  const stateRef = useRef(state);
  stateRef.current = state;

  const reload = useCallback(() => {
    supervisorApi.overview().then((o) => dispatch({ type: 'overview', queues: o.queues, agents: o.agents, at: Date.now() }), showError);
  }, [showError]);

  useEffect(() => {
    reload();
    agentApi.lines().then((l) => setQueues(l.queues), showError);
    const offFrame = client.onFrame((frame) => {
      if (frame.t === 'supervisor.update') {
        if (unknownAgents(stateRef.current, frame.data)) reload();
        dispatch({ type: 'update', data: frame.data, at: Date.now() });
      } else if (frame.t === 'agent.status') {
        dispatch({ type: 'agent.status', agentId: frame.agentId, status: frame.status });
      }
    });
    // Updates are only sent on change: after a reconnect, read the full picture again.
    const offOpen = client.onOpen((reconnected) => reconnected && reload());
    return () => {
      offFrame();
      offOpen();
    };
  }, [client, reload, showError]);

  const totals = state.queues.reduce((acc, q) => ({ waiting: acc.waiting + q.waiting, offered: acc.offered + q.offered }), { waiting: 0, offered: 0 });
  const available = state.agents.filter((a) => a.status === 'available').length;

  return (
    <main className="supervisor" data-testid="supervisor">
      <div className="page-title">
        <h1>{t('supervisor.title')}</h1>
        {state.updatedAt && <p className="muted small">{t('supervisor.updated', { time: time(state.updatedAt) })}</p>}
      </div>
      <dl className="kpis">
        <div>
          <dt>{t('supervisor.totalWaiting')}</dt>
          <dd data-testid="supervisor-total-waiting">{totals.waiting}</dd>
        </div>
        <div>
          <dt>{t('supervisor.totalOffered')}</dt>
          <dd data-testid="supervisor-total-offered">{totals.offered}</dd>
        </div>
        <div>
          <dt>{t('supervisor.agentsAvailable')}</dt>
          <dd data-testid="supervisor-available-count">{available}</dd>
        </div>
      </dl>
      <QueueTable stats={state.queues} queues={queues} />
      <AgentTable
        agents={state.agents}
        queues={queues}
        onStatus={(id, status: SettableStatus) => {
          supervisorApi.setStatus(id, status).then((agent) => dispatch({ type: 'agent.changed', agent }), showError);
        }}
        onQueues={async (id, queueIds) => {
          try {
            dispatch({ type: 'agent.changed', agent: await supervisorApi.setQueues(id, queueIds) });
          } catch (error) {
            showError(error);
            throw error;
          }
        }}
      />
    </main>
  );
}
