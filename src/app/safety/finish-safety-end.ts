import { topics } from '../../realtime/event-bus.js';
import type { ServiceDeps } from '../deps.js';
import type { CarriedOut } from './carry-out-actions.js';

/**
 * After a conversation was ended for safety (and the lock released): withdraw a ringing offer
 * or free the agent's capacity, and forget the conversation, as closing and abandoning do.
 */
export async function finishSafetyEnd(deps: ServiceDeps, conversationId: string, ended: NonNullable<CarriedOut['ended']>): Promise<void> {
  if (ended.offeredTo) {
    deps.bus.publish(topics.agent(ended.offeredTo), { kind: 'frame', frame: { t: 'offer.withdrawn', conversationId, reason: 'safety' } });
  }
  if (ended.assignedTo) deps.bus.publish(topics.agent(ended.assignedTo), { kind: 'unsubscribe', conversationId });
  try {
    deps.routing.decide(ended.tenantId, (engine, now) => (ended.wasWaiting ? engine.abandon(conversationId, now) : engine.release(conversationId, now)));
    await deps.routing.settled();
  } catch (error) {
    // The conversation is closed and stored either way; routing forgets it on the next restore.
    deps.log('warn', `routing release after a safety end failed for ${conversationId}`, { error: String(error) });
  }
  deps.live.evict(conversationId);
}
