import type { Language } from '../text/index.js';
import { trainDenseNetwork } from './dense-network.js';
import { EmbeddingKnn } from './embedding-knn.js';
import { fitEnsemble, evaluateWeights, type FittedEnsemble } from './fit-ensemble.js';
import type { IntentExample, IntentTrainOptions, LinearComponentOptions, TrainOptionsInput } from './intent.types.js';
import { confidenceFeatures, fitConfidenceModel, type ConfidenceModel } from './confidence-model.js';
import { softmax } from './softmax.js';
import { combineScores, componentScores, IntentModel, type ComponentScores, type IntentComponents } from './intent-model.js';
import { resolveTrainOptions } from './intent-train-options.js';
import { KnnIndex } from './knn-index.js';
import { trainLinear, type LabelledVectors, type LinearLoss } from './sgd-trainer.js';
import { stratifiedFolds } from './stratified-folds.js';
import { stratifiedSplit } from './stratified-split.js';
import { TfidfVectoriser } from './tfidf-vectoriser.js';

interface Epochs {
  readonly softmax: number;
  readonly svm: number;
}

interface Stage {
  readonly components: IntentComponents;
  readonly epochs: Epochs;
}

function languageOf(example: IntentExample, fallback: Language): Language {
  return example.language ?? fallback;
}

function vectorise(vectoriser: TfidfVectoriser, examples: readonly IntentExample[], index: Map<string, number>, language: Language): LabelledVectors {
  return {
    vectors: examples.map((example) => vectoriser.transform(example.text, languageOf(example, language))),
    labels: Int32Array.from(examples, (example) => index.get(example.intent) ?? 0),
  };
}

/**
 * Trains vectoriser and components; with validation data the linear models stop early. The dense
 * network only comes along when its weight will be fitted (`validated`).
 */
function trainStage(
  examples: readonly IntentExample[],
  index: Map<string, number>,
  options: IntentTrainOptions,
  fixedEpochs: Epochs | undefined,
  validated: boolean,
  validation?: readonly IntentExample[],
): Stage {
  const texts = examples.map((example) => ({ text: example.text, language: languageOf(example, options.language) }));
  const vectoriser = TfidfVectoriser.fit(texts, options.vectoriser);
  const data = vectorise(vectoriser, examples, index, options.language);
  const held = validation ? vectorise(vectoriser, validation, index, options.language) : undefined;
  const train = (loss: LinearLoss, component: LinearComponentOptions | false, epochs: number | undefined) => {
    if (component === false) return undefined;
    const sgd = { ...component, loss, seed: options.seed, epochs: epochs ?? component.epochs };
    const trained = trainLinear(data, vectoriser.size, index.size, sgd, held);
    options.onProgress?.(`${loss}: ${trained.epochs} epochs over ${data.vectors.length} examples, ${vectoriser.size} features`);
    return trained;
  };
  const softmax = train('softmax', options.softmax, fixedEpochs?.softmax);
  const svm = train('hinge', options.svm, fixedEpochs?.svm);
  const denseOptions = validated ? options.dense : false;
  const dense = denseOptions === false ? undefined : trainDenseNetwork(data, vectoriser.size, index.size, { ...denseOptions, seed: options.seed });
  if (dense) options.onProgress?.(`dense: ${dense.hidden} hidden units, ${denseOptions === false ? 0 : denseOptions.epochs} epochs`);
  // Bagging: the same network with other seeds (other initialisation, order and dropout masks).
  const denseBag =
    dense && denseOptions !== false
      ? Array.from({ length: Math.max(0, options.denseNetworks - 1) }, (_, i) =>
          trainDenseNetwork(data, vectoriser.size, index.size, { ...denseOptions, seed: options.seed + 7919 * (i + 1) }),
        )
      : [];
  const knn = options.knn ? KnnIndex.build(data, index.size, validated ? options.knnNeighbours : 1) : undefined;
  const denseKnn = dense && options.denseKnn ? EmbeddingKnn.build(dense, data, index.size, options.knnNeighbours) : undefined;
  const components = { vectoriser, softmax: softmax?.model, svm: svm?.model, knn, dense, denseKnn, denseBag };
  return { components, epochs: { softmax: softmax?.epochs ?? 0, svm: svm?.epochs ?? 0 } };
}

function scoresOf(stage: Stage, examples: readonly IntentExample[], index: Map<string, number>, options: IntentTrainOptions): ComponentScores[] {
  return examples.map((example) => {
    const vector = stage.components.vectoriser.transform(example.text, languageOf(example, options.language));
    return componentScores(stage.components, vector, index.size);
  });
}

function calibrate(
  scores: readonly ComponentScores[],
  labelled: readonly IntentExample[],
  index: Map<string, number>,
  options: IntentTrainOptions,
  components: IntentComponents,
): FittedEnsemble {
  const held = { scores, labels: Int32Array.from(labelled, (example) => index.get(example.intent) ?? 0), classes: index.size };
  if (options.weights !== 'auto') return evaluateWeights(held, options.weights);
  return fitEnsemble(held, {
    softmax: options.softmax !== false,
    svm: options.svm !== false,
    knn: options.knn,
    dense: components.dense !== undefined,
    denseKnn: components.denseKnn !== undefined,
  });
}

/** The confidence model learns from the out-of-fold answers whether the top-1 intent was right. */
function fitOutOfFoldConfidence(
  scores: readonly ComponentScores[],
  labelled: readonly IntentExample[],
  index: Map<string, number>,
  fitted: FittedEnsemble,
): ConfidenceModel {
  const features: Float64Array[] = [];
  const correct: boolean[] = [];
  scores.forEach((row, i) => {
    const probabilities = softmax(combineScores(row, fitted.weights, index.size), fitted.temperature);
    let top = 0;
    for (let c = 1; c < probabilities.length; c++) if ((probabilities[c] ?? 0) > (probabilities[top] ?? 0)) top = c;
    features.push(confidenceFeatures(row, probabilities));
    correct.push(top === index.get(labelled[i]?.intent ?? ''));
  });
  return fitConfidenceModel(features, correct);
}

/**
 * Cross-fitting: K stages, each trained on K−1 folds and scoring the fold it did not see, give
 * out-of-fold scores for every example; the combiner is fitted on all of them (ten times the
 * calibration data of a 10 % split), and the final components are trained on all examples with
 * the mean early-stopping epochs of the folds.
 */
function crossFit(examples: readonly IntentExample[], index: Map<string, number>, options: IntentTrainOptions): IntentModel {
  const folds = options.crossFitFolds;
  const assignment = stratifiedFolds(examples, (example) => example.intent, folds, options.seed);
  const scores: ComponentScores[] = [];
  const scored: IntentExample[] = [];
  let softmaxEpochs = 0;
  let svmEpochs = 0;
  let components: IntentComponents | undefined;
  for (let fold = 0; fold < folds; fold++) {
    const train = examples.filter((_, i) => assignment[i] !== fold);
    const held = examples.filter((_, i) => assignment[i] === fold);
    const stage = trainStage(train, index, options, undefined, true, held);
    scores.push(...scoresOf(stage, held, index, options));
    scored.push(...held);
    softmaxEpochs += stage.epochs.softmax / folds;
    svmEpochs += stage.epochs.svm / folds;
    components = stage.components;
  }
  const fitted = calibrate(scores, scored, index, options, components as IntentComponents);
  options.onProgress?.(`cross-fitted over ${folds} folds: accuracy ${fitted.accuracy.toFixed(4)}, weights ${JSON.stringify(fitted.weights)}`);
  const epochs = { softmax: Math.max(1, Math.round(softmaxEpochs)), svm: Math.max(1, Math.round(svmEpochs)) };
  const confidence = options.confidenceModel ? fitOutOfFoldConfidence(scores, scored, index, fitted) : undefined;
  const final = trainStage(examples, index, options, epochs, true);
  return new IntentModel([...index.keys()], options.language, final.components, fitted.weights, fitted.temperature, confidence);
}

/** Validation needs at least two examples of every intent, so each can appear on both sides. */
function canValidate(examples: readonly IntentExample[], share: number): boolean {
  if (share <= 0) return false;
  const counts = new Map<string, number>();
  for (const example of examples) counts.set(example.intent, (counts.get(example.intent) ?? 0) + 1);
  return [...counts.values()].every((count) => count * share >= 0.5 && count >= 3);
}

/** Cross-fitting needs every intent in every fold and still in the folds' training parts. */
function canCrossFit(examples: readonly IntentExample[], folds: number): boolean {
  if (folds < 2) return false;
  const counts = new Map<string, number>();
  for (const example of examples) counts.set(example.intent, (counts.get(example.intent) ?? 0) + 1);
  return [...counts.values()].every((count) => count >= 2 * folds);
}

/**
 * Trains an intent model: TF-IDF over word and character n-grams, a softmax regression, a linear
 * SVM and nearest-example similarity, combined with weights and a temperature fitted on a
 * held-out validation split, then (by default) retrained on all examples.
 *
 * @example
 *   const model = trainIntentModel([{ text: 'Where is my card?', intent: 'card_arrival' }, …]);
 *   model.predict('my card has not come yet', 1); // [{ intent: 'card_arrival', confidence: 0.97 }]
 */
export function trainIntentModel(examples: readonly IntentExample[], input: TrainOptionsInput = {}): IntentModel {
  const options = resolveTrainOptions(input);
  const intents = [...new Set(examples.map((example) => example.intent))].sort();
  if (intents.length < 2) throw new Error('An intent model needs at least two intents.');
  const index = new Map(intents.map((intent, position) => [intent, position]));
  if (!canValidate(examples, options.validationShare)) {
    const stage = trainStage(examples, index, options, undefined, false);
    const weights = options.weights === 'auto' ? { softmax: 1, svm: 1, knn: 1 } : options.weights;
    return new IntentModel(intents, options.language, stage.components, weights, 1);
  }
  if (canCrossFit(examples, options.crossFitFolds)) return crossFit(examples, index, options);
  const split = stratifiedSplit(examples, (example) => example.intent, options.validationShare, options.seed);
  const stage = trainStage(split.train, index, options, undefined, true, split.held);
  const fitted = calibrate(scoresOf(stage, split.held, index, options), split.held, index, options, stage.components);
  options.onProgress?.(
    `validation: accuracy ${fitted.accuracy.toFixed(4)}, weights ${JSON.stringify(fitted.weights)}, temperature ${fitted.temperature.toFixed(3)}`,
  );
  const final = options.refit ? trainStage(examples, index, options, stage.epochs, true) : stage;
  return new IntentModel(intents, options.language, final.components, fitted.weights, fitted.temperature);
}
