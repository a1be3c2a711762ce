import { OPEN_STATES } from '../../storage/index.js';
import type { ServiceDeps } from '../deps.js';
import { armCallTimers } from './voice-session.js';

/**
 * At start-up (one node) or on taking a tenant's lease (several nodes): the calls that wait for a
 * timer — a caller in the IVR, a chat that became a call and rings — are read back and their timers
 * armed with the time left (at once when overdue). Other calls are read back on first use.
 * Rows of conversations that ended meanwhile (a crash between two writes) are removed.
 */
export async function restoreCalls(deps: ServiceDeps, tenantIds: readonly string[]): Promise<void> {
  for (const tenantId of tenantIds) {
    const stored = await deps.repos.callStates.listForTenant(tenantId);
    const ended: string[] = [];
    for (const state of stored) {
      const conversation = await deps.repos.conversations.get(tenantId, state.conversationId);
      if (!conversation || !OPEN_STATES.includes(conversation.state)) {
        ended.push(state.conversationId);
        continue;
      }
      if (state.ivrDeadline === null && state.ringingSince === null) continue;
      armCallTimers(deps, deps.calls.adopt(state));
    }
    await deps.repos.callStates.delete(ended);
    if (stored.length > 0) deps.log('info', 'restored browser calls', { tenantId, calls: stored.length - ended.length, removed: ended.length });
  }
}
