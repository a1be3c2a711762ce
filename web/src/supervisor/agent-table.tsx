import { useState } from 'react';
import { CHANNELS, type Queue, type SettableStatus } from '../api/api-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { QueueMembership } from './queue-membership.js';
import type { SupervisorAgentRow } from './supervisor-state.js';

const SETTABLE: SettableStatus[] = ['available', 'away', 'offline'];

interface Props {
  agents: SupervisorAgentRow[];
  queues: Queue[];
  onStatus: (agentId: string, status: SettableStatus) => void;
  onQueues: (agentId: string, queueIds: string[]) => Promise<void>;
}

export function AgentTable({ agents, queues, onStatus, onQueues }: Props) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<string | null>(null);
  const queueName = (id: string) => queues.find((q) => q.id === id)?.name ?? id;
  return (
    <section aria-labelledby="agents-title" className="panel">
      <h2 id="agents-title">{t('supervisor.agents')}</h2>
      <table className="data-table" data-testid="supervisor-agents">
        <thead>
          <tr>
            <th scope="col">{t('supervisor.agent')}</th>
            <th scope="col">{t('status.label')}</th>
            <th scope="col">{t('supervisor.load')}</th>
            <th scope="col" className="num">{t('supervisor.missed')}</th>
            <th scope="col">{t('supervisor.agentQueues')}</th>
          </tr>
        </thead>
        <tbody>
          {agents.map((a) => {
            const settable = SETTABLE.includes(a.status as SettableStatus);
            return (
              <tr key={a.id} data-testid="supervisor-agent-row" data-agent-id={a.id}>
                <th scope="row">
                  {a.name}
                  {a.team && <span className="muted small"> · {a.team}</span>}
                </th>
                <td>
                  <span className={`status-text status-${a.status}`} data-testid="agent-status">
                    <span className="status-dot" aria-hidden="true" />
                    {t(`status.${a.status}`)}
                  </span>
                  <label className="visually-hidden" htmlFor={`status-${a.id}`}>
                    {t('supervisor.changeStatus', { name: a.name })}
                  </label>
                  <select
                    id={`status-${a.id}`}
                    data-testid="agent-status-select"
                    className="compact"
                    value={settable ? a.status : ''}
                    onChange={(e) => e.target.value && onStatus(a.id, e.target.value as SettableStatus)}
                  >
                    {!settable && <option value="">{t('supervisor.setStatus')}</option>}
                    {SETTABLE.map((s) => (
                      <option key={s} value={s}>
                        {t(`status.${s}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td data-testid="agent-load">
                  {a.routing
                    ? CHANNELS.filter((c) => (a.routing?.capacity[c] ?? 0) > 0)
                        .map((c) => `${t(`channel.${c}`)} ${a.routing?.load[c] ?? 0}/${a.routing?.capacity[c] ?? 0}`)
                        .join(' · ')
                    : '–'}
                </td>
                <td className="num" data-testid="agent-missed">{a.routing?.missedOffers ?? 0}</td>
                <td>
                  {editing === a.id ? (
                    <QueueMembership
                      agentName={a.name}
                      queues={queues}
                      selected={a.queueIds}
                      onCancel={() => setEditing(null)}
                      onSave={async (ids) => {
                        await onQueues(a.id, ids);
                        setEditing(null);
                      }}
                    />
                  ) : (
                    <>
                      <span data-testid="agent-queues">{a.queueIds.map(queueName).join(', ') || '–'}</span>{' '}
                      <button type="button" className="link-button" data-testid="agent-queues-edit" onClick={() => setEditing(a.id)}>
                        {t('common.edit')}
                        <span className="visually-hidden"> {a.name}</span>
                      </button>
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
