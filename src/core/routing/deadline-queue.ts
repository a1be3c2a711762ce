import { MinHeap } from './min-heap.js';

interface Scheduled<T> {
  readonly at: number;
  readonly order: number;
  readonly value: T;
}

/**
 * Timers without timers: values due at a time, taken out by `takeDue(now)` in deadline
 * order (insertion order on ties, so replays decide the same way). Entries are never
 * cancelled; callers check on take-out whether the entry still applies, which keeps
 * every state change O(log n) instead of searching the heap.
 */
export class DeadlineQueue<T> {
  private readonly heap = new MinHeap<Scheduled<T>>((a, b) => a.at - b.at || a.order - b.order);
  private nextOrder = 0;

  get size(): number {
    return this.heap.size;
  }

  schedule(at: number, value: T): void {
    this.heap.push({ at, order: this.nextOrder++, value });
  }

  /** Removes and returns the next value due at or before `now`, if any. */
  takeDue(now: number): T | undefined {
    const next = this.heap.peek();
    if (next === undefined || next.at > now) return undefined;
    this.heap.pop();
    return next.value;
  }
}
