/**
 * The first `limit` items in `compare` order, without sorting them all: a search may match
 * thousands of articles but shows ten.
 *
 * @example selectTop([5, 1, 4, 2], 2, (a, b) => a - b) // [1, 2]
 */
export function selectTop<T>(items: Iterable<T>, limit: number, compare: (a: T, b: T) => number): T[] {
  const top: T[] = [];
  if (limit <= 0) return top;
  for (const item of items) {
    if (top.length === limit && compare(item, top[limit - 1] as T) >= 0) continue;
    let low = 0;
    let high = top.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compare(top[middle] as T, item) <= 0) low = middle + 1;
      else high = middle;
    }
    top.splice(low, 0, item);
    if (top.length > limit) top.pop();
  }
  return top;
}
