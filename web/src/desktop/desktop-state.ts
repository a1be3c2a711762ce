import { applyRegistrationEvents } from './registration-events.js';
import type { AgentStatus, ConversationDetails, Registration, WireEvent } from '../api/api-types.js';
import { EMPTY_LOG, mergeEvents, type EventLog } from '../realtime/event-log.js';

export interface Offer {
  conversationId: string;
  expiresAt: string;
  summary: Record<string, unknown>;
}

export interface PendingMessage {
  clientId: string;
  text: string;
  internal: boolean;
  /** Files uploaded for this message (sent again with it on a retry). */
  attachmentIds?: string[];
  /** Set by the server's ack; the bubble disappears once the event with this seq is in the log. */
  seq?: number;
  error?: string;
}

export interface ConversationEntry {
  id: string;
  details: ConversationDetails | null;
  log: EventLog;
  customerTyping: boolean;
  pending: PendingMessage[];
  /** Messages from the customer that arrived while another conversation was shown. */
  unread: number;
}

export interface DesktopState {
  status: AgentStatus;
  offers: Offer[];
  conversations: ConversationEntry[];
  selectedId: string | null;
  /** Conversations this agent closed or transferred: late events for them must not bring them back. */
  released: string[];
}

export type DesktopAction =
  | { type: 'status'; status: AgentStatus }
  | { type: 'offer.received'; offer: Offer }
  | { type: 'offer.removed'; conversationId: string }
  | { type: 'offers.cleared' }
  | { type: 'conversation.opened'; conversationId: string }
  | { type: 'conversation.details'; details: ConversationDetails }
  | { type: 'conversation.released'; conversationId: string }
  | { type: 'conversation.selected'; conversationId: string }
  | { type: 'work.synced'; assignedIds: string[] }
  | { type: 'events'; conversationId: string; events: WireEvent[] }
  | { type: 'typing'; conversationId: string; on: boolean }
  | { type: 'message.pending'; conversationId: string; message: PendingMessage }
  | { type: 'message.acked'; clientId: string; seq: number }
  | { type: 'message.failed'; clientId: string; error: string }
  | { type: 'message.discarded'; clientId: string }
  | { type: 'registration'; conversationId: string; registration: Registration };

export function initialDesktopState(status: AgentStatus): DesktopState {
  return { status, offers: [], conversations: [], selectedId: null, released: [] };
}

const newEntry = (id: string): ConversationEntry => ({ id, details: null, log: EMPTY_LOG, customerTyping: false, pending: [], unread: 0 });

export function desktopReducer(state: DesktopState, action: DesktopAction): DesktopState {
  switch (action.type) {
    case 'status':
      return { ...state, status: action.status };
    case 'offer.received':
      if (state.conversations.some((c) => c.id === action.offer.conversationId)) return state;
      return { ...state, offers: [...state.offers.filter((o) => o.conversationId !== action.offer.conversationId), action.offer] };
    case 'offer.removed':
      return { ...state, offers: state.offers.filter((o) => o.conversationId !== action.conversationId) };
    case 'offers.cleared':
      return { ...state, offers: [] };
    case 'conversation.opened':
      return open(state, action.conversationId, true);
    case 'conversation.details':
      return updateEntry(open(state, action.details.id, false), action.details.id, (c) => ({ ...c, details: action.details }));
    case 'conversation.released':
      return release(state, action.conversationId);
    case 'conversation.selected':
      return { ...state, selectedId: action.conversationId, conversations: state.conversations.map((c) => (c.id === action.conversationId ? { ...c, unread: 0 } : c)) };
    case 'work.synced': {
      const keep = new Set(action.assignedIds);
      let next: DesktopState = { ...state, conversations: state.conversations.filter((c) => keep.has(c.id)) };
      if (next.selectedId && !keep.has(next.selectedId)) next.selectedId = next.conversations[0]?.id ?? null;
      for (const id of action.assignedIds) next = open(next, id, false);
      return next;
    }
    case 'events':
      return mergeInto(state, action.conversationId, action.events);
    case 'typing':
      return updateEntry(state, action.conversationId, (c) => ({ ...c, customerTyping: action.on }));
    case 'message.pending':
      return updateEntry(state, action.conversationId, (c) => ({ ...c, pending: [...c.pending, action.message] }));
    case 'message.acked':
      return mapPending(state, action.clientId, (p) => ({ ...p, seq: action.seq }));
    case 'message.failed':
      return mapPending(state, action.clientId, (p) => ({ ...p, error: action.error }));
    case 'message.discarded':
      return { ...state, conversations: state.conversations.map((c) => ({ ...c, pending: c.pending.filter((p) => p.clientId !== action.clientId) })) };
    case 'registration':
      return updateEntry(state, action.conversationId, (c) => (c.details ? { ...c, details: { ...c.details, registration: action.registration } } : c));
  }
}

function open(state: DesktopState, id: string, select: boolean): DesktopState {
  const released = state.released.filter((r) => r !== id);
  const offers = state.offers.filter((o) => o.conversationId !== id);
  const exists = state.conversations.some((c) => c.id === id);
  const conversations = exists ? state.conversations : [...state.conversations, newEntry(id)];
  const selectedId = select || state.selectedId === null ? id : state.selectedId;
  return { ...state, released, offers, conversations, selectedId };
}

function release(state: DesktopState, id: string): DesktopState {
  const index = state.conversations.findIndex((c) => c.id === id);
  const conversations = state.conversations.filter((c) => c.id !== id);
  let selectedId = state.selectedId;
  if (selectedId === id) selectedId = (conversations[index] ?? conversations[index - 1] ?? null)?.id ?? null;
  return { ...state, conversations, selectedId, released: [...state.released.slice(-50), id] };
}

function mergeInto(state: DesktopState, id: string, events: WireEvent[]): DesktopState {
  if (state.released.includes(id)) return state;
  const base = state.conversations.some((c) => c.id === id) ? state : open(state, id, false);
  return updateEntry(base, id, (c) => {
    const log = mergeEvents(c.log, events);
    if (log === c.log) return c;
    const fresh = log.events.filter((e) => e.seq > c.log.lastSeq);
    const fromCustomer = fresh.filter((e) => e.type === 'message.created' && e.actor.kind === 'customer').length;
    const registration = c.details ? applyRegistrationEvents(c.details.registration, fresh) : null;
    return {
      ...c,
      log,
      ...(c.details && registration && registration !== c.details.registration ? { details: { ...c.details, registration } } : {}),
      // A customer message ends their typing; acknowledged own messages are now in the log.
      customerTyping: fromCustomer > 0 ? false : c.customerTyping,
      pending: c.pending.filter((p) => p.seq === undefined || !log.events.some((e) => e.seq === p.seq)),
      unread: base.selectedId === id ? 0 : c.unread + fromCustomer,
    };
  });
}

function updateEntry(state: DesktopState, id: string, change: (c: ConversationEntry) => ConversationEntry): DesktopState {
  let changed = false;
  const conversations = state.conversations.map((c) => {
    if (c.id !== id) return c;
    const next = change(c);
    changed = changed || next !== c;
    return next;
  });
  return changed ? { ...state, conversations } : state;
}

function mapPending(state: DesktopState, clientId: string, change: (p: PendingMessage) => PendingMessage): DesktopState {
  return {
    ...state,
    conversations: state.conversations.map((c) => {
      if (!c.pending.some((p) => p.clientId === clientId)) return c;
      const pending = c.pending.map((p) => (p.clientId === clientId ? change(p) : p));
      // The ack may come after the event itself: drop it at once when its seq is already shown.
      return { ...c, pending: pending.filter((p) => p.seq === undefined || !c.log.events.some((e) => e.seq === p.seq)) };
    }),
  };
}

/** True when the customer left or the conversation is over: the composer is closed, registration stays open. */
export function hasEnded(entry: ConversationEntry): boolean {
  const ended = entry.log.events.some((e) => e.type === 'conversation.ended_by_customer' || e.type === 'conversation.closed' || e.type === 'conversation.abandoned');
  const state = entry.details?.state;
  return ended || state === 'wrap_up' || state === 'closed' || state === 'abandoned' || state === 'transferred';
}
