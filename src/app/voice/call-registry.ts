import type { IvrState } from '../../core/ivr/index.js';

/** What a node remembers of a running call beyond the conversation row: IVR position, pick-up, consult. */
export interface LiveCall {
  conversationId: string;
  /** Where the caller is in the line's IVR while it waits for keys; null otherwise. */
  ivr: IvrState | null;
  ivrTimer: ReturnType<typeof setTimeout> | undefined;
  /** A chat that became a call rings its agent until they pick up (`call.answered`). */
  awaitingPickup: boolean;
  /** Warm transfer: the colleague consulted before the call is handed over. */
  consult: { agentId: string; agentName: string } | null;
}

/**
 * The calls of this node, in memory. Media runs browser to browser, so after a restart the
 * conversation state (channel, state, assigned agent) is what decides whether a call is
 * connected; only an IVR in progress and an open consult are lost (documented in architecture.md).
 */
export class CallRegistry {
  private readonly calls = new Map<string, LiveCall>();

  get(conversationId: string): LiveCall | undefined {
    return this.calls.get(conversationId);
  }

  ensure(conversationId: string): LiveCall {
    let call = this.calls.get(conversationId);
    if (!call) {
      call = { conversationId, ivr: null, ivrTimer: undefined, awaitingPickup: false, consult: null };
      this.calls.set(conversationId, call);
    }
    return call;
  }

  forget(conversationId: string): void {
    const call = this.calls.get(conversationId);
    if (call?.ivrTimer) clearTimeout(call.ivrTimer);
    this.calls.delete(conversationId);
  }

  stop(): void {
    for (const call of this.calls.values()) if (call.ivrTimer) clearTimeout(call.ivrTimer);
    this.calls.clear();
  }
}
