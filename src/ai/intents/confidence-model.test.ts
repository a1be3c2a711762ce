import { describe, expect, it } from 'vitest';
import { CONFIDENCE_FEATURES, confidenceFeatures, confidenceOf, fitConfidenceModel } from './confidence-model.js';
import { seededRandom } from './seeded-random.js';
import { logSoftmax, softmax } from './softmax.js';

describe('confidenceFeatures', () => {
  it('does count the scorers whose first choice agrees with the combined top-1', () => {
    const probabilities = Float64Array.from([0.7, 0.2, 0.1]);
    const features = confidenceFeatures(
      { softmax: logSoftmax([2, 1, 0]), svm: Float64Array.from([0, 3, 1]), knn: Float64Array.from([0.9, 0.1, 0]) },
      probabilities,
    );
    expect(features).toHaveLength(CONFIDENCE_FEATURES.length);
    expect(features[CONFIDENCE_FEATURES.indexOf('agreement')]).toBeCloseTo(2 / 3, 10);
    expect(features[CONFIDENCE_FEATURES.indexOf('logRatio12')]).toBeCloseTo(Math.log(0.7 / 0.2), 10);
    expect(features[CONFIDENCE_FEATURES.indexOf('knn')]).toBeCloseTo(0.9, 10);
  });
});

describe('fitConfidenceModel', () => {
  it('does learn that disagreeing scorers make the answer less likely right when agreement decides it', () => {
    const random = seededRandom(5);
    const features: Float64Array[] = [];
    const correct: boolean[] = [];
    for (let i = 0; i < 3000; i++) {
      const logits = Float64Array.from({ length: 4 }, () => random() * 3);
      const probabilities = softmax(logits);
      const agree = random() < 0.5;
      // The SVM agrees with the top-1 half of the time; when it does, the answer is right 95 % of the time, else 40 %.
      const top = probabilities.indexOf(Math.max(...probabilities));
      const svm = Float64Array.from({ length: 4 }, (_, c) => (agree ? (c === top ? 1 : 0) : c === (top + 1) % 4 ? 1 : 0));
      features.push(confidenceFeatures({ softmax: logSoftmax(logits), svm }, probabilities));
      correct.push(random() < (agree ? 0.95 : 0.4));
    }
    const model = fitConfidenceModel(features, correct);
    const agreeing = features.filter((x) => (x[CONFIDENCE_FEATURES.indexOf('agreement')] ?? 0) === 1);
    const disagreeing = features.filter((x) => (x[CONFIDENCE_FEATURES.indexOf('agreement')] ?? 0) < 1);
    const mean = (rows: Float64Array[]) => rows.reduce((sum, x) => sum + confidenceOf(model, x), 0) / rows.length;
    expect(mean(agreeing)).toBeGreaterThan(0.9);
    expect(mean(disagreeing)).toBeLessThan(0.5);
  });
});
