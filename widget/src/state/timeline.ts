import type { WireEvent } from '../realtime/wire-types.js';

export type Author = 'customer' | 'agent' | 'system';
export type NoticeKind = 'assigned' | 'transferred' | 'closed' | 'callUnanswered';

/** One bubble or notice in the message list; `key` is stable so the view can reuse its node. */
export interface TimelineItem {
  key: string;
  seq?: number;
  author: Author;
  text: string;
  /** System notices are translated when drawn, so switching language re-labels them. */
  notice?: NoticeKind;
  name?: string;
  /** Choices a bot offered with a clarifying question; choosing one sends its label. */
  options?: string[];
  /** Files an agent sent with the message (fetched with the conversation token when shown). */
  attachments?: AttachmentInfo[];
  status: 'sent' | 'pending' | 'failed';
}

export interface AttachmentInfo {
  id: string;
  filename: string;
  contentType: string;
  size: number;
}

/** A customer message sent but not yet acknowledged; re-sent with the same clientId after a reconnect. */
export interface PendingMessage {
  clientId: string;
  text: string;
  failed?: boolean;
  /** The last seq seen when it was written: its echo must come later, so an older message with the same text is not mistaken for it. */
  sinceSeq?: number;
}

export interface Timeline {
  lastSeq: number;
  items: TimelineItem[];
  pending: PendingMessage[];
  agentName?: string;
  ended: boolean;
}

export function emptyTimeline(pending: PendingMessage[] = []): Timeline {
  return { lastSeq: 0, items: [], pending, ended: false };
}

/**
 * Merges one event, idempotently: a replayed or duplicated seq changes nothing. The customer's
 * own message comes back as an event, possibly before its ack; it then replaces the oldest
 * pending bubble with the same text, so the message is never shown twice.
 */
export function applyEvent(timeline: Timeline, event: WireEvent): Timeline {
  if (timeline.items.some((item) => item.seq === event.seq) || event.seq <= 0) return timeline;
  const next: Timeline = { ...timeline, lastSeq: Math.max(timeline.lastSeq, event.seq) };
  const item = toItem(event);
  if (event.type === 'conversation.assigned' && typeof event.data.agentName === 'string') next.agentName = event.data.agentName;
  if (item?.notice === 'closed') next.ended = true;
  if (!item) return next;
  next.items = insertBySeq(timeline.items, item);
  if (item.author === 'customer') next.pending = dropFirstMatching(timeline.pending, item.text, event.seq);
  return next;
}

export function applyEvents(timeline: Timeline, events: readonly WireEvent[]): Timeline {
  return events.reduce(applyEvent, timeline);
}

function toItem(event: WireEvent): TimelineItem | undefined {
  const base = { key: `seq:${event.seq}`, seq: event.seq, status: 'sent' as const };
  const name = event.actor.name ?? (typeof event.data.agentName === 'string' ? event.data.agentName : undefined);
  switch (event.type) {
    case 'message.created': {
      const text = typeof event.data.text === 'string' ? event.data.text : '';
      const author: Author = event.actor.kind === 'customer' ? 'customer' : event.actor.kind === 'system' ? 'system' : 'agent';
      const options = optionLabels(event.data.options);
      const attachments = attachmentsOf(event.data.attachments);
      return { ...base, author, text, ...(name ? { name } : {}), ...(options.length ? { options } : {}), ...(attachments.length ? { attachments } : {}) };
    }
    case 'conversation.assigned':
      return { ...base, author: 'system', text: '', notice: 'assigned', ...(name ? { name } : {}) };
    case 'conversation.transferred':
      return { ...base, author: 'system', text: '', notice: 'transferred' };
    case 'conversation.closed':
    case 'conversation.ended_by_customer':
      return { ...base, author: 'system', text: '', notice: 'closed' };
    // The agent (or the IVR) hung up: the conversation is over for the customer. A customer's own
    // hang-up is followed by `conversation.ended_by_customer`.
    case 'call.ended':
      // Nobody picked up a chat that became a call: the chat goes on.
      if (event.data.reason === 'no_answer') return { ...base, author: 'system', text: '', notice: 'callUnanswered' };
      return event.data.by === 'customer' ? undefined : { ...base, author: 'system', text: '', notice: 'closed' };
    // The server words these in the customer's language (the line's policy or bot texts).
    case 'conversation.handed_over':
    case 'safety.warning':
    case 'safety.timed_out':
      return typeof event.data.text === 'string' && event.data.text ? { ...base, author: 'system', text: event.data.text } : undefined;
    default:
      return undefined;
  }
}

function attachmentsOf(value: unknown): AttachmentInfo[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((a: unknown) => {
    const f = (typeof a === 'object' && a !== null ? a : {}) as Partial<AttachmentInfo>;
    return typeof f.id === 'string' && typeof f.filename === 'string' ? [{ id: f.id, filename: f.filename, contentType: String(f.contentType ?? ''), size: Number(f.size ?? 0) }] : [];
  });
}

function optionLabels(options: unknown): string[] {
  if (!Array.isArray(options)) return [];
  return options.flatMap((option: unknown) => {
    const label = typeof option === 'object' && option !== null ? (option as { label?: unknown }).label : undefined;
    return typeof label === 'string' && label ? [label] : [];
  });
}

function insertBySeq(items: readonly TimelineItem[], item: TimelineItem): TimelineItem[] {
  const index = items.findIndex((other) => (other.seq ?? Infinity) > (item.seq ?? Infinity));
  return index < 0 ? [...items, item] : [...items.slice(0, index), item, ...items.slice(index)];
}

function dropFirstMatching(pending: readonly PendingMessage[], text: string, seq: number): PendingMessage[] {
  const index = pending.findIndex((p) => !p.failed && seq > (p.sinceSeq ?? 0) && p.text.trim() === text.trim());
  return index < 0 ? [...pending] : [...pending.slice(0, index), ...pending.slice(index + 1)];
}

export function addPending(timeline: Timeline, message: PendingMessage): Timeline {
  return { ...timeline, pending: [...timeline.pending, message] };
}

/** The server stored the message: its event (same seq) is, or soon will be, in the timeline. */
export function applyAck(timeline: Timeline, clientId: string): Timeline {
  if (!timeline.pending.some((p) => p.clientId === clientId)) return timeline;
  return { ...timeline, pending: timeline.pending.filter((p) => p.clientId !== clientId) };
}

/** A non-retryable refusal: the bubble stays, marked as not sent, and is not re-sent. */
export function applyFailure(timeline: Timeline, clientId: string): Timeline {
  return { ...timeline, pending: timeline.pending.map((p) => (p.clientId === clientId ? { ...p, failed: true } : p)) };
}

/** Messages to send again after a reconnect, oldest first. */
export function unsent(timeline: Timeline): PendingMessage[] {
  return timeline.pending.filter((p) => !p.failed);
}

/** What the message list shows: stored events in seq order, then the pending bubbles. */
export function visibleItems(timeline: Timeline): TimelineItem[] {
  const pending = timeline.pending.map<TimelineItem>((p) => ({ key: `pending:${p.clientId}`, author: 'customer', text: p.text, status: p.failed ? 'failed' : 'pending' }));
  return [...timeline.items, ...pending];
}
