export { coverageAtPrecision, expectedCalibrationError, reliabilityBins, type JudgedPrediction, type ReliabilityBin } from './coverage-at-precision.js';
export { parseCsv, parseCsvObjects } from './csv.parser.js';
export { DEFAULT_INTENT_TRAIN_OPTIONS, resolveTrainOptions } from './intent-train-options.js';
export { IntentModel, type IntentModelJson } from './intent-model.js';
export type { EnsembleWeights, IntentExample, IntentPrediction, IntentTrainOptions, LinearComponentOptions, TrainOptionsInput } from './intent.types.js';
export { stratifiedSplit } from './stratified-split.js';
export { trainIntentModel } from './train-intent-model.js';
