import type { AgentStatus, Me, OverviewAgent, QueueStats, RoutingAgentState } from '../api/api-types.js';

export interface SupervisorAgentRow {
  id: string;
  name: string;
  team: string | null;
  queueIds: string[];
  status: AgentStatus;
  routing: RoutingAgentState | null;
}

export interface SupervisorState {
  queues: QueueStats[];
  agents: SupervisorAgentRow[];
  updatedAt: number | null;
}

export const EMPTY_SUPERVISOR: SupervisorState = { queues: [], agents: [], updatedAt: null };

export type SupervisorAction =
  | { type: 'overview'; queues: QueueStats[]; agents: OverviewAgent[]; at: number }
  | { type: 'update'; data: Record<string, unknown>; at: number }
  | { type: 'agent.status'; agentId: string; status: string }
  | { type: 'agent.changed'; agent: Me };

const STATUSES: readonly string[] = ['available', 'busy', 'wrap_up', 'away', 'offline'];

export function supervisorReducer(state: SupervisorState, action: SupervisorAction): SupervisorState {
  switch (action.type) {
    case 'overview':
      return {
        queues: action.queues,
        agents: action.agents.map((a) => ({ id: a.id, name: a.name, team: a.team, queueIds: a.queueIds, status: a.routing?.status ?? a.status, routing: a.routing })),
        updatedAt: action.at,
      };
    case 'update':
      return applyUpdate(state, action.data, action.at);
    case 'agent.status':
      if (!STATUSES.includes(action.status)) return state;
      return { ...state, agents: state.agents.map((a) => (a.id === action.agentId ? { ...a, status: action.status as AgentStatus } : a)) };
    case 'agent.changed':
      return { ...state, agents: state.agents.map((a) => (a.id === action.agent.id ? { ...a, name: action.agent.name, queueIds: action.agent.queueIds, status: action.agent.status } : a)) };
  }
}

/**
 * A `supervisor.update` frame carries every queue and the routing state of every agent.
 * Agents the overview did not list (e.g. created since) are kept out: their names are unknown until the next overview.
 */
function applyUpdate(state: SupervisorState, data: Record<string, unknown>, at: number): SupervisorState {
  const queues = Array.isArray(data.queues) ? (data.queues as QueueStats[]) : state.queues;
  const routing = new Map<string, RoutingAgentState>();
  if (Array.isArray(data.agents)) for (const r of data.agents as RoutingAgentState[]) routing.set(r.agentId, r);
  const agents = state.agents.map((a) => {
    const r = routing.get(a.id);
    return r ? { ...a, routing: r, status: r.status } : a;
  });
  return { queues, agents, updatedAt: at };
}

/** Agents the update mentions that the table does not have yet: time to reload the overview. */
export function unknownAgents(state: SupervisorState, data: Record<string, unknown>): boolean {
  if (!Array.isArray(data.agents)) return false;
  const known = new Set(state.agents.map((a) => a.id));
  return (data.agents as RoutingAgentState[]).some((r) => !known.has(r.agentId));
}
