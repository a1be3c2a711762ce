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

/** How much each scorer counts in the combined score; `auto` picks them on the validation split. */
export interface EnsembleWeights {
  readonly softmax: number;
  readonly svm: number;
  readonly knn: number;
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
  readonly weights: EnsembleWeights | 'auto';
  /** Share of the examples held out for early stopping, ensemble weights and calibration. */
  readonly validationShare: number;
  /** Retrain on all examples after validation (same epochs, weights and temperature). */
  readonly refit: boolean;
  readonly seed: number;
  readonly onProgress?: (message: string) => void;
}

export interface TrainOptionsInput extends Partial<Omit<IntentTrainOptions, 'vectoriser'>> {
  readonly vectoriser?: Partial<VectoriserOptions>;
}
