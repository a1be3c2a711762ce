/**
 * A sorted list that behaves like a FIFO in the common case: appending at the tail and
 * taking from the head are O(1) (amortised). Contacts returning to their place (declined
 * offer, overflow keeping `enqueuedAt`) are inserted by binary search.
 */
export class OrderedBucket<T> {
  private items: T[] = [];
  private head = 0;

  constructor(private readonly compare: (a: T, b: T) => number) {}

  get size(): number {
    return this.items.length - this.head;
  }

  peek(): T | undefined {
    return this.items[this.head];
  }

  insert(item: T): void {
    const last = this.items[this.items.length - 1];
    if (this.size === 0 || (last !== undefined && this.compare(last, item) <= 0)) {
      this.items.push(item);
      return;
    }
    // After any equal items, so items that compare equal stay in arrival order.
    const index = this.lowerBound((existing) => this.compare(existing, item) <= 0);
    if (index === this.head && this.head > 0) {
      this.head -= 1;
      this.items[this.head] = item;
      return;
    }
    this.items.splice(index, 0, item);
  }

  /** Removes `item` (found by its order); returns false when it is not here. */
  remove(item: T): boolean {
    let index = this.lowerBound((existing) => this.compare(existing, item) < 0);
    // Several items may compare equal; the one to remove is the identical object among them.
    while (index < this.items.length && this.items[index] !== item && this.compare(this.items[index] as T, item) === 0) index += 1;
    if (index >= this.items.length || this.items[index] !== item) return false;
    if (index === this.head) {
      this.items[this.head] = undefined as T;
      this.head += 1;
      this.compact();
    } else {
      this.items.splice(index, 1);
    }
    return true;
  }

  /** The first item from the head that satisfies `test`. */
  find(test: (item: T) => boolean): T | undefined {
    for (let index = this.head; index < this.items.length; index++) {
      const item = this.items[index] as T;
      if (test(item)) return item;
    }
    return undefined;
  }

  /** How many items come before a position: `isBefore` must hold for a prefix of the list. */
  countWhile(isBefore: (item: T) => boolean): number {
    return this.lowerBound(isBefore) - this.head;
  }

  *[Symbol.iterator](): IterableIterator<T> {
    for (let index = this.head; index < this.items.length; index++) yield this.items[index] as T;
  }

  /** First index in [head, length) where `isBefore` stops holding. */
  private lowerBound(isBefore: (item: T) => boolean): number {
    let low = this.head;
    let high = this.items.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (isBefore(this.items[mid] as T)) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** Drops the consumed prefix once it dominates, so memory follows the live size. */
  private compact(): void {
    if (this.head === this.items.length) {
      this.items = [];
      this.head = 0;
    } else if (this.head >= 1024 && this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }
}
