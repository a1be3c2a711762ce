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

  it('does let a small-scale score reach a large weight when there is much data', () => {
    // Scores in [0, 0.2] (like a nearest-neighbour similarity) whose labels follow weight 250: the
    // old fixed ridge of 1e-3 per example held the weight at 20; a prior of 0.1 examples lets it reach 90.
    const data = sampled(6000, 25);
    const small = { ...data, scores: data.scores.map((s) => ({ softmax: s.softmax.map((v) => v / 10), svm: s.svm })) };
    expect(fitCombiner(small, ['softmax']).weights.softmax).toBeGreaterThan(60);
  });

  it('does keep the weight moderate on a handful of separable examples', () => {
    // Ten examples whose labels the score always gets right: unregularised, the weight would grow without end.
    const scores = Array.from({ length: 10 }, (_, i) => ({ softmax: Float64Array.from([i % 2 === 0 ? 1 : 0, i % 2 === 0 ? 0 : 1]) }));
    const labels = Int32Array.from(scores, (_, i) => i % 2);
    expect(fitCombiner({ scores, labels, classes: 2 }, ['softmax']).weights.softmax).toBeLessThan(8);
  });
});
