import { decodeFloat32, encodeFloat32 } from './float-codec.js';
import type { LabelledVectors } from './sgd-trainer.js';

export interface KnnIndexJson {
  readonly classes: number;
  /** Absent in models stored before it existed (= 1). */
  readonly neighbours?: number;
  readonly labels: number[];
  readonly offsets: number[];
  readonly features: number[];
  readonly values: string;
}

/**
 * Per class, the mean of the `neighbours` highest similarities of its rows (1 = the highest);
 * negative similarities count as 0.
 */
export function meanOfNearestPerClass(similarity: Float32Array, labels: Int32Array, classes: number, neighbours: number): Float64Array {
  const best = new Float64Array(classes);
  if (neighbours <= 1) {
    similarity.forEach((value, row) => {
      const label = labels[row] ?? 0;
      if (value > (best[label] ?? 0)) best[label] = value;
    });
    return best;
  }
  // Top-n per class kept in a small buffer per class, sorted descending.
  const top = new Float64Array(classes * neighbours);
  similarity.forEach((value, row) => {
    const base = (labels[row] ?? 0) * neighbours;
    if (value <= (top[base + neighbours - 1] ?? 0)) return;
    let position = neighbours - 1;
    while (position > 0 && (top[base + position - 1] ?? 0) < value) {
      top[base + position] = top[base + position - 1] ?? 0;
      position--;
    }
    top[base + position] = value;
  });
  for (let c = 0; c < classes; c++) {
    let sum = 0;
    for (let n = 0; n < neighbours; n++) sum += top[c * neighbours + n] ?? 0;
    best[c] = sum / neighbours;
  }
  return best;
}

/**
 * An inverted index over the training vectors that answers, per intent, the cosine similarity
 * of the nearest training example: a second opinion that catches near-duplicates of rare phrasings
 * a linear model averages away. Vectors are L2-normalised, so a dot product is the cosine.
 */
export class KnnIndex {
  private readonly postings: Map<number, { rows: Int32Array; values: Float32Array }>;

  private constructor(
    readonly classes: number,
    /** Neighbours averaged per class by `nearestPerClass`. */
    readonly neighbours: number,
    private readonly labels: Int32Array,
    postings: Map<number, { rows: Int32Array; values: Float32Array }>,
  ) {
    this.postings = postings;
  }

  static build(data: LabelledVectors, classes: number, neighbours = 1): KnnIndex {
    const lists = new Map<number, { rows: number[]; values: number[] }>();
    data.vectors.forEach((vector, row) => {
      vector.indices.forEach((feature, k) => {
        const list = lists.get(feature) ?? { rows: [], values: [] };
        list.rows.push(row);
        list.values.push(vector.values[k] ?? 0);
        lists.set(feature, list);
      });
    });
    const postings = new Map<number, { rows: Int32Array; values: Float32Array }>();
    for (const [feature, list] of lists) postings.set(feature, { rows: Int32Array.from(list.rows), values: Float32Array.from(list.values) });
    return new KnnIndex(classes, Math.max(1, Math.round(neighbours)), data.labels.slice(), postings);
  }

  /**
   * Per class, the mean cosine similarity between `query` and its `neighbours` most similar
   * training examples of that class (1 = the nearest one).
   */
  nearestPerClass(query: { indices: Int32Array; values: Float32Array }, neighbours = this.neighbours): Float64Array {
    const similarity = new Float32Array(this.labels.length);
    query.indices.forEach((feature, k) => {
      const list = this.postings.get(feature);
      if (!list) return;
      const weight = query.values[k] ?? 0;
      for (let p = 0; p < list.rows.length; p++) {
        const row = list.rows[p] ?? 0;
        similarity[row] = (similarity[row] ?? 0) + weight * (list.values[p] ?? 0);
      }
    });
    return meanOfNearestPerClass(similarity, this.labels, this.classes, neighbours);
  }

  toJSON(): KnnIndexJson {
    const offsets: number[] = [0];
    const features: number[] = [];
    const values: number[] = [];
    for (const [feature, list] of this.postings) {
      features.push(feature);
      for (let p = 0; p < list.rows.length; p++) values.push(list.rows[p] ?? 0, list.values[p] ?? 0);
      offsets.push(values.length / 2);
    }
    return { classes: this.classes, neighbours: this.neighbours, labels: [...this.labels], offsets, features, values: encodeFloat32(Float32Array.from(values)) };
  }

  static fromJSON(json: KnnIndexJson): KnnIndex {
    const pairs = decodeFloat32(json.values);
    const postings = new Map<number, { rows: Int32Array; values: Float32Array }>();
    json.features.forEach((feature, f) => {
      const start = json.offsets[f] ?? 0;
      const end = json.offsets[f + 1] ?? start;
      const rows = new Int32Array(end - start);
      const values = new Float32Array(end - start);
      for (let p = start; p < end; p++) {
        rows[p - start] = pairs[2 * p] ?? 0;
        values[p - start] = pairs[2 * p + 1] ?? 0;
      }
      postings.set(feature, { rows, values });
    });
    return new KnnIndex(json.classes, json.neighbours ?? 1, Int32Array.from(json.labels), postings);
  }
}
