import type { ConversationEvent } from '../core/model/index.js';

export const CATCH_UP_PAGE = 200;

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
  private holdTimer: NodeJS.Timeout | undefined;
  unsubscribe: () => void = () => undefined;

  constructor(
    readonly conversationId: string,
    afterSeq: number | null,
    private readonly readAfter: (afterSeq: number) => Promise<ConversationEvent[]>,
    private readonly deliver: (event: ConversationEvent) => void,
    private readonly onError: (error: unknown) => void,
    /** Resolves when the socket can take more; catch-up waits on it between pages. */
    private readonly drained: () => Promise<void> = async () => undefined,
  ) {
    this.lastSeen = afterSeq;
  }

  /** Starts (or restarts) from a sequence number: everything after it is sent. */
  resumeFrom(afterSeq: number): void {
    this.endHold();
    this.lastSeen = afterSeq;
    this.buffer = [];
    void this.catchUp();
  }

  /**
   * A socket that rejoins a conversation (an agent reconnecting) will usually send `resume`
   * with the seq it saw last. Until it does, live events wait, so they are not sent before the
   * older ones it missed. Without a resume within `ms`, the held events go out as they are.
   */
  holdUntilResume(ms: number): void {
    this.endHold();
    this.holdTimer = setTimeout(() => {
      this.holdTimer = undefined;
      const held = this.buffer.sort((a, b) => a.seq - b.seq);
      this.buffer = [];
      for (const event of held) this.onLive(event);
    }, ms);
  }

  private endHold(): void {
    if (this.holdTimer) clearTimeout(this.holdTimer);
    this.holdTimer = undefined;
  }

  /** The bus may have dropped live events (several nodes, Redis reconnected): read what came after the last one seen. */
  resync(): void {
    // A subscription that has seen nothing yet has no position to catch up from; the next live event sets it.
    if (this.lastSeen === null) return;
    void this.catchUp();
  }

  dispose(): void {
    this.endHold();
    this.unsubscribe();
  }

  onLive(event: ConversationEvent): void {
    if (this.catchingUp || this.holdTimer) {
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
          if (page.length > 0) await this.drained();
        } while (page.length >= CATCH_UP_PAGE);
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
