import type { WireEvent } from '../../src/realtime/protocol.js';

/**
 * `WireEvent.data` is an open record; the message text is read defensively so a renamed
 * field shows up as "unknown receipts" in the summary rather than as a crash.
 */
export function messageTextOf(e: WireEvent): string | null {
  const data: Record<string, unknown> = e.data ?? {};
  for (const field of ['text', 'body', 'content']) {
    const value = data[field];
    if (typeof value === 'string') return value;
  }
  const message = data.message;
  if (typeof message === 'object' && message !== null) {
    const text = (message as Record<string, unknown>).text;
    if (typeof text === 'string') return text;
  }
  return null;
}

/**
 * The highest seq seen per conversation: the point to resume from after a reconnect.
 * It is not used to drop repeats: after a resume the server sends live events first and
 * then replays the gap, so older seqs legitimately arrive after newer ones. Repeats are
 * harmless because the message ledger books each message once. (If a second disconnect
 * cuts a replay short, resuming from the highest seq skips the rest of that gap; such
 * messages then show up as lost rather than being hidden.)
 */
export class SeqTracker {
  private readonly highest = new Map<string, number>();

  observe(e: WireEvent): void {
    if (typeof e.seq !== 'number') return;
    if (e.seq > (this.highest.get(e.conversationId) ?? 0)) this.highest.set(e.conversationId, e.seq);
  }

  track(conversationId: string): void {
    if (!this.highest.has(conversationId)) this.highest.set(conversationId, 0);
  }

  entries(): IterableIterator<[string, number]> {
    return this.highest.entries();
  }
}
