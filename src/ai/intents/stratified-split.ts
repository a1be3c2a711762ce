import { seededRandom, shuffleInPlace } from './seeded-random.js';

export interface SplitResult<T> {
  readonly train: T[];
  readonly held: T[];
}

/**
 * Splits items so that every label keeps its share in both parts (a label with one item
 * stays in train). Same seed, same split.
 *
 * @example stratifiedSplit(rows, (row) => row.intent, 0.2, 1) // { train: 80 %, held: 20 % }
 */
export function stratifiedSplit<T>(
  items: readonly T[],
  labelOf: (item: T) => string,
  heldShare: number,
  seed: number,
): SplitResult<T> {
  const random = seededRandom(seed);
  const byLabel = new Map<string, T[]>();
  for (const item of items) {
    const label = labelOf(item);
    const group = byLabel.get(label) ?? [];
    group.push(item);
    byLabel.set(label, group);
  }
  const train: T[] = [];
  const held: T[] = [];
  for (const label of [...byLabel.keys()].sort()) {
    const group = shuffleInPlace([...(byLabel.get(label) ?? [])], random);
    const heldCount = group.length < 2 ? 0 : Math.max(1, Math.round(group.length * heldShare));
    held.push(...group.slice(0, heldCount));
    train.push(...group.slice(heldCount));
  }
  return { train, held };
}
