/**
 * The saturation send pattern, shared by the Centraal run and the bare relay run so both see
 * exactly the same offered load: each customer keeps at most `perClient` messages un-acked,
 * and all customers together at most `global`. A customer blocked by the global cap waits
 * in a FIFO and is woken when any acknowledgement frees a slot.
 */
export class InflightGate {
  private inUse = 0;
  private readonly waiters: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  tryAcquire(onFree: () => void): boolean {
    if (this.inUse < this.limit) {
      this.inUse++;
      return true;
    }
    this.waiters.push(onFree);
    return false;
  }

  release(): void {
    this.inUse = Math.max(0, this.inUse - 1);
    this.wakeNext();
  }

  /** Hands a free slot to the longest waiter; a waiter that no longer wants it passes it on. */
  wakeNext(): void {
    if (this.inUse < this.limit) this.waiters.shift()?.();
  }

  /** Drops waiters when a phase ends, so no customer is woken after it. */
  drain(): void {
    this.waiters.length = 0;
  }
}

export interface SaturationSink {
  /** Sends one message and returns its clientId, or null when the socket cannot take it now. */
  sendNext(): string | null;
}

/** Drives one customer: fill up to the bounds, refill on every acknowledgement. */
export class SaturationFlow {
  private readonly outstanding = new Set<string>();
  private running = false;
  private waiting = false;

  constructor(
    private readonly gate: InflightGate,
    private readonly perClient: number,
    private readonly sink: SaturationSink,
  ) {}

  start(): void {
    this.running = true;
    this.pump();
  }

  stop(): void {
    this.running = false;
  }

  /** An ack (or an error frame) for one of ours frees its slots. */
  settle(clientId: string): void {
    if (!this.outstanding.delete(clientId)) return;
    this.gate.release();
    this.pump();
  }

  /** After a reconnect the old socket's in-flight messages will never be acked; free their slots. */
  reset(): void {
    const freed = this.outstanding.size;
    this.outstanding.clear();
    for (let i = 0; i < freed; i++) this.gate.release();
    this.pump();
  }

  private pump(): void {
    while (this.running && !this.waiting && this.outstanding.size < this.perClient) {
      if (!this.gate.tryAcquire(() => this.wake())) {
        this.waiting = true;
        return;
      }
      const clientId = this.sink.sendNext();
      if (clientId === null) {
        this.gate.release();
        return;
      }
      this.outstanding.add(clientId);
    }
  }

  private wake(): void {
    this.waiting = false;
    if (!this.running) {
      this.gate.wakeNext();
      return;
    }
    this.pump();
  }
}
