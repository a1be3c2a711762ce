import type { WireEvent } from '../api/api-types.js';

export type SoftphonePhase = 'connecting' | 'ringing' | 'connected' | 'on_hold' | 'transferred' | 'ended';

export interface CallStatus {
  phase: SoftphonePhase;
  /** When the current agent's part of the call began (for the timer). */
  answeredAt: string | null;
  muted: boolean;
  /** A warm transfer under way: the colleague consulted. */
  consulting: { agentId: string; agentName: string } | null;
}

/**
 * Whether the conversation is (or was) a call: it started as one or the chat switched — and did not
 * switch back to the chat because nobody picked up.
 */
export function isCall(events: readonly WireEvent[]): boolean {
  let call = false;
  for (const e of events) {
    if (e.type === 'call.started') call = true;
    else if (e.type === 'conversation.channel_switched' && e.data.to !== 'voice') call = false;
  }
  return call;
}

/** The call's state for this agent, read from the conversation log (pure; the log is the truth). */
export function callStatus(events: readonly WireEvent[], myId: string): CallStatus {
  const status: CallStatus = { phase: 'connecting', answeredAt: null, muted: false, consulting: null };
  for (const e of events) {
    const d = e.data;
    switch (e.type) {
      // A new call attempt in the same conversation (the earlier one was not picked up).
      case 'call.started':
        status.phase = 'connecting';
        status.answeredAt = null;
        status.consulting = null;
        break;
      case 'call.ringing':
        if (status.phase !== 'ended') status.phase = 'ringing';
        break;
      case 'call.answered':
        if (d.agentId === myId) {
          status.phase = 'connected';
          status.answeredAt = e.at;
          status.muted = false;
        } else status.phase = 'transferred';
        break;
      case 'call.held':
        if (status.phase === 'connected') status.phase = 'on_hold';
        break;
      case 'call.resumed':
        if (status.phase === 'on_hold') status.phase = 'connected';
        break;
      case 'call.muted':
        if (e.actor.id === myId) status.muted = d.muted === true;
        break;
      case 'call.consult_started':
        status.consulting = { agentId: String(d.agentId ?? ''), agentName: String(d.agentName ?? '') };
        break;
      case 'call.consult_cancelled':
        status.consulting = null;
        break;
      case 'conversation.transferred':
        status.consulting = null;
        if (d.fromAgentId === myId) status.phase = 'transferred';
        break;
      case 'call.ended':
      case 'conversation.closed':
      case 'conversation.ended_by_customer':
      case 'conversation.abandoned':
        status.phase = 'ended';
        status.consulting = null;
        break;
    }
  }
  return status;
}
