import type { HandoverReason } from '../../core/bot/index.js';
import { assertTransition } from '../../core/conversation/lifecycle.js';
import type { Actor, IntentHandover } from '../../core/model/index.js';
import type { ServiceDeps } from '../deps.js';
import type { LiveConversation } from '../live-conversations.js';
import { handoverText } from './bot-texts.js';

/**
 * Moves a bot conversation to the agents' queue: state `queued`, the customer is told, and the
 * wait starts now. Call inside the conversation's lock; route with `deps.routing.enqueue` after it,
 * so the agent who gets the offer finds the whole bot part in the log. A recognised intent's
 * `handover` sends it to that intent's queue and raises its priority.
 */
export async function handOverToAgent(deps: ServiceDeps, entry: LiveConversation, reason: HandoverReason, bot: Actor, routing?: { intent: string; handover: IntentHandover }): Promise<void> {
  const c = entry.conversation;
  assertTransition(c.state, 'queued');
  const target = routing?.handover.queueId ? deps.directory.findQueue(c.tenantId, routing.handover.queueId) : undefined;
  // A queue removed since the intent was saved: the line's own queue still takes the customer.
  if (target && target.lineId === c.lineId) c.queueId = target.id;
  else if (routing?.handover.queueId) deps.log('warn', 'intent handover names an unknown queue', { intent: routing.intent, queueId: routing.handover.queueId });
  if (routing?.handover.priority) c.priority += routing.handover.priority;
  const queue = deps.directory.queue(c.tenantId, c.queueId);
  c.state = 'queued';
  c.enqueuedAt = deps.clock.now();
  await deps.recorder.record(
    entry,
    [
      { type: 'conversation.handed_over', actor: bot, data: { reason, text: handoverText(c.language, reason), ...(routing ? { intent: routing.intent } : {}) } },
      { type: 'conversation.queued', actor: { kind: 'system' }, data: { queueId: queue.id, queueName: queue.name, ...(routing?.handover.priority ? { priority: c.priority } : {}) } },
    ],
    true,
  );
}
