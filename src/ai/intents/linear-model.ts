import { decodeFloat32, encodeFloat32 } from './float-codec.js';
import type { SparseVector } from './sparse-vector.js';

/**
 * A linear scorer over sparse features. Weights are stored feature-major
 * (`weights[feature * classes + class]`) so one feature's class weights sit together in memory.
 */
export interface LinearModel {
  readonly classes: number;
  readonly features: number;
  readonly weights: Float32Array;
  readonly bias: Float32Array;
}

export interface LinearModelJson {
  readonly classes: number;
  readonly features: number;
  readonly weights: string;
  readonly bias: string;
}

export function createLinearModel(features: number, classes: number): LinearModel {
  return { classes, features, weights: new Float32Array(features * classes), bias: new Float32Array(classes) };
}

export function copyLinearModel(model: LinearModel): LinearModel {
  return { ...model, weights: model.weights.slice(), bias: model.bias.slice() };
}

/** Writes the class scores of `x` into `out` (length = classes). */
export function scoreInto(model: LinearModel, x: SparseVector, out: Float64Array): Float64Array {
  const { classes, weights } = model;
  for (let c = 0; c < classes; c++) out[c] = model.bias[c] ?? 0;
  for (let k = 0; k < x.indices.length; k++) {
    const base = (x.indices[k] ?? 0) * classes;
    const value = x.values[k] ?? 0;
    for (let c = 0; c < classes; c++) out[c] = (out[c] ?? 0) + (weights[base + c] ?? 0) * value;
  }
  return out;
}

export function linearModelToJson(model: LinearModel): LinearModelJson {
  return { classes: model.classes, features: model.features, weights: encodeFloat32(model.weights), bias: encodeFloat32(model.bias) };
}

export function linearModelFromJson(json: LinearModelJson): LinearModel {
  return { classes: json.classes, features: json.features, weights: decodeFloat32(json.weights), bias: decodeFloat32(json.bias) };
}
