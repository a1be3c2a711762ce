import { seededRandom, shuffleInPlace } from './seeded-random.js';

/**
 * Assigns every item to one of `folds` folds so that each label is spread evenly over them
 * (a label with n items puts ⌊n/folds⌋ or ⌈n/folds⌉ in each). Same seed, same folds.
 *
 * @example stratifiedFolds(rows, (row) => row.intent, 3, 1) // Int32Array [2, 0, 1, 1, …]
 */
export function stratifiedFolds<T>(items: readonly T[], labelOf: (item: T) => string, folds: number, seed: number): Int32Array {
  if (!Number.isInteger(folds) || folds < 2) throw new Error(`stratifiedFolds needs at least 2 folds, got ${folds}`);
  const random = seededRandom(seed);
  const byLabel = new Map<string, number[]>();
  items.forEach((item, position) => {
    const label = labelOf(item);
    const group = byLabel.get(label) ?? [];
    group.push(position);
    byLabel.set(label, group);
  });
  const assignment = new Int32Array(items.length);
  // A running offset keeps small labels from all starting in fold 0, so the folds stay equal in size.
  let offset = 0;
  for (const label of [...byLabel.keys()].sort()) {
    const group = shuffleInPlace([...(byLabel.get(label) ?? [])], random);
    group.forEach((position, rank) => (assignment[position] = (rank + offset) % folds));
    offset += group.length;
  }
  return assignment;
}
