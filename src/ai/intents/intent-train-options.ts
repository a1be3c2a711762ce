import type { IntentTrainOptions, TrainOptionsInput } from './intent.types.js';

/** Defaults chosen on an inner validation split of the Banking77 training data (see bench/banking77.bench.ts). */
export const DEFAULT_INTENT_TRAIN_OPTIONS: IntentTrainOptions = {
  language: 'en',
  vectoriser: { wordNgramMax: 2, charNgramRange: [3, 5], skipWindow: 0, minDf: 2, charWeight: 0.5, correctTypos: true },
  softmax: { epochs: 20, learningRate: 4, l2: 1e-6, patience: 3 },
  svm: { epochs: 20, learningRate: 0.5, l2: 1e-6, patience: 3 },
  knn: true,
  knnNeighbours: 3,
  denseKnn: true,
  denseNetworks: 1,
  dense: { hidden: 128, epochs: 10, learningRate: 0.1, embeddingRateScale: 1, dropout: 0.2, inputDropout: 0.2 },
  weights: 'auto',
  validationShare: 0.1,
  crossFitFolds: 2,
  confidenceModel: true,
  refit: true,
  seed: 1,
};

export function resolveTrainOptions(input: TrainOptionsInput = {}): IntentTrainOptions {
  return {
    ...DEFAULT_INTENT_TRAIN_OPTIONS,
    ...input,
    vectoriser: { ...DEFAULT_INTENT_TRAIN_OPTIONS.vectoriser, ...input.vectoriser },
  };
}
