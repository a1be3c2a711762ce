import { describe, expect, it } from 'vitest';
import { coverageAtPrecision, expectedCalibrationError, reliabilityBins } from './coverage-at-precision.js';

const judged = (rows: Array<[number, boolean]>) => rows.map(([confidence, correct]) => ({ confidence, correct }));

describe('coverageAtPrecision', () => {
  it('does answer everything when every prediction is correct', () => {
    expect(coverageAtPrecision(judged([[0.9, true], [0.5, true]]), 0.97)).toBe(1);
  });

  it('does stop before the first mistake when the precision must be perfect', () => {
    // Sorted: 0.99 ✓, 0.9 ✓, 0.8 ✗, 0.7 ✓ → prefixes 1/1, 2/2, 2/3, 3/4.
    expect(coverageAtPrecision(judged([[0.7, true], [0.99, true], [0.8, false], [0.9, true]]), 1)).toBe(0.5);
  });

  it('does take the longest prefix, not the first dip, when precision recovers', () => {
    // Prefix precisions: 1, 0.5, 0.667, 0.75 → at 0.75 the whole list qualifies.
    expect(coverageAtPrecision(judged([[0.9, true], [0.8, false], [0.7, true], [0.6, true]]), 0.75)).toBe(1);
  });

  it('does hand-compute 95% on twenty predictions with one mistake at rank 20', () => {
    const rows: Array<[number, boolean]> = Array.from({ length: 20 }, (_, i) => [1 - i / 100, i !== 19]);
    expect(coverageAtPrecision(judged(rows), 0.95)).toBe(1);
    expect(coverageAtPrecision(judged(rows), 0.97)).toBe(0.95);
  });

  it('does keep equal confidences together when a threshold cannot split them', () => {
    expect(coverageAtPrecision(judged([[0.9, true], [0.5, true], [0.5, false]]), 0.9)).toBeCloseTo(1 / 3);
  });

  it('does return 0 when there are no predictions', () => {
    expect(coverageAtPrecision([], 0.95)).toBe(0);
  });
});

describe('reliability', () => {
  it('does bin predictions and measure the gap when confidences are off', () => {
    const rows = judged([[0.95, true], [0.95, false], [0.15, false], [0.15, false]]);
    const bins = reliabilityBins(rows, 10);
    expect(bins[9]).toMatchObject({ count: 2, accuracy: 0.5 });
    expect(bins[1]).toMatchObject({ count: 2, accuracy: 0 });
    // |0.95 − 0.5| · 2 + |0.15 − 0| · 2, over 4.
    expect(expectedCalibrationError(rows, 10)).toBeCloseTo(0.3);
  });
});
