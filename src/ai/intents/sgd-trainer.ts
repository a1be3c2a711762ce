import { copyLinearModel, createLinearModel, scoreInto, type LinearModel } from './linear-model.js';
import { seededRandom, shuffleInPlace } from './seeded-random.js';
import type { SparseVector } from './sparse-vector.js';

/** softmax = multinomial logistic regression; hinge = Crammer–Singer multiclass linear SVM. */
export type LinearLoss = 'softmax' | 'hinge';

export interface SgdOptions {
  readonly loss: LinearLoss;
  readonly epochs: number;
  readonly learningRate: number;
  readonly l2: number;
  readonly seed: number;
  /** Epochs without a better validation accuracy before stopping. */
  readonly patience: number;
}

export interface LabelledVectors {
  readonly vectors: readonly SparseVector[];
  readonly labels: Int32Array;
}

export interface TrainedLinear {
  readonly model: LinearModel;
  /** Epochs of the returned model: the best on validation, or all when there was none. */
  readonly epochs: number;
}

/** Writes the loss gradient with respect to the scores into `scores`; returns whether any is non-zero. */
function lossGradient(loss: LinearLoss, scores: Float64Array, label: number): boolean {
  if (loss === 'softmax') {
    let max = -Infinity;
    for (const s of scores) max = Math.max(max, s);
    let sum = 0;
    for (let c = 0; c < scores.length; c++) sum += scores[c] = Math.exp((scores[c] ?? 0) - max);
    for (let c = 0; c < scores.length; c++) scores[c] = (scores[c] ?? 0) / sum - (c === label ? 1 : 0);
    return true;
  }
  let rival = -1;
  for (let c = 0; c < scores.length; c++) if (c !== label && (rival < 0 || (scores[c] ?? 0) > (scores[rival] ?? 0))) rival = c;
  const margin = (scores[label] ?? 0) - (scores[rival] ?? 0);
  scores.fill(0);
  if (margin >= 1 || rival < 0) return false;
  scores[label] = -1;
  scores[rival] = 1;
  return true;
}

/** One SGD step; L2 is applied lazily, only to the features this example touches, to keep steps sparse. */
function step(model: LinearModel, x: SparseVector, gradient: Float64Array, rate: number, l2: number): void {
  const { classes, weights, bias } = model;
  const decay = 1 - rate * l2;
  for (let k = 0; k < x.indices.length; k++) {
    const base = (x.indices[k] ?? 0) * classes;
    const value = rate * (x.values[k] ?? 0);
    for (let c = 0; c < classes; c++) weights[base + c] = (weights[base + c] ?? 0) * decay - (gradient[c] ?? 0) * value;
  }
  for (let c = 0; c < classes; c++) bias[c] = (bias[c] ?? 0) - rate * (gradient[c] ?? 0);
}

export function accuracyOf(model: LinearModel, data: LabelledVectors): number {
  const scores = new Float64Array(model.classes);
  let correct = 0;
  data.vectors.forEach((x, i) => {
    scoreInto(model, x, scores);
    let best = 0;
    for (let c = 1; c < scores.length; c++) if ((scores[c] ?? 0) > (scores[best] ?? 0)) best = c;
    if (best === data.labels[i]) correct++;
  });
  return data.vectors.length === 0 ? 0 : correct / data.vectors.length;
}

/**
 * Trains a linear model by SGD over shuffled epochs with a decaying rate. With validation data it
 * keeps the epoch with the best validation accuracy and stops after `patience` epochs without gain.
 */
export function trainLinear(
  data: LabelledVectors,
  features: number,
  classes: number,
  options: SgdOptions,
  validation?: LabelledVectors,
): TrainedLinear {
  const model = createLinearModel(features, classes);
  const random = seededRandom(options.seed);
  const order = Array.from(data.vectors, (_, i) => i);
  const scores = new Float64Array(classes);
  let best: TrainedLinear = { model, epochs: options.epochs };
  let bestAccuracy = -1;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    const rate = options.learningRate / Math.sqrt(1 + epoch);
    for (const i of shuffleInPlace(order, random)) {
      const x = data.vectors[i] as SparseVector;
      scoreInto(model, x, scores);
      if (lossGradient(options.loss, scores, data.labels[i] ?? 0)) step(model, x, scores, rate, options.l2);
    }
    if (!validation) continue;
    const accuracy = accuracyOf(model, validation);
    if (accuracy >= bestAccuracy) {
      bestAccuracy = accuracy;
      best = { model: copyLinearModel(model), epochs: epoch + 1 };
    } else if (epoch + 1 - best.epochs >= options.patience) break;
  }
  return best;
}
