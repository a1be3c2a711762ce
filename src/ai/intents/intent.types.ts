import type { Language } from '../text/index.js';
import type { VectoriserOptions } from './tfidf-vectoriser.js';

/** One labelled utterance, e.g. `{ text: 'Where is my card?', intent: 'card_arrival' }`. */
export interface IntentExample {
  readonly text: string;
  readonly intent: string;
  /** Defaults to the training options' language. */
  readonly language?: Language;
}

export interface IntentPrediction {
  readonly intent: string;
  /** Calibrated probability that this intent is the right one (0–1). */
  readonly confidence: number;
}

export interface LinearComponentOptions {
  readonly epochs: number;
  readonly learningRate: number;
  readonly l2: number;
  readonly patience: number;
}

/** The hidden layer network's settings (its seed is the training seed). */
export interface DenseComponentOptions {
  readonly hidden: number;
  readonly epochs: number;
  readonly learningRate: number;
  readonly embeddingRateScale: number;
  readonly dropout: number;
  /** Share of input features (n-grams) dropped per training example: noise that acts as augmentation. */
  readonly inputDropout: number;
}

/** How much each scorer counts in the combined score; `auto` picks them on the validation split. */
export interface EnsembleWeights {
  readonly softmax: number;
  readonly svm: number;
  readonly knn: number;
  /** The hidden-layer network; absent in models stored before it existed (= 0). */
  readonly dense?: number;
  /** Nearest examples in the network's hidden space; absent in older models (= 0). */
  readonly denseKnn?: number;
}

export interface IntentTrainOptions {
  readonly language: Language;
  readonly vectoriser: VectoriserOptions;
  /** Multinomial logistic regression; `false` leaves it out. */
  readonly softmax: LinearComponentOptions | false;
  /** Multiclass linear SVM (hinge loss); `false` leaves it out. */
  readonly svm: LinearComponentOptions | false;
  /** Nearest-example similarity per intent as a second opinion. */
  readonly knn: boolean;
  /**
   * The nearest-example score of an intent is the mean similarity of its this many closest examples
   * (1 = the closest only). Used when a validation split fits the weights; without one it is 1.
   */
  readonly knnNeighbours: number;
  /**
   * fastText-style network with a tanh hidden layer over the same features; `false` leaves it out.
   * Trained only when there is enough data for a validation split (it needs its weight fitted).
   */
  readonly dense: DenseComponentOptions | false;
  /** How many dense networks (different seeds) to average; 1 = no bagging. */
  readonly denseNetworks: number;
  /** Nearest examples in the dense network's hidden space, as one more scorer (needs `dense`). */
  readonly denseKnn: boolean;
  readonly weights: EnsembleWeights | 'auto';
  /** Share of the examples held out for early stopping, ensemble weights and calibration. */
  readonly validationShare: number;
  /**
   * With enough data (and `validationShare` > 0), fit the combiner on out-of-fold scores from this
   * many folds instead of one validation split; below 2 the single split is used.
   */
  readonly crossFitFolds: number;
  /** With cross-fitting, learn the top-1 confidence from the scorers' agreement (out of fold). */
  readonly confidenceModel: boolean;
  /** Retrain on all examples after validation (same epochs, weights and temperature). */
  readonly refit: boolean;
  readonly seed: number;
  readonly onProgress?: (message: string) => void;
}

export interface TrainOptionsInput extends Partial<Omit<IntentTrainOptions, 'vectoriser'>> {
  readonly vectoriser?: Partial<VectoriserOptions>;
}
