import { describe, expect, it } from 'vitest';
import type { OverviewAgent, RoutingAgentState } from '../api/api-types.js';
import { EMPTY_SUPERVISOR, supervisorReducer, unknownAgents } from './supervisor-state.js';

const routing = (agentId: string, status: RoutingAgentState['status'], chat = 0): RoutingAgentState => ({
  agentId,
  status,
  load: { chat, voice: 0, email: 0, whatsapp: 0 },
  capacity: { chat: 3, voice: 1, email: 5, whatsapp: 3 },
  missedOffers: 0,
  offeredConversationIds: [],
  assignedConversationIds: [],
});

const agent = (id: string): OverviewAgent => ({
  id,
  tenantId: 't',
  email: `${id}@x`,
  name: id.toUpperCase(),
  roles: ['agent'],
  skills: [],
  queueIds: ['q'],
  capacity: { chat: 3, voice: 1, email: 5, whatsapp: 3 },
  team: null,
  status: 'offline',
  uiLanguage: 'nl',
  routing: routing(id, 'offline'),
});

describe('supervisorReducer', () => {
  const loaded = supervisorReducer(EMPTY_SUPERVISOR, { type: 'overview', queues: [{ queueId: 'q', waiting: 0, offered: 0, longestWaitSeconds: 0 }], agents: [agent('a'), agent('b')], at: 1 });

  it('applies queue figures and agent load from a supervisor.update', () => {
    const next = supervisorReducer(loaded, { type: 'update', data: { queues: [{ queueId: 'q', waiting: 4, offered: 1, longestWaitSeconds: 30 }], agents: [routing('a', 'busy', 2)] }, at: 2 });
    expect(next.queues[0]?.waiting).toBe(4);
    expect(next.agents.find((a) => a.id === 'a')?.routing?.load.chat).toBe(2);
    expect(next.agents.find((a) => a.id === 'a')?.status).toBe('busy');
    expect(next.agents.find((a) => a.id === 'b')?.status).toBe('offline');
  });

  it('applies an agent.status frame', () => {
    expect(supervisorReducer(loaded, { type: 'agent.status', agentId: 'b', status: 'away' }).agents[1]?.status).toBe('away');
  });

  it('ignores an unknown status value', () => {
    expect(supervisorReducer(loaded, { type: 'agent.status', agentId: 'b', status: 'dancing' })).toBe(loaded);
  });

  it('notices agents it does not know yet', () => {
    expect(unknownAgents(loaded, { agents: [routing('c', 'available')] })).toBe(true);
    expect(unknownAgents(loaded, { agents: [routing('a', 'available')] })).toBe(false);
  });
});
