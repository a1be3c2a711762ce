import { describe, expect, it } from 'vitest';
import { denseNetworkFromJson, denseNetworkToJson, denseScores, trainDenseNetwork } from './dense-network.js';
import type { SparseVector } from './sparse-vector.js';

/** Features: 0 = always on, 1 = "a", 2 = "b". */
function vector(features: number[]): SparseVector {
  return { indices: Int32Array.from(features), values: Float32Array.from(features, () => 1 / Math.sqrt(features.length)) };
}

// Exclusive or: class 1 when exactly one of "a" and "b" is present. No linear model separates it.
const XOR = {
  vectors: [vector([0]), vector([0, 1]), vector([0, 2]), vector([0, 1, 2])],
  labels: Int32Array.from([0, 1, 1, 0]),
};
const OPTIONS = { hidden: 8, epochs: 1000, learningRate: 0.5, embeddingRateScale: 4, dropout: 0, inputDropout: 0, seed: 3 };

const argmax = (scores: Float64Array): number => (scores[1] ?? 0) > (scores[0] ?? 0) ? 1 : 0;

describe('trainDenseNetwork', () => {
  it('does learn exclusive-or when the hidden layer is non-linear', () => {
    const network = trainDenseNetwork(XOR, 3, 2, OPTIONS);
    expect(XOR.vectors.map((x) => argmax(denseScores(network, x)))).toEqual([0, 1, 1, 0]);
  });

  it('does give the same network when trained twice with one seed, and another with a new seed', () => {
    const first = trainDenseNetwork(XOR, 3, 2, { ...OPTIONS, epochs: 5, dropout: 0.3 });
    const second = trainDenseNetwork(XOR, 3, 2, { ...OPTIONS, epochs: 5, dropout: 0.3 });
    const other = trainDenseNetwork(XOR, 3, 2, { ...OPTIONS, epochs: 5, dropout: 0.3, seed: 4 });
    expect(second.embedding).toEqual(first.embedding);
    expect(second.output).toEqual(first.output);
    expect(other.embedding).not.toEqual(first.embedding);
  });

  it('does score the same after a JSON round trip', () => {
    const network = trainDenseNetwork(XOR, 3, 2, { ...OPTIONS, epochs: 20 });
    const restored = denseNetworkFromJson(JSON.parse(JSON.stringify(denseNetworkToJson(network))));
    for (const x of XOR.vectors) expect(denseScores(restored, x)).toEqual(denseScores(network, x));
  });
});
