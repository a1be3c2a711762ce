import type { ServiceDeps } from '../deps.js';
import type { LiveConversation } from '../live-conversations.js';
import { safetyErrors } from './safety.errors.js';
import { peekSafetyState, safetyStateOf } from './safety-state.js';

const DEFAULT_TIME_ZONE = 'Europe/Brussels';

/**
 * Call inside `withConversation` before a message is stored. While a time-out runs, writing is
 * refused with CONVERSATION_TIMED_OUT (retryable after `until`); once `until` has passed, the
 * time-out ends here, lazily: the conversation is active again and the customer is told so.
 */
export async function enforceTimeOut(deps: ServiceDeps, entry: LiveConversation): Promise<void> {
  const c = entry.conversation;
  if (c.state !== 'timed_out' && !peekSafetyState(entry)?.timedOutUntil) return;
  const state = await safetyStateOf(deps, entry);
  const until = state.timedOutUntil;
  if (until !== null && deps.clock.now() < until) {
    const timeZone = deps.directory.findLine(c.lineId)?.openingHours?.timeZone ?? DEFAULT_TIME_ZONE;
    throw safetyErrors.timedOut(c.id, until, c.language, timeZone);
  }
  state.timedOutUntil = null;
  const resume = c.state === 'timed_out';
  if (resume) c.state = c.assignedAgentId ? 'active' : 'queued';
  await deps.recorder.record(entry, [{ type: 'safety.time_out_ended', actor: { kind: 'system' }, data: {} }], resume);
}
