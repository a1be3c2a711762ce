/**
 * A counted set of words kept in code-unit order, for prefix lookup by binary search.
 * New words are spliced in; a knowledge base adds few new words per article, so this
 * stays cheaper than re-sorting on every query.
 *
 * @example
 *   const words = new SortedWords(); words.add('kaart'); words.add('kaarten');
 *   words.withPrefix('kaa', 10) // ['kaart', 'kaarten']
 */
export class SortedWords {
  private readonly sorted: string[] = [];
  private readonly counts = new Map<string, number>();

  get size(): number {
    return this.sorted.length;
  }

  has(word: string): boolean {
    return this.counts.has(word);
  }

  add(word: string): void {
    const count = this.counts.get(word);
    this.counts.set(word, (count ?? 0) + 1);
    if (count === undefined) this.sorted.splice(this.lowerBound(word), 0, word);
  }

  remove(word: string): void {
    const count = this.counts.get(word);
    if (count === undefined) return;
    if (count > 1) {
      this.counts.set(word, count - 1);
      return;
    }
    this.counts.delete(word);
    this.sorted.splice(this.lowerBound(word), 1);
  }

  /** Up to `limit` words starting with `prefix`, in order (the prefix itself included when known). */
  withPrefix(prefix: string, limit: number): string[] {
    const found: string[] = [];
    for (let index = this.lowerBound(prefix); index < this.sorted.length && found.length < limit; index++) {
      const word = this.sorted[index] as string;
      if (!word.startsWith(prefix)) break;
      found.push(word);
    }
    return found;
  }

  private lowerBound(word: string): number {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.sorted[middle] as string) < word) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
