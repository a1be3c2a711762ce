import type { EnsembleWeights } from './intent.types.js';
import { combineScores, type ComponentScores } from './intent-model.js';
import { fitTemperature, negativeLogLikelihood } from './temperature-scaling.js';

export interface ValidationScores {
  readonly scores: readonly ComponentScores[];
  readonly labels: Int32Array;
  readonly classes: number;
}

export interface FittedEnsemble {
  readonly weights: EnsembleWeights;
  readonly temperature: number;
  readonly accuracy: number;
  readonly nll: number;
}

const SVM_GRID = [0, 0.5, 1, 2, 4, 8, 16];
const KNN_GRID = [0, 1, 2, 4, 8, 16, 32];

function accuracyOf(logits: readonly Float64Array[], labels: Int32Array): number {
  let correct = 0;
  logits.forEach((row, i) => {
    let best = 0;
    for (let c = 1; c < row.length; c++) if ((row[c] ?? 0) > (row[best] ?? 0)) best = c;
    if (best === labels[i]) correct++;
  });
  return logits.length === 0 ? 0 : correct / logits.length;
}

/** Fits the temperature for fixed weights and reports accuracy and calibrated NLL on validation. */
export function evaluateWeights(validation: ValidationScores, weights: EnsembleWeights): FittedEnsemble {
  const logits = validation.scores.map((scores) => combineScores(scores, weights, validation.classes));
  const examples = logits.map((scores, i) => ({ scores, label: validation.labels[i] ?? 0 }));
  const temperature = fitTemperature(examples);
  return { weights, temperature, accuracy: accuracyOf(logits, validation.labels), nll: negativeLogLikelihood(examples, temperature) };
}

/**
 * Picks the component weights on the validation split: best accuracy, then lowest calibrated
 * log-loss. The soft-max model's weight stays 1 (when present) as the scale the others are measured in.
 */
export function fitEnsemble(validation: ValidationScores, present: { softmax: boolean; svm: boolean; knn: boolean }): FittedEnsemble {
  const softmaxWeight = present.softmax ? 1 : 0;
  let best: FittedEnsemble | undefined;
  for (const svm of present.svm ? SVM_GRID : [0]) {
    for (const knn of present.knn ? KNN_GRID : [0]) {
      if (softmaxWeight + svm + knn === 0) continue;
      const fitted = evaluateWeights(validation, { softmax: softmaxWeight, svm, knn });
      const better = !best || fitted.accuracy > best.accuracy || (fitted.accuracy === best.accuracy && fitted.nll < best.nll);
      if (better) best = fitted;
    }
  }
  return best ?? evaluateWeights(validation, { softmax: softmaxWeight, svm: present.svm ? 1 : 0, knn: present.knn ? 1 : 0 });
}
