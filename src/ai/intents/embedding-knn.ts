import { hiddenLayer, type DenseNetwork } from './dense-network.js';
import { decodeFloat32, encodeFloat32 } from './float-codec.js';
import { meanOfNearestPerClass } from './knn-index.js';
import type { LabelledVectors } from './sgd-trainer.js';
import type { SparseVector } from './sparse-vector.js';

export interface EmbeddingKnnJson {
  readonly classes: number;
  readonly neighbours: number;
  readonly dimensions: number;
  readonly labels: number[];
  readonly embeddings: string;
}

/** The dense network's hidden layer for `x`, scaled to unit length (a zero vector stays zero). */
function unitEmbedding(network: DenseNetwork, x: SparseVector): Float32Array {
  const h = hiddenLayer(network, x, new Float32Array(network.hidden));
  let squared = 0;
  for (const value of h) squared += value * value;
  const norm = Math.sqrt(squared);
  if (norm > 0) for (let j = 0; j < h.length; j++) h[j] = (h[j] ?? 0) / norm;
  return h;
}

/**
 * Nearest examples in the dense network's hidden space: the network learned that space to tell
 * intents apart, so "card hasn't come" and "still waiting on my card" sit close there even when
 * they share few n-grams, which the TF-IDF nearest-example score cannot see. Per intent, the mean
 * cosine of its `neighbours` closest training examples.
 */
export class EmbeddingKnn {
  private constructor(
    readonly classes: number,
    readonly neighbours: number,
    private readonly dimensions: number,
    private readonly labels: Int32Array,
    private readonly embeddings: Float32Array,
  ) {}

  static build(network: DenseNetwork, data: LabelledVectors, classes: number, neighbours: number): EmbeddingKnn {
    const embeddings = new Float32Array(data.vectors.length * network.hidden);
    data.vectors.forEach((x, row) => embeddings.set(unitEmbedding(network, x), row * network.hidden));
    return new EmbeddingKnn(classes, Math.max(1, Math.round(neighbours)), network.hidden, data.labels.slice(), embeddings);
  }

  nearestPerClass(network: DenseNetwork, x: SparseVector): Float64Array {
    const query = unitEmbedding(network, x);
    const rows = this.labels.length;
    const { dimensions, embeddings } = this;
    const similarity = new Float32Array(rows);
    // The hot loop of a query (rows × dimensions); indices are in range by construction.
    for (let row = 0; row < rows; row++) {
      const base = row * dimensions;
      let dot = 0;
      for (let j = 0; j < dimensions; j++) dot += query[j]! * embeddings[base + j]!;
      similarity[row] = dot;
    }
    return meanOfNearestPerClass(similarity, this.labels, this.classes, this.neighbours);
  }

  toJSON(): EmbeddingKnnJson {
    return {
      classes: this.classes,
      neighbours: this.neighbours,
      dimensions: this.dimensions,
      labels: [...this.labels],
      embeddings: encodeFloat32(this.embeddings),
    };
  }

  static fromJSON(json: EmbeddingKnnJson): EmbeddingKnn {
    return new EmbeddingKnn(json.classes, json.neighbours, json.dimensions, Int32Array.from(json.labels), decodeFloat32(json.embeddings));
  }
}
