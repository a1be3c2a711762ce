import type { Agent } from '../../core/model/index.js';
import { AppError } from '../../core/errors/app-error.js';
import { topics } from '../../realtime/event-bus.js';
import { errors } from '../app.errors.js';
import type { ServiceDeps } from '../deps.js';
import type { EventDraft } from './event-recorder.js';
import { assertAssigned, assertOpen } from './access.js';

export interface TransferInput {
  conversationId: string;
  /** Exactly one target: another queue, or a colleague. */
  toQueueId?: string;
  toAgentId?: string;
  /** Internal note for the next agent; never shown to the customer. */
  note?: string;
  /** A call handed over after the agent consulted the colleague (warm transfer). */
  warm?: boolean;
}

/**
 * Hands the conversation to another queue (it keeps its place by original wait) or to a
 * named colleague (offered to them directly, through their queue's routing rules).
 */
export async function transferConversation(deps: ServiceDeps, agent: Agent, input: TransferInput): Promise<void> {
  if (Boolean(input.toQueueId) === Boolean(input.toAgentId)) throw errors.invalid('Give exactly one of toQueueId or toAgentId');
  const target = resolveTarget(deps, agent, input);
  const conversation = await deps.live.withConversation(input.conversationId, async (entry) => {
    const c = entry.conversation;
    assertAssigned(c, agent);
    assertOpen(c);
    const actor = { kind: 'agent' as const, id: agent.id, name: agent.name };
    c.state = 'queued';
    c.assignedAgentId = null;
    c.queueId = target.queueId;
    const drafts: EventDraft[] = [];
    if (input.note) drafts.push({ type: 'note.created', actor, data: { text: input.note, transfer: true } });
    drafts.push({
      type: 'conversation.transferred',
      actor,
      data: { fromAgentId: agent.id, toQueueId: target.queueId, toAgentId: target.agentId ?? null, toAgentName: target.agentName ?? null, ...(c.channel === 'voice' ? { mode: input.warm ? 'warm' : 'blind' } : {}) },
    });
    await deps.recorder.record(entry, drafts, true);
    deps.bus.publish(topics.agent(agent.id), { kind: 'unsubscribe', conversationId: c.id });
    return { ...c };
  });
  deps.routing.decide(conversation.tenantId, (e, now) => e.release(conversation.id, now));
  if (target.agentId) {
    deps.routing.decide(conversation.tenantId, (e, now) => e.offerTo(deps.routing.contactInput(conversation), target.agentId!, now));
  } else {
    deps.routing.decide(conversation.tenantId, (e, now) => e.requeue(conversation.id, { queueId: target.queueId, keepPlace: true }, now));
  }
  await deps.routing.settled();
}

function resolveTarget(deps: ServiceDeps, agent: Agent, input: TransferInput): { queueId: string; agentId?: string; agentName?: string } {
  if (input.toQueueId) {
    const queue = deps.directory.findQueue(agent.tenantId, input.toQueueId);
    if (!queue) throw errors.noSuchTarget(`Queue ${input.toQueueId} does not exist`);
    return { queueId: queue.id };
  }
  const colleague = deps.directory.findAgent(agent.tenantId, input.toAgentId!);
  if (!colleague || colleague.id === agent.id) throw errors.noSuchTarget(`Agent ${input.toAgentId} cannot receive this transfer`);
  // A named transfer rings the colleague now or not at all: queued behind an absent colleague, the
  // conversation would only ring back at the agent who handed it over. The agent picks another target.
  const current = deps.live.peek(input.conversationId)?.conversation;
  const state = deps.routing.engine(agent.tenantId).agentState(colleague.id);
  const channel = current?.channel ?? 'chat';
  if (state.status !== 'available' || state.load[channel] >= state.capacity[channel]) {
    throw new AppError('TRANSFER_TARGET_UNAVAILABLE', `${colleague.name} is not available for a ${channel} right now`, {
      status: 409,
      userMessage: `${colleague.name} is not available right now; choose a queue or another colleague.`,
    });
  }
  const currentQueue = current?.queueId;
  const queueId = currentQueue && colleague.queueIds.includes(currentQueue) ? currentQueue : colleague.queueIds[0];
  if (!queueId) throw errors.noSuchTarget(`${colleague.name} is in no queue`);
  return { queueId, agentId: colleague.id, agentName: colleague.name };
}
