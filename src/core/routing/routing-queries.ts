import { expectedWaitSeconds, servingCapacity } from './expected-wait.js';
import { RoutingError } from './routing.errors.js';
import { requireAgent, requireContact, requireQueue, type RoutingState } from './routing-state.js';
import type { AgentState, ConversationState, QueuePosition, QueueStats } from './routing.types.js';

/*
 * Read-only views. They copy what they return, so callers can keep or change the result
 * without touching the engine's state.
 */

/**
 * Place in line among contacts of the same queue and channel: a chat does not wait behind
 * calls, which other capacity serves. The wait is position × average handle time ÷ the
 * capacity of the queue's staffed agents who could take this contact.
 */
export function positionOf(state: RoutingState, conversationId: string): QueuePosition {
  const contact = requireContact(state, conversationId);
  if (contact.phase === 'offered') return { position: 0, expectedWaitSeconds: 0 };
  if (contact.phase !== 'waiting') {
    throw new RoutingError('CONVERSATION_NOT_WAITING', `conversation ${conversationId} is ${contact.phase}`, {
      conversationId,
      phase: contact.phase,
    });
  }
  const queue = requireQueue(state, contact.queueId);
  const position = 1 + queue.waiting.countAhead(contact, queue.config.priority, state.options.agingMsPerLevel);
  const skills = [...queue.config.skills, ...contact.requiredSkills];
  const capacity = servingCapacity(state.agents.membersOf(contact.queueId), contact.channel, skills);
  const averageHandle = state.handleTimes.averageFor(contact.queueId);
  return { position, expectedWaitSeconds: expectedWaitSeconds(position, averageHandle, capacity) };
}

export function queueStats(state: RoutingState, now: number): QueueStats[] {
  return [...state.queues.values()].map((queue) => {
    const oldest = queue.waiting.oldestEnqueuedAt();
    return {
      queueId: queue.config.id,
      waiting: queue.waiting.size,
      offered: queue.offered,
      longestWaitSeconds: oldest === undefined ? 0 : Math.max(0, (now - oldest) / 1000),
    };
  });
}

export function agentState(state: RoutingState, agentId: string): AgentState {
  const agent = requireAgent(state, agentId);
  return {
    agentId: agent.id,
    status: agent.status,
    load: { ...agent.load },
    capacity: { ...agent.capacity },
    idleSince: agent.idleSince,
    missedOffers: agent.missedOffers,
    offeredConversationIds: [...agent.offered],
    assignedConversationIds: [...agent.assigned],
  };
}

export function conversationState(state: RoutingState, conversationId: string): ConversationState | undefined {
  const contact = state.contacts.get(conversationId);
  if (contact === undefined) return undefined;
  return {
    conversationId: contact.conversationId,
    phase: contact.phase,
    queueId: contact.queueId,
    channel: contact.channel,
    requiredSkills: [...contact.requiredSkills],
    priority: contact.priority,
    enqueuedAt: contact.enqueuedAt,
    agentId: contact.agentId,
    offer: contact.offer === null ? null : { ...contact.offer },
    excludedAgentIds: [...(contact.excludedAgentIds ?? [])],
  };
}
