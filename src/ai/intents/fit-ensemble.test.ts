import { describe, expect, it } from 'vitest';
import { fitEnsemble } from './fit-ensemble.js';
import { seededRandom } from './seeded-random.js';

/** Three classes; the dense scorer knows the label, the others are noise. */
function validation(size: number) {
  const random = seededRandom(5);
  const labels = Int32Array.from({ length: size }, (_, i) => i % 3);
  const noise = () => Float64Array.from({ length: 3 }, () => 3 * random());
  const scores = Array.from(labels, (label) => ({
    softmax: noise(),
    svm: noise(),
    knn: noise(),
    dense: Float64Array.from({ length: 3 }, (_, c) => (c === label ? 2 : 0) + random()),
  }));
  return { scores, labels, classes: 3 };
}

describe('fitEnsemble', () => {
  it('does weigh the informative component most when only it knows the labels', () => {
    const fitted = fitEnsemble(validation(90), { softmax: true, svm: true, knn: true, dense: true, denseKnn: false });
    expect(fitted.accuracy).toBe(1);
    expect(fitted.weights.dense ?? 0).toBeGreaterThan(fitted.weights.softmax);
    expect(fitted.temperature).toBeGreaterThan(0);
  });

  it('does leave a missing component at weight 0', () => {
    const fitted = fitEnsemble(validation(30), { softmax: true, svm: true, knn: false, dense: false, denseKnn: false });
    expect(fitted.weights.knn).toBe(0);
    expect(fitted.weights.dense).toBe(0);
  });
});
