/** A sparse row: ascending feature indices with their values. */
export interface SparseVector {
  readonly indices: Int32Array;
  readonly values: Float32Array;
}

/** Builds a sparse vector from a map of feature index to value, sorted by index. */
export function toSparseVector(entries: ReadonlyMap<number, number>): SparseVector {
  const indices = Int32Array.from([...entries.keys()].sort((a, b) => a - b));
  const values = new Float32Array(indices.length);
  indices.forEach((index, position) => {
    values[position] = entries.get(index) ?? 0;
  });
  return { indices, values };
}

/** Drops each feature with probability `share` and scales the rest up, so the expected input stays the same. */
export function dropFeatures(x: SparseVector, share: number, random: () => number): SparseVector {
  if (share <= 0) return x;
  const indices: number[] = [];
  const values: number[] = [];
  for (let k = 0; k < x.indices.length; k++) {
    if (random() < share) continue;
    indices.push(x.indices[k] ?? 0);
    values.push((x.values[k] ?? 0) / (1 - share));
  }
  return { indices: Int32Array.from(indices), values: Float32Array.from(values) };
}
