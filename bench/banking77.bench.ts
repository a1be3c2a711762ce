import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import {
  coverageAtPrecision,
  expectedCalibrationError,
  parseCsvObjects,
  stratifiedSplit,
  trainIntentModel,
  type IntentExample,
  type JudgedPrediction,
} from '../src/ai/intents/index.js';
import { seededRandom, shuffleInPlace } from '../src/ai/intents/seeded-random.js';
import { parseBenchArgs } from './banking77/bench-args.js';

/**
 * Banking77 intent bench: trains the intent engine on a `text,category` CSV and evaluates top-1
 * accuracy, coverage at 95 % and 97 % precision, latency and calibration. Without `--test` it
 * evaluates on a stratified 20 % held out of the training file (seed `--seed`, default 1).
 * `--dev` is for tuning: it splits the remaining 80 % once more and evaluates there, so choices
 * are never made on the reported split. Progress goes to stderr; stdout ends with one JSON line.
 *
 * @example
 *   npm run bench:banking77 -- --train ../shared/data/banking77/train.csv
 *   npm run bench:banking77 -- --train ../shared/data/banking77/train.csv --dev --no-knn
 *   npm run bench:banking77 -- --train ../shared/data/banking77/train.csv --folds 5   (stratified 5-fold CV)
 */

const HELD_SHARE = 0.2;

function readExamples(path: string): IntentExample[] {
  return parseCsvObjects(readFileSync(path, 'utf8')).map((row) => {
    if (row.text === undefined || row.category === undefined) throw new Error(`${path} needs the columns text,category`);
    return { text: row.text, intent: row.category };
  });
}

function splitData(args: ReturnType<typeof parseBenchArgs>): { train: IntentExample[]; test: IntentExample[] } {
  const all = readExamples(args.train);
  if (args.test) return { train: all, test: readExamples(args.test) };
  const outer = stratifiedSplit(all, (example) => example.intent, HELD_SHARE, args.seed);
  if (!args.dev) return { train: outer.train, test: outer.held };
  const inner = stratifiedSplit(outer.train, (example) => example.intent, HELD_SHARE, args.seed + 1000);
  return { train: inner.train, test: inner.held };
}

interface FoldResult {
  readonly train: number;
  readonly test: number;
  readonly intents: number;
  readonly top1: number;
  readonly coverageAtP95: number;
  readonly coverageAtP97: number;
  readonly msPerQuery: number;
  readonly trainSeconds: number;
  readonly trainCpuSeconds: number;
  readonly loadAverage: number;
}

const round = (value: number, digits: number): number => Number(value.toFixed(digits));

function evaluate(args: ReturnType<typeof parseBenchArgs>, train: readonly IntentExample[], test: readonly IntentExample[]): FoldResult {
  console.error(`banking77: ${train.length} training and ${test.length} test questions${args.dev ? ' (dev split)' : ''}`);
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const model = trainIntentModel(train, { ...args.options, onProgress: (message) => console.error(`  ${message}`) });
  const trainSeconds = (performance.now() - started) / 1000;
  // CPU time of this (single-threaded) process: about what the wall clock would show on an idle core.
  const cpu = process.cpuUsage(cpuStarted);
  const trainCpuSeconds = (cpu.user + cpu.system) / 1e6;
  console.error(`trained in ${trainSeconds.toFixed(1)} s`);
  if (args.save) writeFileSync(args.save, JSON.stringify(model));
  const judged: JudgedPrediction[] = [];
  const queryStarted = performance.now();
  for (const example of test) {
    const [top] = model.predict(example.text, 1);
    judged.push({ confidence: top?.confidence ?? 0, correct: top?.intent === example.intent });
  }
  const msPerQuery = (performance.now() - queryStarted) / Math.max(1, test.length);
  const top1 = judged.filter((prediction) => prediction.correct).length / Math.max(1, judged.length);
  const meanConfidence = judged.reduce((sum, prediction) => sum + prediction.confidence, 0) / Math.max(1, judged.length);
  console.error(`mean confidence ${meanConfidence.toFixed(4)} vs accuracy ${top1.toFixed(4)}; ECE ${expectedCalibrationError(judged).toFixed(4)}`);
  return {
    train: train.length,
    test: test.length,
    intents: model.intents.length,
    top1: round(top1, 4),
    coverageAtP95: round(coverageAtPrecision(judged, 0.95), 4),
    coverageAtP97: round(coverageAtPrecision(judged, 0.97), 4),
    msPerQuery: round(msPerQuery, 3),
    trainSeconds: round(trainSeconds, 1),
    trainCpuSeconds: round(trainCpuSeconds, 1),
    loadAverage: round(loadavg()[0] ?? 0, 1),
  };
}

/** Stratified k-fold over the whole training file: every example is tested once. */
function crossValidate(args: ReturnType<typeof parseBenchArgs>, folds: number): void {
  const all = readExamples(args.train);
  const foldOf = new Map<IntentExample, number>();
  const byIntent = new Map<string, IntentExample[]>();
  for (const example of all) byIntent.set(example.intent, [...(byIntent.get(example.intent) ?? []), example]);
  const random = seededRandom(args.seed);
  for (const intent of [...byIntent.keys()].sort()) {
    shuffleInPlace(byIntent.get(intent) ?? [], random).forEach((example, position) => foldOf.set(example, position % folds));
  }
  const results = Array.from({ length: folds }, (_, fold) =>
    evaluate(
      args,
      all.filter((example) => foldOf.get(example) !== fold),
      all.filter((example) => foldOf.get(example) === fold),
    ),
  );
  const mean = (key: 'top1' | 'coverageAtP95' | 'coverageAtP97' | 'trainSeconds' | 'trainCpuSeconds'): number =>
    results.reduce((sum, result) => sum + result[key], 0) / folds;
  const sd = (key: 'top1' | 'coverageAtP97'): number =>
    Math.sqrt(results.reduce((sum, result) => sum + (result[key] - mean(key)) ** 2, 0) / Math.max(1, folds - 1));
  console.log(
    JSON.stringify({
      folds,
      top1: round(mean('top1'), 4),
      top1Sd: round(sd('top1'), 4),
      coverageAtP95: round(mean('coverageAtP95'), 4),
      coverageAtP97: round(mean('coverageAtP97'), 4),
      coverageAtP97Sd: round(sd('coverageAtP97'), 4),
      trainSeconds: round(mean('trainSeconds'), 1),
      trainCpuSeconds: round(mean('trainCpuSeconds'), 1),
      perFold: results.map((result) => [result.top1, result.coverageAtP95, result.coverageAtP97]),
    }),
  );
}

function main(): void {
  const args = parseBenchArgs(process.argv.slice(2));
  if (args.folds !== undefined) {
    crossValidate(args, args.folds);
    return;
  }
  const { train, test } = splitData(args);
  console.log(JSON.stringify(evaluate(args, train, test)));
}

main();
