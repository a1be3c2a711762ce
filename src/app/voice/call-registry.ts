import type { IvrState } from '../../core/ivr/index.js';
import type { Channel, Conversation } from '../../core/model/index.js';
import { OPEN_STATES, type Repositories, type StoredCallState } from '../../storage/index.js';
import type { Clock } from '../clock.js';
import type { CallStateSource } from '../conversation/event-recorder.js';
import type { CallStateWrite } from '../journal.js';

/** What a running browser call has beyond the conversation row: IVR position, ringing, consult. */
export interface LiveCall {
  readonly conversationId: string;
  readonly tenantId: string;
  /** Where the caller is in the line's IVR while it waits for keys; null otherwise. */
  ivr: IvrState | null;
  /** When the IVR stops waiting and counts silence (epoch ms); null when nothing waits. */
  ivrDeadline: number | null;
  ivrTimer: ReturnType<typeof setTimeout> | undefined;
  /** A chat that became a call rings its agent since then until they pick up (`call.answered`); null otherwise. */
  ringingSince: number | null;
  /** The channel it was before it became a call: where it goes back to when nobody picks up. */
  ringingFrom: Channel | null;
  ringTimer: ReturnType<typeof setTimeout> | undefined;
  /** Warm transfer: the colleague consulted before the call is handed over. */
  consult: { agentId: string; agentName: string; callSid?: string | null } | null;
}

export const isRinging = (call: LiveCall | undefined): boolean => call?.ringingSince != null;

/**
 * The browser calls of this node. Memory is a cache of the `call_states` table: a change marks the
 * call, and the next event recorded on its conversation stores it in the same transaction
 * (`pendingWrite`, called by the event recorder inside `withConversation`). A node that has no
 * memory of a call (after a restart or a lease takeover) reads it back on first use.
 */
export class CallRegistry implements CallStateSource {
  private readonly calls = new Map<string, LiveCall>();
  private readonly changed = new Set<string>();
  private readonly loading = new Map<string, Promise<LiveCall>>();

  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
  ) {}

  /** The call as this node has it in memory (no database read). */
  get(conversationId: string): LiveCall | undefined {
    return this.calls.get(conversationId);
  }

  /** The call of a conversation: from memory, else from the database, else a call with nothing going on. */
  async load(conversation: Pick<Conversation, 'id' | 'tenantId'>): Promise<LiveCall> {
    const known = this.calls.get(conversation.id);
    if (known) return known;
    let pending = this.loading.get(conversation.id);
    if (!pending) {
      pending = this.fetch(conversation).finally(() => this.loading.delete(conversation.id));
      this.loading.set(conversation.id, pending);
    }
    return pending;
  }

  private async fetch(conversation: Pick<Conversation, 'id' | 'tenantId'>): Promise<LiveCall> {
    const stored = await this.repos.callStates.get(conversation.id);
    const existing = this.calls.get(conversation.id);
    if (existing) return existing;
    const call = stored ? fromStored(stored) : emptyCall(conversation.id, conversation.tenantId);
    this.calls.set(conversation.id, call);
    return call;
  }

  /** A call read from the database at start-up or takeover (its timers are armed by the caller). */
  adopt(stored: StoredCallState): LiveCall {
    this.evict(stored.conversationId);
    const call = fromStored(stored);
    this.calls.set(call.conversationId, call);
    return call;
  }

  /** The call changed: stored with the next event recorded on its conversation. */
  markChanged(call: LiveCall): void {
    this.calls.set(call.conversationId, call);
    this.changed.add(call.conversationId);
  }

  /** The call is over (hang-up): nothing left to keep; the row goes with the next event. */
  end(call: LiveCall): void {
    clearTimers(call);
    call.ivr = null;
    call.ivrDeadline = null;
    call.ringingSince = null;
    call.ringingFrom = null;
    call.consult = null;
    this.markChanged(call);
  }

  pendingWrite(conversation: Conversation): CallStateWrite | undefined {
    const call = this.calls.get(conversation.id);
    if (!OPEN_STATES.includes(conversation.state)) {
      // The conversation ended: so did its call (the journal deletes a voice conversation's row anyway).
      if (!call) return undefined;
      this.evict(conversation.id);
      return { conversationId: conversation.id, tenantId: conversation.tenantId, state: null };
    }
    if (!call || !this.changed.delete(conversation.id)) return undefined;
    return { conversationId: call.conversationId, tenantId: call.tenantId, state: isIdle(call) ? null : toStored(call, this.clock.now()) };
  }

  evict(conversationId: string): void {
    const call = this.calls.get(conversationId);
    if (call) clearTimers(call);
    this.calls.delete(conversationId);
    this.changed.delete(conversationId);
  }

  /** Another node runs the tenant now (or this node just took it over): forget its calls here. */
  evictTenant(tenantId: string): void {
    for (const call of [...this.calls.values()]) if (call.tenantId === tenantId) this.evict(call.conversationId);
  }

  stop(): void {
    for (const call of this.calls.values()) clearTimers(call);
    this.calls.clear();
    this.changed.clear();
  }
}

export function clearTimers(call: LiveCall): void {
  if (call.ivrTimer) clearTimeout(call.ivrTimer);
  if (call.ringTimer) clearTimeout(call.ringTimer);
  call.ivrTimer = undefined;
  call.ringTimer = undefined;
}

function emptyCall(conversationId: string, tenantId: string): LiveCall {
  return { conversationId, tenantId, ivr: null, ivrDeadline: null, ivrTimer: undefined, ringingSince: null, ringingFrom: null, ringTimer: undefined, consult: null };
}

function isIdle(call: LiveCall): boolean {
  return call.ivr === null && call.ringingSince === null && call.consult === null;
}

function fromStored(stored: StoredCallState): LiveCall {
  return {
    ...emptyCall(stored.conversationId, stored.tenantId),
    ivr: (stored.ivrState as IvrState | null) ?? null,
    ivrDeadline: stored.ivrDeadline,
    ringingSince: stored.ringingSince,
    ringingFrom: (stored.ringingFrom as Channel | null) ?? null,
    consult: stored.consult,
  };
}

function toStored(call: LiveCall, now: number): StoredCallState {
  return {
    conversationId: call.conversationId,
    tenantId: call.tenantId,
    ivrState: call.ivr,
    ivrDeadline: call.ivr ? call.ivrDeadline : null,
    ringingSince: call.ringingSince,
    ringingFrom: call.ringingSince === null ? null : call.ringingFrom,
    consult: call.consult,
    updatedAt: now,
  };
}
