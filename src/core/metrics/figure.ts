import type { Figure } from './metrics.types.js';

/** Builds a figure; a zero denominator gives `null`, never NaN or Infinity. */
export function figure(numerator: number, denominator: number): Figure {
  return { value: denominator === 0 ? null : numerator / denominator, numerator, denominator };
}

const MS_PER_SECOND = 1000;

/**
 * Seconds from `from` to `to`, or `null` when either is missing or the clock ran backwards:
 * a negative duration is a recording fault, and averaging it in would hide the fault.
 */
export function secondsBetween(from: number | null | undefined, to: number | null | undefined): number | null {
  if (from === null || from === undefined || to === null || to === undefined) return null;
  if (!Number.isFinite(from) || !Number.isFinite(to) || to < from) return null;
  return (to - from) / MS_PER_SECOND;
}
