import { describe, expect, it } from 'vitest';
import { stratifiedFolds } from './stratified-folds.js';

const ROWS = [...Array.from({ length: 9 }, () => 'a'), ...Array.from({ length: 6 }, () => 'b'), ...Array.from({ length: 4 }, () => 'c')];

describe('stratifiedFolds', () => {
  it('does spread every label evenly over the folds when labels have different sizes', () => {
    const folds = stratifiedFolds(ROWS, (row) => row, 3, 1);
    for (const label of ['a', 'b', 'c']) {
      const counts = [0, 0, 0];
      ROWS.forEach((row, i) => {
        if (row === label) counts[folds[i] ?? 0]!++;
      });
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    }
    const sizes = [0, 1, 2].map((fold) => folds.filter((f) => f === fold).length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it('does give the same folds for the same seed and other folds for another seed', () => {
    expect([...stratifiedFolds(ROWS, (row) => row, 3, 7)]).toEqual([...stratifiedFolds(ROWS, (row) => row, 3, 7)]);
    expect([...stratifiedFolds(ROWS, (row) => row, 3, 7)]).not.toEqual([...stratifiedFolds(ROWS, (row) => row, 3, 8)]);
  });

  it('does reject fewer than two folds', () => {
    expect(() => stratifiedFolds(ROWS, (row) => row, 1, 1)).toThrow(/at least 2 folds/);
  });
});
