import { describe, expect, it } from 'vitest';
import { fitCombiner } from './fit-combiner.js';
import { seededRandom } from './seeded-random.js';
import { softmax } from './softmax.js';

/** Labels drawn from softmax(scale · scores): the maximum-likelihood weight is about `scale`. */
function sampled(size: number, scale: number) {
  const random = seededRandom(11);
  const scores: Array<{ softmax: Float64Array; svm: Float64Array }> = [];
  const labels = new Int32Array(size);
  for (let i = 0; i < size; i++) {
    const s = Float64Array.from({ length: 4 }, () => random() * 2);
    const p = softmax(s.map((v) => v * scale));
    let u = random();
    let label = 0;
    while (label < 3 && u > (p[label] ?? 0)) u -= p[label++] ?? 0;
    labels[i] = label;
    // The second component points the wrong way: its weight must stay at 0, not go negative.
    scores.push({ softmax: s, svm: s.map((v) => -v) });
  }
  return { scores, labels, classes: 4 };
}

describe('fitCombiner', () => {
  it('does recover the scale the labels were drawn with', () => {
    const fitted = fitCombiner(sampled(4000, 2.5), ['softmax']);
    expect(fitted.weights.softmax).toBeGreaterThan(2.2);
    expect(fitted.weights.softmax).toBeLessThan(2.8);
  });

  it('does keep weights non-negative when a component is misleading', () => {
    const fitted = fitCombiner(sampled(2000, 2.5), ['softmax', 'svm']);
    expect(fitted.weights.svm).toBe(0);
    expect(fitted.weights.softmax).toBeGreaterThan(2);
  });

  it('does lower the log-loss below the unweighted sum when fitted', () => {
    const data = sampled(1000, 3);
    const fitted = fitCombiner(data, ['softmax']);
    const unweighted = data.scores.reduce((sum, s, i) => sum - Math.log(softmax(s.softmax)[data.labels[i] ?? 0] ?? 1), 0) / 1000;
    expect(fitted.nll).toBeLessThan(unweighted);
  });
});
