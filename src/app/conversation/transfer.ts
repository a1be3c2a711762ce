import type { Agent } from '../../core/model/index.js';
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
      data: { fromAgentId: agent.id, toQueueId: target.queueId, toAgentId: target.agentId ?? null, toAgentName: target.agentName ?? null },
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
  // If the colleague cannot take it right now it waits in a queue: the current one when they serve it.
  const currentQueue = deps.live.peek(input.conversationId)?.conversation.queueId;
  const queueId = currentQueue && colleague.queueIds.includes(currentQueue) ? currentQueue : colleague.queueIds[0];
  if (!queueId) throw errors.noSuchTarget(`${colleague.name} is in no queue`);
  return { queueId, agentId: colleague.id, agentName: colleague.name };
}
