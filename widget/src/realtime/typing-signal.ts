export interface TypingSignalOptions {
  /** While typing, repeat "on" at most this often, so the agent's indicator does not time out. */
  repeatMs: number;
  /** After this long without a keystroke, send "off". */
  idleMs: number;
}

/**
 * Turns keystrokes into few `typing` frames: "on" at the first key and then at most every
 * `repeatMs`, "off" after `idleMs` of silence or when the message is sent.
 */
export class TypingSignal {
  private lastOnAt = -Infinity;
  private typing = false;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly emit: (on: boolean) => void,
    private readonly options: TypingSignalOptions = { repeatMs: 3000, idleMs: 4000 },
    private readonly now: () => number = () => Date.now(),
  ) {}

  keystroke(): void {
    const now = this.now();
    if (!this.typing || now - this.lastOnAt >= this.options.repeatMs) {
      this.typing = true;
      this.lastOnAt = now;
      this.emit(true);
    }
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.stop(), this.options.idleMs);
  }

  stop(): void {
    clearTimeout(this.idleTimer);
    if (!this.typing) return;
    this.typing = false;
    this.emit(false);
  }
}
