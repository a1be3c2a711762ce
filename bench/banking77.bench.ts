import { readFileSync, writeFileSync } from 'node:fs';
import {
  coverageAtPrecision,
  expectedCalibrationError,
  parseCsvObjects,
  stratifiedSplit,
  trainIntentModel,
  type IntentExample,
  type JudgedPrediction,
} from '../src/ai/intents/index.js';
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

function main(): void {
  const args = parseBenchArgs(process.argv.slice(2));
  const { train, test } = splitData(args);
  console.error(`banking77: ${train.length} training and ${test.length} test questions${args.dev ? ' (dev split)' : ''}`);
  const started = performance.now();
  const model = trainIntentModel(train, { ...args.options, onProgress: (message) => console.error(`  ${message}`) });
  const trainSeconds = (performance.now() - started) / 1000;
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
  const round = (value: number, digits: number): number => Number(value.toFixed(digits));
  const result = {
    train: train.length,
    test: test.length,
    intents: model.intents.length,
    top1: round(top1, 4),
    coverageAtP95: round(coverageAtPrecision(judged, 0.95), 4),
    coverageAtP97: round(coverageAtPrecision(judged, 0.97), 4),
    msPerQuery: round(msPerQuery, 3),
    trainSeconds: round(trainSeconds, 1),
  };
  console.log(JSON.stringify(result));
}

main();
