import { z } from 'zod';
import { isLanguage, type Language } from '../text/index.js';
import type { EnsembleWeights, IntentPrediction } from './intent.types.js';
import { CONFIDENCE_FEATURES, confidenceFeatures, confidenceOf, type ConfidenceModel } from './confidence-model.js';
import { denseNetworkFromJson, denseNetworkToJson, denseScores, type DenseNetwork, type DenseNetworkJson } from './dense-network.js';
import { EmbeddingKnn, type EmbeddingKnnJson } from './embedding-knn.js';
import { KnnIndex, type KnnIndexJson } from './knn-index.js';
import { linearModelFromJson, linearModelToJson, scoreInto, type LinearModel, type LinearModelJson } from './linear-model.js';
import { logSoftmax, softmax } from './softmax.js';
import type { SparseVector } from './sparse-vector.js';
import { TfidfVectoriser, type VectoriserJson } from './tfidf-vectoriser.js';

export interface IntentComponents {
  readonly vectoriser: TfidfVectoriser;
  readonly softmax?: LinearModel;
  readonly svm?: LinearModel;
  readonly knn?: KnnIndex;
  readonly dense?: DenseNetwork;
  readonly denseKnn?: EmbeddingKnn;
  /** More networks like `dense` with other seeds; their log-probabilities are averaged with its (bagging). */
  readonly denseBag?: readonly DenseNetwork[];
}

/** The raw evidence of each scorer for one text, before weighting. */
export interface ComponentScores {
  readonly softmax?: Float64Array;
  readonly svm?: Float64Array;
  readonly knn?: Float64Array;
  readonly dense?: Float64Array;
  readonly denseKnn?: Float64Array;
}

const FORMAT = 'centraal.intent-model.v1';

/** Per-intent evidence of every component for one vector. */
export function componentScores(components: IntentComponents, vector: SparseVector, classes: number): ComponentScores {
  const score = (model: LinearModel | undefined): Float64Array | undefined =>
    model ? scoreInto(model, vector, new Float64Array(classes)) : undefined;
  const softmaxScores = score(components.softmax);
  return {
    softmax: softmaxScores ? logSoftmax(softmaxScores) : undefined,
    svm: score(components.svm),
    knn: components.knn?.nearestPerClass(vector),
    dense: components.dense ? baggedDenseScores(components.dense, components.denseBag ?? [], vector) : undefined,
    denseKnn: components.dense && components.denseKnn ? components.denseKnn.nearestPerClass(components.dense, vector) : undefined,
  };
}

/** Mean log-probabilities of the network and its bagged siblings. */
function baggedDenseScores(first: DenseNetwork, bag: readonly DenseNetwork[], vector: SparseVector): Float64Array {
  const out = logSoftmax(denseScores(first, vector));
  if (bag.length === 0) return out;
  for (const network of bag) {
    const scores = logSoftmax(denseScores(network, vector));
    for (let c = 0; c < out.length; c++) out[c] = (out[c] ?? 0) + (scores[c] ?? 0);
  }
  return out.map((value) => value / (bag.length + 1));
}

/** Weighted sum of the components' evidence: the logits that the temperature turns into probabilities. */
export function combineScores(scores: ComponentScores, weights: EnsembleWeights, classes: number): Float64Array {
  const out = new Float64Array(classes);
  const add = (values: Float64Array | undefined, weight: number): void => {
    if (!values || weight === 0) return;
    for (let c = 0; c < classes; c++) out[c] = (out[c] ?? 0) + weight * (values[c] ?? 0);
  };
  add(scores.softmax, weights.softmax);
  add(scores.svm, weights.svm);
  add(scores.knn, weights.knn);
  add(scores.dense, weights.dense ?? 0);
  add(scores.denseKnn, weights.denseKnn ?? 0);
  return out;
}

/**
 * A trained intent classifier. `predict` gives the top-k intents with calibrated confidences;
 * `toJSON`/`IntentModel.fromJSON` store and restore it.
 *
 * @example
 *   const model = trainIntentModel(examples, { language: 'nl' });
 *   model.predict('Mijn kaart is nog niet aangekomen', 3); // [{ intent: 'card_arrival', confidence: 0.93 }, …]
 */
export class IntentModel {
  constructor(
    readonly intents: readonly string[],
    readonly language: Language,
    private readonly components: IntentComponents,
    readonly weights: EnsembleWeights,
    readonly temperature: number,
    /** Re-estimates the top-1 confidence from the scorers' agreement; absent = the combined probability. */
    readonly confidence?: ConfidenceModel,
  ) {}

  private scores(text: string, language: Language): ComponentScores {
    const vector = this.components.vectoriser.transform(text, language);
    return componentScores(this.components, vector, this.intents.length);
  }

  /** Combined logits of every intent, in the order of `intents`. */
  logits(text: string, language: Language = this.language): Float64Array {
    return combineScores(this.scores(text, language), this.weights, this.intents.length);
  }

  predict(text: string, k = 3, options: { language?: Language } = {}): IntentPrediction[] {
    const scores = this.scores(text, options.language ?? this.language);
    const probabilities = softmax(combineScores(scores, this.weights, this.intents.length), this.temperature);
    const ranked = this.intents
      .map((intent, index) => ({ intent, confidence: probabilities[index] ?? 0 }))
      .sort((a, b) => b.confidence - a.confidence);
    const top = ranked[0];
    if (this.confidence && top) {
      // The confidence model replaces the top-1 probability; the others share the rest in their old proportions.
      const topConfidence = confidenceOf(this.confidence, confidenceFeatures(scores, probabilities));
      const rest = (1 - topConfidence) / Math.max(1e-12, 1 - top.confidence);
      ranked.forEach((prediction, position) => {
        ranked[position] = { intent: prediction.intent, confidence: position === 0 ? topConfidence : Math.min(1, prediction.confidence * rest) };
      });
    }
    return ranked.slice(0, Math.max(0, k));
  }

  toJSON(): IntentModelJson {
    const { vectoriser, softmax: softmaxModel, svm, knn, dense, denseKnn, denseBag } = this.components;
    return {
      format: FORMAT,
      intents: [...this.intents],
      language: this.language,
      weights: this.weights,
      temperature: this.temperature,
      vectoriser: vectoriser.toJSON(),
      softmax: softmaxModel ? linearModelToJson(softmaxModel) : undefined,
      svm: svm ? linearModelToJson(svm) : undefined,
      knn: knn?.toJSON(),
      dense: dense ? denseNetworkToJson(dense) : undefined,
      denseKnn: denseKnn?.toJSON(),
      denseBag: denseBag && denseBag.length > 0 ? denseBag.map(denseNetworkToJson) : undefined,
      confidence: this.confidence ? { weights: [...this.confidence.weights] } : undefined,
    };
  }

  static fromJSON(input: unknown): IntentModel {
    const json = INTENT_MODEL_SCHEMA.parse(input);
    const components: IntentComponents = {
      vectoriser: TfidfVectoriser.fromJSON(json.vectoriser),
      softmax: json.softmax ? linearModelFromJson(json.softmax) : undefined,
      svm: json.svm ? linearModelFromJson(json.svm) : undefined,
      knn: json.knn ? KnnIndex.fromJSON(json.knn) : undefined,
      dense: json.dense ? denseNetworkFromJson(json.dense) : undefined,
      denseKnn: json.denseKnn ? EmbeddingKnn.fromJSON(json.denseKnn) : undefined,
      denseBag: json.denseBag?.map(denseNetworkFromJson),
    };
    return new IntentModel(json.intents, json.language, components, json.weights, json.temperature, json.confidence);
  }
}

export interface IntentModelJson {
  readonly format: typeof FORMAT;
  readonly intents: string[];
  readonly language: Language;
  readonly weights: EnsembleWeights;
  readonly temperature: number;
  readonly vectoriser: VectoriserJson;
  readonly softmax: LinearModelJson | undefined;
  readonly svm: LinearModelJson | undefined;
  readonly knn: KnnIndexJson | undefined;
  readonly dense?: DenseNetworkJson | undefined;
  readonly denseKnn?: EmbeddingKnnJson | undefined;
  readonly denseBag?: DenseNetworkJson[] | undefined;
  readonly confidence?: { weights: number[] } | undefined;
}

const VECTORISER_OPTIONS_SCHEMA = z.object({
  wordNgramMax: z.number().int().min(1),
  charNgramRange: z.tuple([z.number().int(), z.number().int()]),
  skipWindow: z.number().int().min(0),
  minDf: z.number().int(),
  charWeight: z.number().min(0).max(1),
  correctTypos: z.boolean(),
});

const LINEAR_SCHEMA = z.object({ classes: z.number().int(), features: z.number().int(), weights: z.string(), bias: z.string() });

const DENSE_SCHEMA = z.object({
  features: z.number().int(),
  hidden: z.number().int().positive(),
  classes: z.number().int(),
  embedding: z.string(),
  hiddenBias: z.string(),
  output: z.string(),
  outputBias: z.string(),
});

/** Checks the envelope of a stored model; the typed arrays inside are trusted once the shape fits. */
const INTENT_MODEL_SCHEMA = z.object({
  format: z.literal(FORMAT),
  intents: z.array(z.string()).min(1),
  language: z.custom<Language>(isLanguage),
  weights: z.object({ softmax: z.number(), svm: z.number(), knn: z.number(), dense: z.number().optional(), denseKnn: z.number().optional() }),
  temperature: z.number().positive(),
  vectoriser: z.object({ options: VECTORISER_OPTIONS_SCHEMA, terms: z.array(z.string()), idf: z.string(), knownWords: z.array(z.string()) }),
  softmax: LINEAR_SCHEMA.optional(),
  svm: LINEAR_SCHEMA.optional(),
  knn: z
    .object({ classes: z.number(), neighbours: z.number().int().positive().optional(), labels: z.array(z.number()), offsets: z.array(z.number()), features: z.array(z.number()), values: z.string() })
    .optional(),
  dense: DENSE_SCHEMA.optional(),
  denseBag: z.array(DENSE_SCHEMA).optional(),
  denseKnn: z
    .object({
      classes: z.number().int(),
      neighbours: z.number().int().positive(),
      dimensions: z.number().int().positive(),
      labels: z.array(z.number().int()),
      embeddings: z.string(),
    })
    .optional(),
  confidence: z.object({ weights: z.array(z.number()).length(CONFIDENCE_FEATURES.length) }).optional(),
});
