import type { Agent, AgentStatus } from '../../core/model/index.js';
import { topics } from '../../realtime/event-bus.js';
import type { ServiceDeps } from '../deps.js';
import { errors } from '../app.errors.js';

/** An agent (or a supervisor for them) changes status; becoming available picks up waiting work. */
export async function setAgentStatus(deps: ServiceDeps, actor: Agent, agentId: string, status: AgentStatus): Promise<Agent> {
  if (actor.id !== agentId && !actor.roles.some((r) => r === 'supervisor' || r === 'admin')) {
    throw errors.forbidden('Only supervisors change another agent’s status');
  }
  const agent = deps.directory.agent(actor.tenantId, agentId);
  const updated: Agent = { ...agent, status };
  await deps.repos.users.setStatus(agent.tenantId, agent.id, status);
  deps.directory.putAgent(updated);
  deps.routing.setAgentStatus(updated, status);
  const frame = { t: 'agent.status' as const, agentId, status };
  deps.bus.publish(topics.agent(agentId), { kind: 'frame', frame });
  deps.bus.publish(topics.supervisors(agent.tenantId), { kind: 'frame', frame });
  return updated;
}

/** A supervisor moves an agent between queues. */
export async function setAgentQueues(deps: ServiceDeps, actor: Agent, agentId: string, queueIds: string[]): Promise<Agent> {
  if (!actor.roles.some((r) => r === 'supervisor' || r === 'admin')) throw errors.forbidden('Only supervisors change queue membership');
  for (const queueId of queueIds) deps.directory.queue(actor.tenantId, queueId);
  const agent = deps.directory.agent(actor.tenantId, agentId);
  const updated: Agent = { ...agent, queueIds };
  await deps.repos.users.update(updated);
  deps.directory.putAgent(updated);
  deps.routing.upsertAgent(updated);
  deps.routing.setAgentStatus(updated, updated.status);
  return updated;
}
