import { logSoftmax } from './softmax.js';

export interface ScoredExample {
  readonly scores: ArrayLike<number>;
  readonly label: number;
}

/** Mean negative log-likelihood of the true labels under softmax(scores / temperature). */
export function negativeLogLikelihood(examples: readonly ScoredExample[], temperature: number): number {
  let total = 0;
  for (const { scores, label } of examples) {
    const scaled = Array.from(scores, (s) => s / temperature);
    total -= logSoftmax(scaled)[label] ?? 0;
  }
  return examples.length === 0 ? 0 : total / examples.length;
}

/**
 * Temperature scaling (Guo et al., 2017): the one number T that makes softmax(scores / T)
 * match held-out accuracy best, found by golden-section search on log T. It keeps the ranking,
 * so top-1 does not change; only the confidences become honest.
 *
 * @example fitTemperature(validationScores) // e.g. 0.4 when the raw scores are too flat
 */
export function fitTemperature(examples: readonly ScoredExample[], low = 0.01, high = 100): number {
  if (examples.length === 0) return 1;
  const ratio = (Math.sqrt(5) - 1) / 2;
  let a = Math.log(low);
  let b = Math.log(high);
  for (let iteration = 0; iteration < 60; iteration++) {
    const c = b - ratio * (b - a);
    const d = a + ratio * (b - a);
    if (negativeLogLikelihood(examples, Math.exp(c)) < negativeLogLikelihood(examples, Math.exp(d))) b = d;
    else a = c;
  }
  return Math.exp((a + b) / 2);
}
