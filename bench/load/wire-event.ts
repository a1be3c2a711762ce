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

/** Events are numbered per conversation; after a resume, anything at or below the last seen seq is a repeat. */
export class SeqTracker {
  private readonly lastSeq = new Map<string, number>();

  isNew(e: WireEvent): boolean {
    const last = this.lastSeq.get(e.conversationId) ?? 0;
    if (typeof e.seq !== 'number' || e.seq <= last) return false;
    this.lastSeq.set(e.conversationId, e.seq);
    return true;
  }

  track(conversationId: string): void {
    if (!this.lastSeq.has(conversationId)) this.lastSeq.set(conversationId, 0);
  }

  entries(): IterableIterator<[string, number]> {
    return this.lastSeq.entries();
  }

  get(conversationId: string): number {
    return this.lastSeq.get(conversationId) ?? 0;
  }
}
