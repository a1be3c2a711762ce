import type { WireEvent } from '../api/api-types.js';

/** A call on a phone line, as this agent sees it. */
export type PhoneCallPhase = 'connecting' | 'connected' | 'on_hold' | 'transferred' | 'ended';

export interface PhoneCallStatus {
  phase: PhoneCallPhase;
  /** When the caller was put through to this agent (for the timer). */
  connectedAt: string | null;
  /** Warm transfer under way: the colleague this agent consults while the caller waits with music. */
  consulting: { agentId: string; agentName: string; outside: boolean } | null;
}

const FINAL_CALL_STATUSES = new Set(['completed', 'busy', 'no-answer', 'failed', 'canceled']);

/**
 * The phone-line call's state for this agent, read from the conversation log (pure): the adapter's
 * `call.connecting` (the caller is dialled through to the agent's client), the controls' hold, resume,
 * transfer and hang-up, and the provider's status callbacks (`call.status`).
 */
export function phoneCallStatus(events: readonly WireEvent[], myId: string): PhoneCallStatus {
  const status: PhoneCallStatus = { phase: 'connecting', connectedAt: null, consulting: null };
  for (const e of events) {
    const d = e.data;
    switch (e.type) {
      case 'conversation.assigned':
        if (d.agentId === myId && status.phase !== 'ended') {
          status.phase = 'connecting';
          status.connectedAt = null;
        }
        break;
      case 'call.connecting':
        if (d.agentId === myId && status.phase !== 'ended') {
          status.phase = 'connected';
          status.connectedAt = e.at;
        }
        break;
      case 'call.held':
        if (status.phase === 'connected') status.phase = 'on_hold';
        break;
      case 'call.resumed':
        if (status.phase === 'on_hold') status.phase = 'connected';
        break;
      case 'call.consult_started':
        // An outside number is known by its last digits only.
        if (e.actor.id === myId) status.consulting = d.toNumberEnding ? { agentId: '', agentName: `…${String(d.toNumberEnding)}`, outside: true } : { agentId: String(d.agentId ?? ''), agentName: String(d.agentName ?? ''), outside: false };
        break;
      case 'call.consult_cancelled':
        status.consulting = null;
        break;
      case 'conversation.transferred':
        status.consulting = null;
        if (d.fromAgentId === myId) status.phase = 'transferred';
        break;
      case 'call.status':
        if (typeof d.status === 'string' && FINAL_CALL_STATUSES.has(d.status) && status.phase !== 'transferred') status.phase = 'ended';
        break;
      case 'call.ended':
      case 'conversation.closed':
      case 'conversation.ended_by_customer':
      case 'conversation.abandoned':
        status.consulting = null;
        if (status.phase !== 'transferred') status.phase = 'ended';
        break;
    }
  }
  return status;
}
