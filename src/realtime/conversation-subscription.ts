import type { ConversationEvent } from '../core/model/index.js';

/**
 * Delivers one conversation's events to one socket exactly once and in order.
 * Live events arrive from the bus; when a sequence number is skipped (the socket resumed,
 * or joined late) it reads the gap from the database first and holds live events meanwhile.
 */
export class ConversationSubscription {
  private lastSeen: number | null;
  private catchingUp = false;
  private again = false;
  private buffer: ConversationEvent[] = [];
  unsubscribe: () => void = () => undefined;

  constructor(
    readonly conversationId: string,
    afterSeq: number | null,
    private readonly readAfter: (afterSeq: number) => Promise<ConversationEvent[]>,
    private readonly deliver: (event: ConversationEvent) => void,
    private readonly onError: (error: unknown) => void,
  ) {
    this.lastSeen = afterSeq;
  }

  /** Starts (or restarts) from a sequence number: everything after it is sent. */
  resumeFrom(afterSeq: number): void {
    this.lastSeen = afterSeq;
    this.buffer = [];
    void this.catchUp();
  }

  onLive(event: ConversationEvent): void {
    if (this.catchingUp) {
      this.buffer.push(event);
      return;
    }
    if (this.lastSeen !== null && event.seq <= this.lastSeen) return;
    if (this.lastSeen !== null && event.seq > this.lastSeen + 1) {
      this.buffer.push(event);
      void this.catchUp();
      return;
    }
    this.emit(event);
  }

  async catchUp(): Promise<void> {
    if (this.catchingUp) {
      this.again = true;
      return;
    }
    this.catchingUp = true;
    try {
      do {
        this.again = false;
        let page: ConversationEvent[];
        do {
          page = await this.readAfter(this.lastSeen ?? 0);
          for (const event of page) this.emit(event);
        } while (page.length > 0 && page.length >= 500);
      } while (this.again);
    } catch (error) {
      this.onError(error);
    } finally {
      this.catchingUp = false;
    }
    const held = this.buffer.sort((a, b) => a.seq - b.seq);
    this.buffer = [];
    for (const event of held) this.onLive(event);
  }

  private emit(event: ConversationEvent): void {
    if (this.lastSeen !== null && event.seq <= this.lastSeen) return;
    this.lastSeen = event.seq;
    this.deliver(event);
  }
}
