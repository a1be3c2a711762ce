import { DEFAULT_INTENT_TRAIN_OPTIONS, type TrainOptionsInput } from '../../src/ai/intents/index.js';

export interface Banking77Args {
  readonly train: string;
  readonly test: string | undefined;
  readonly seed: number;
  /** Tuning mode: split the training portion again and evaluate on that inner split, never on the held-out 20 %. */
  readonly dev: boolean;
  readonly save: string | undefined;
  /** Stratified k-fold cross-validation over the whole training file instead of one split. */
  readonly folds: number | undefined;
  readonly options: TrainOptionsInput;
}

const FLAGS_WITHOUT_VALUE = new Set(['dev', 'no-svm', 'no-knn', 'no-softmax', 'no-char', 'no-typos', 'no-refit', 'no-dense', 'no-dense-knn', 'no-confidence-model']);

function readFlags(argv: readonly string[]): Map<string, string> {
  const values = new Map<string, string>();
  for (let index = 0; index < argv.length; index++) {
    const flag = argv[index] ?? '';
    if (!flag.startsWith('--')) continue;
    const name = flag.slice(2);
    if (FLAGS_WITHOUT_VALUE.has(name)) values.set(name, 'true');
    else values.set(name, argv[++index] ?? '');
  }
  return values;
}

function numberFlag(values: Map<string, string>, name: string): number | undefined {
  const raw = values.get(name);
  if (raw === undefined) return undefined;
  const parsed = Number(raw);
  if (!Number.isFinite(parsed)) throw new Error(`--${name} needs a number, got ${raw}`);
  return parsed;
}

/** Training options from flags, for ablations: each flag switches off or changes one idea. */
function trainOptions(values: Map<string, string>): TrainOptionsInput {
  const weights = values.get('weights')?.split(',').map(Number);
  const charWeight = numberFlag(values, 'char-weight');
  const wordNgramMax = numberFlag(values, 'word-ngrams');
  const minDf = numberFlag(values, 'min-df');
  const denseHidden = numberFlag(values, 'dense-hidden');
  const denseEpochs = numberFlag(values, 'dense-epochs');
  const denseInputDropout = numberFlag(values, 'dense-input-dropout');
  const knnNeighbours = numberFlag(values, 'knn-neighbours');
  const crossFitFolds = numberFlag(values, 'cross-fit');
  const denseNetworks = numberFlag(values, 'dense-networks');
  const denseDefaults = DEFAULT_INTENT_TRAIN_OPTIONS.dense || undefined;
  return {
    ...(values.has('no-svm') ? { svm: false as const } : {}),
    ...(values.has('no-softmax') ? { softmax: false as const } : {}),
    ...(values.has('no-knn') ? { knn: false } : {}),
    ...(values.has('no-dense') ? { dense: false as const } : {}),
    ...(values.has('no-dense-knn') ? { denseKnn: false } : {}),
    ...(knnNeighbours !== undefined ? { knnNeighbours } : {}),
    ...(crossFitFolds !== undefined ? { crossFitFolds } : {}),
    ...(values.has('no-confidence-model') ? { confidenceModel: false } : {}),
    ...(denseNetworks !== undefined ? { denseNetworks } : {}),
    ...(denseDefaults && !values.has('no-dense') && (denseHidden ?? denseEpochs ?? denseInputDropout) !== undefined
      ? {
          dense: {
            ...denseDefaults,
            hidden: denseHidden ?? denseDefaults.hidden,
            epochs: denseEpochs ?? denseDefaults.epochs,
            inputDropout: denseInputDropout ?? denseDefaults.inputDropout,
          },
        }
      : {}),
    ...(values.has('no-refit') ? { refit: false } : {}),
    ...(weights ? { weights: { softmax: weights[0] ?? 1, svm: weights[1] ?? 0, knn: weights[2] ?? 0, dense: weights[3] ?? 0, denseKnn: weights[4] ?? 0 } } : {}),
    vectoriser: {
      ...(values.has('no-char') ? { charWeight: 0, charNgramRange: [0, 0] as const } : {}),
      ...(charWeight !== undefined ? { charWeight } : {}),
      ...(wordNgramMax !== undefined ? { wordNgramMax } : {}),
      ...(minDf !== undefined ? { minDf } : {}),
      ...(values.has('no-typos') ? { correctTypos: false } : {}),
    },
  };
}

export function parseBenchArgs(argv: readonly string[]): Banking77Args {
  const values = readFlags(argv);
  const train = values.get('train');
  if (!train) throw new Error('Usage: npm run bench:banking77 -- --train FILE [--test FILE] [--seed N] [--dev] [--folds K] [--save MODEL.json] [--cross-fit K] [--no-confidence-model] [--dense-networks N] …');
  const folds = numberFlag(values, 'folds');
  if (folds !== undefined && (!Number.isInteger(folds) || folds < 2)) throw new Error(`--folds needs a whole number of at least 2, got ${folds}`);
  return {
    train,
    test: values.get('test'),
    seed: numberFlag(values, 'seed') ?? 1,
    dev: values.has('dev'),
    save: values.get('save'),
    folds,
    options: trainOptions(values),
  };
}
