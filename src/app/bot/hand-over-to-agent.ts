import type { HandoverReason } from '../../core/bot/index.js';
import { assertTransition } from '../../core/conversation/lifecycle.js';
import type { Actor } from '../../core/model/index.js';
import type { ServiceDeps } from '../deps.js';
import type { LiveConversation } from '../live-conversations.js';
import { handoverText } from './bot-texts.js';

/**
 * Moves a bot conversation to the agents' queue: state `queued`, the customer is told, and the
 * wait starts now. Call inside the conversation's lock; route with `deps.routing.enqueue` after it,
 * so the agent who gets the offer finds the whole bot part in the log.
 */
export async function handOverToAgent(deps: ServiceDeps, entry: LiveConversation, reason: HandoverReason, bot: Actor): Promise<void> {
  const c = entry.conversation;
  assertTransition(c.state, 'queued');
  const queue = deps.directory.queue(c.tenantId, c.queueId);
  c.state = 'queued';
  c.enqueuedAt = deps.clock.now();
  await deps.recorder.record(
    entry,
    [
      { type: 'conversation.handed_over', actor: bot, data: { reason, text: handoverText(c.language, reason) } },
      { type: 'conversation.queued', actor: { kind: 'system' }, data: { queueId: queue.id, queueName: queue.name } },
    ],
    true,
  );
}
