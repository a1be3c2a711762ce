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
