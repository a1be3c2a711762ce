import { decodeFloat32, encodeFloat32 } from './float-codec.js';
import { seededRandom, shuffleInPlace } from './seeded-random.js';
import type { DenseComponentOptions } from './intent.types.js';
import type { LabelledVectors } from './sgd-trainer.js';
import { dropFeatures, type SparseVector } from './sparse-vector.js';

/**
 * A fastText-style classifier with one hidden layer: the sparse TF-IDF vector (word and character
 * n-grams, so subwords are in) is embedded as the weighted sum of its features' dense vectors,
 * passed through tanh, and scored by a soft-max layer. The shared embedding lets intents borrow
 * strength from each other (a low-rank model), and the non-linearity gives the ensemble a view
 * the linear scorers do not have.
 */
export interface DenseNetwork {
  readonly features: number;
  readonly hidden: number;
  readonly classes: number;
  /** `embedding[feature * hidden + j]`. */
  readonly embedding: Float32Array;
  readonly hiddenBias: Float32Array;
  /** `output[class * hidden + j]`. */
  readonly output: Float32Array;
  readonly outputBias: Float32Array;
}

export interface DenseNetworkOptions extends DenseComponentOptions {
  readonly seed: number;
}

export interface DenseNetworkJson {
  readonly features: number;
  readonly hidden: number;
  readonly classes: number;
  readonly embedding: string;
  readonly hiddenBias: string;
  readonly output: string;
  readonly outputBias: string;
}

export function hiddenLayer(network: DenseNetwork, x: SparseVector, out: Float32Array): Float32Array {
  const { hidden, embedding, hiddenBias } = network;
  out.set(hiddenBias);
  for (let k = 0; k < x.indices.length; k++) {
    const base = (x.indices[k] ?? 0) * hidden;
    const value = x.values[k] ?? 0;
    for (let j = 0; j < hidden; j++) out[j] = (out[j] ?? 0) + (embedding[base + j] ?? 0) * value;
  }
  for (let j = 0; j < hidden; j++) out[j] = Math.tanh(out[j] ?? 0);
  return out;
}

function outputLayer(network: DenseNetwork, h: Float32Array, out: Float64Array): Float64Array {
  const { hidden, classes, output, outputBias } = network;
  for (let c = 0; c < classes; c++) {
    let sum = outputBias[c] ?? 0;
    const base = c * hidden;
    for (let j = 0; j < hidden; j++) sum += (output[base + j] ?? 0) * (h[j] ?? 0);
    out[c] = sum;
  }
  return out;
}

/** Class scores (logits) of one vector. */
export function denseScores(network: DenseNetwork, x: SparseVector): Float64Array {
  return outputLayer(network, hiddenLayer(network, x, new Float32Array(network.hidden)), new Float64Array(network.classes));
}

/**
 * Trains by plain SGD on cross-entropy with a linearly decaying rate (as fastText does) and
 * inverted dropout on the hidden layer. Deterministic for one seed.
 */
export function trainDenseNetwork(data: LabelledVectors, features: number, classes: number, options: DenseNetworkOptions): DenseNetwork {
  const { hidden } = options;
  const random = seededRandom(options.seed);
  const uniform = (scale: number) => (random() * 2 - 1) * scale;
  const network: DenseNetwork = {
    features,
    hidden,
    classes,
    embedding: Float32Array.from({ length: features * hidden }, () => uniform(1 / Math.sqrt(hidden))),
    hiddenBias: new Float32Array(hidden),
    output: Float32Array.from({ length: classes * hidden }, () => uniform(Math.sqrt(6 / (hidden + classes)))),
    outputBias: new Float32Array(classes),
  };
  const h = new Float32Array(hidden);
  const mask = new Float32Array(hidden);
  const gradHidden = new Float32Array(hidden);
  const scores = new Float64Array(classes);
  const order = Array.from(data.vectors, (_, i) => i);
  const total = Math.max(1, options.epochs * order.length);
  const keep = 1 - options.dropout;
  let seen = 0;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (const i of shuffleInPlace(order, random)) {
      const rate = options.learningRate * (1 - seen++ / total);
      const x = dropFeatures(data.vectors[i] as SparseVector, options.inputDropout, random);
      hiddenLayer(network, x, h);
      for (let j = 0; j < hidden; j++) {
        mask[j] = random() < keep ? 1 / keep : 0;
        h[j] = (h[j] ?? 0) * (mask[j] ?? 0);
      }
      outputLayer(network, h, scores);
      let max = -Infinity;
      for (const s of scores) max = Math.max(max, s);
      let sum = 0;
      for (let c = 0; c < classes; c++) sum += scores[c] = Math.exp((scores[c] ?? 0) - max);
      const label = data.labels[i] ?? 0;
      gradHidden.fill(0);
      for (let c = 0; c < classes; c++) {
        const g = (scores[c] ?? 0) / sum - (c === label ? 1 : 0);
        if (Math.abs(g) < 1e-6) continue;
        const base = c * hidden;
        for (let j = 0; j < hidden; j++) {
          gradHidden[j] = (gradHidden[j] ?? 0) + g * (network.output[base + j] ?? 0);
          network.output[base + j] = (network.output[base + j] ?? 0) - rate * g * (h[j] ?? 0);
        }
        network.outputBias[c] = (network.outputBias[c] ?? 0) - rate * g;
      }
      // Back through dropout and tanh: h already holds tanh·mask, so tanh = h / mask where kept.
      for (let j = 0; j < hidden; j++) {
        const m = mask[j] ?? 0;
        const activation = m === 0 ? 0 : (h[j] ?? 0) / m;
        gradHidden[j] = (gradHidden[j] ?? 0) * m * (1 - activation * activation);
        network.hiddenBias[j] = (network.hiddenBias[j] ?? 0) - rate * options.embeddingRateScale * (gradHidden[j] ?? 0);
      }
      for (let k = 0; k < x.indices.length; k++) {
        const base = (x.indices[k] ?? 0) * hidden;
        const step = rate * options.embeddingRateScale * (x.values[k] ?? 0);
        for (let j = 0; j < hidden; j++) network.embedding[base + j] = (network.embedding[base + j] ?? 0) - step * (gradHidden[j] ?? 0);
      }
    }
  }
  return network;
}

export function denseNetworkToJson(network: DenseNetwork): DenseNetworkJson {
  return {
    features: network.features,
    hidden: network.hidden,
    classes: network.classes,
    embedding: encodeFloat32(network.embedding),
    hiddenBias: encodeFloat32(network.hiddenBias),
    output: encodeFloat32(network.output),
    outputBias: encodeFloat32(network.outputBias),
  };
}

export function denseNetworkFromJson(json: DenseNetworkJson): DenseNetwork {
  return {
    features: json.features,
    hidden: json.hidden,
    classes: json.classes,
    embedding: decodeFloat32(json.embedding),
    hiddenBias: decodeFloat32(json.hiddenBias),
    output: decodeFloat32(json.output),
    outputBias: decodeFloat32(json.outputBias),
  };
}
