import type { ComponentScores } from './intent-model.js';

/** The evidence about one answer that says how likely its top-1 intent is right. */
export const CONFIDENCE_FEATURES = ['bias', 'logOdds', 'logRatio12', 'agreement', 'entropy', 'softmax', 'dense', 'knn', 'denseKnn'] as const;

export interface ConfidenceModel {
  /** One weight per entry of `CONFIDENCE_FEATURES`. */
  readonly weights: readonly number[];
}

function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let c = 1; c < values.length; c++) if ((values[c] ?? -Infinity) > (values[best] ?? -Infinity)) best = c;
  return best;
}

/**
 * Features of one answer: the combined probability of the top-1 intent (as log-odds), its lead over
 * the runner-up, the share of scorers whose own first choice agrees, the entropy of the combined
 * distribution, and each scorer's own evidence for the top-1 intent.
 */
export function confidenceFeatures(scores: ComponentScores, probabilities: Float64Array): Float64Array {
  const top = argmax(probabilities);
  let second = 0;
  let entropy = 0;
  for (let c = 0; c < probabilities.length; c++) {
    const p = probabilities[c] ?? 0;
    if (c !== top) second = Math.max(second, p);
    if (p > 0) entropy -= p * Math.log(p);
  }
  const p1 = Math.min(1 - 1e-12, Math.max(1e-12, probabilities[top] ?? 0));
  const present = [scores.softmax, scores.svm, scores.knn, scores.dense, scores.denseKnn].filter((values): values is Float64Array => values !== undefined);
  const agreement = present.length === 0 ? 0 : present.filter((values) => argmax(values) === top).length / present.length;
  return Float64Array.from([
    1,
    Math.log(p1 / (1 - p1)),
    Math.log(p1 / Math.max(1e-12, second)),
    agreement,
    entropy,
    scores.softmax ? Math.exp(scores.softmax[top] ?? -Infinity) : 0,
    scores.dense ? Math.exp(scores.dense[top] ?? -Infinity) : 0,
    scores.knn?.[top] ?? 0,
    scores.denseKnn?.[top] ?? 0,
  ]);
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** Probability that the top-1 answer with these features is right. */
export function confidenceOf(model: ConfidenceModel, features: Float64Array): number {
  let z = 0;
  features.forEach((value, j) => (z += (model.weights[j] ?? 0) * value));
  return sigmoid(z);
}

/**
 * Logistic regression of "top-1 was right" on the features, by Newton steps with a small ridge
 * (the bias is not penalised). Fitted on out-of-fold answers, it ranks answers for the
 * coverage-at-precision threshold better than the combined probability alone when the scorers
 * disagree in ways the weighted sum hides.
 *
 * @example fitConfidenceModel(features, correct).weights // [−2.1, 0.9, …]
 */
export function fitConfidenceModel(features: readonly Float64Array[], correct: readonly boolean[], l2 = 1e-3): ConfidenceModel {
  const k = CONFIDENCE_FEATURES.length;
  const n = Math.max(1, features.length);
  let w = new Float64Array(k);
  for (let iteration = 0; iteration < 30; iteration++) {
    const gradient = new Float64Array(k);
    const hessian = new Float64Array(k * k);
    features.forEach((x, row) => {
      let z = 0;
      for (let j = 0; j < k; j++) z += (w[j] ?? 0) * (x[j] ?? 0);
      const p = sigmoid(z);
      const residual = p - (correct[row] ? 1 : 0);
      const curvature = Math.max(1e-9, p * (1 - p));
      for (let a = 0; a < k; a++) {
        gradient[a] = (gradient[a] ?? 0) + residual * (x[a] ?? 0);
        for (let b = 0; b < k; b++) hessian[a * k + b] = (hessian[a * k + b] ?? 0) + curvature * (x[a] ?? 0) * (x[b] ?? 0);
      }
    });
    for (let j = 0; j < k; j++) {
      const ridge = j === 0 ? 1e-9 : l2;
      gradient[j] = (gradient[j] ?? 0) / n + ridge * (w[j] ?? 0);
      for (let b = 0; b < k; b++) hessian[j * k + b] = (hessian[j * k + b] ?? 0) / n + (b === j ? ridge : 0);
    }
    const step = solveSymmetric(hessian, gradient, k);
    w = w.map((value, j) => value - (step[j] ?? 0));
    if (Math.max(...step.map(Math.abs)) < 1e-8) break;
  }
  return { weights: [...w] };
}

/** Gaussian elimination with partial pivoting for the small Newton system. */
function solveSymmetric(matrix: Float64Array, vector: Float64Array, k: number): Float64Array {
  const a = matrix.slice();
  const x = vector.slice();
  for (let col = 0; col < k; col++) {
    let pivot = col;
    for (let row = col + 1; row < k; row++) if (Math.abs(a[row * k + col] ?? 0) > Math.abs(a[pivot * k + col] ?? 0)) pivot = row;
    for (let j = 0; j < k; j++) [a[col * k + j], a[pivot * k + j]] = [a[pivot * k + j] ?? 0, a[col * k + j] ?? 0];
    [x[col], x[pivot]] = [x[pivot] ?? 0, x[col] ?? 0];
    const diagonal = a[col * k + col] || 1e-12;
    for (let row = col + 1; row < k; row++) {
      const factor = (a[row * k + col] ?? 0) / diagonal;
      for (let j = col; j < k; j++) a[row * k + j] = (a[row * k + j] ?? 0) - factor * (a[col * k + j] ?? 0);
      x[row] = (x[row] ?? 0) - factor * (x[col] ?? 0);
    }
  }
  for (let row = k - 1; row >= 0; row--) {
    let sum = x[row] ?? 0;
    for (let j = row + 1; j < k; j++) sum -= (a[row * k + j] ?? 0) * (x[j] ?? 0);
    x[row] = sum / (a[row * k + row] || 1e-12);
  }
  return x;
}
