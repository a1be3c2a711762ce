import { describe, expect, it } from 'vitest';
import { trainDenseNetwork } from './dense-network.js';
import { EmbeddingKnn } from './embedding-knn.js';
import { meanOfNearestPerClass } from './knn-index.js';
import type { SparseVector } from './sparse-vector.js';

function vector(features: number[]): SparseVector {
  return { indices: Int32Array.from(features), values: Float32Array.from(features, () => 1 / Math.sqrt(features.length)) };
}

const DATA = {
  vectors: [vector([0, 1]), vector([0, 1, 3]), vector([0, 2]), vector([0, 2, 4])],
  labels: Int32Array.from([0, 0, 1, 1]),
};
const network = trainDenseNetwork(DATA, 5, 2, { hidden: 6, epochs: 200, learningRate: 0.3, embeddingRateScale: 2, dropout: 0, inputDropout: 0, seed: 9 });

describe('EmbeddingKnn', () => {
  it('does find a training example itself at cosine 1 when asked for one neighbour', () => {
    const index = EmbeddingKnn.build(network, DATA, 2, 1);
    const scores = index.nearestPerClass(network, DATA.vectors[2] as SparseVector);
    expect(scores[1]).toBeCloseTo(1, 5);
    expect(scores[0] ?? 1).toBeLessThan(scores[1] ?? 0);
  });

  it('does score the same after a JSON round trip', () => {
    const index = EmbeddingKnn.build(network, DATA, 2, 2);
    const restored = EmbeddingKnn.fromJSON(JSON.parse(JSON.stringify(index)));
    const query = vector([0, 1, 4]);
    expect(restored.nearestPerClass(network, query)).toEqual(index.nearestPerClass(network, query));
  });
});

describe('meanOfNearestPerClass', () => {
  it('does average the n highest similarities of each class and count negatives as 0', () => {
    const similarity = Float32Array.from([0.9, 0.1, 0.5, 0.4, -0.3]);
    const labels = Int32Array.from([0, 0, 0, 1, 1]);
    const two = meanOfNearestPerClass(similarity, labels, 2, 2);
    expect(two[0]).toBeCloseTo(0.7);
    expect(two[1]).toBeCloseTo(0.2);
    expect(Array.from(meanOfNearestPerClass(similarity, labels, 2, 1))).toEqual([Math.fround(0.9), Math.fround(0.4)]);
  });
});
