/** Softmax of `scores` divided by `temperature`, into a new array; stable for large scores. */
export function softmax(scores: ArrayLike<number>, temperature = 1): Float64Array {
  const out = new Float64Array(scores.length);
  let max = -Infinity;
  for (let c = 0; c < scores.length; c++) max = Math.max(max, (scores[c] ?? 0) / temperature);
  let sum = 0;
  for (let c = 0; c < scores.length; c++) {
    const e = Math.exp((scores[c] ?? 0) / temperature - max);
    out[c] = e;
    sum += e;
  }
  for (let c = 0; c < scores.length; c++) out[c] = (out[c] ?? 0) / sum;
  return out;
}

/** log-softmax, for adding the evidence of several scorers as log-probabilities. */
export function logSoftmax(scores: ArrayLike<number>): Float64Array {
  let max = -Infinity;
  for (let c = 0; c < scores.length; c++) max = Math.max(max, scores[c] ?? 0);
  let sum = 0;
  for (let c = 0; c < scores.length; c++) sum += Math.exp((scores[c] ?? 0) - max);
  const logSum = max + Math.log(sum);
  const out = new Float64Array(scores.length);
  for (let c = 0; c < scores.length; c++) out[c] = (scores[c] ?? 0) - logSum;
  return out;
}
