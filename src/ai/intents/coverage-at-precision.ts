export interface JudgedPrediction {
  readonly confidence: number;
  readonly correct: boolean;
}

/**
 * The largest share of questions a bot may answer on its own, most confident first, while the
 * answered ones stay at least `precision` correct. Predictions with equal confidence are answered
 * or held back together: a threshold cannot split them.
 *
 * @example coverageAtPrecision([{ confidence: 0.9, correct: true }, { confidence: 0.2, correct: false }], 0.95) // 0.5
 */
export function coverageAtPrecision(predictions: readonly JudgedPrediction[], precision: number): number {
  if (predictions.length === 0) return 0;
  const sorted = [...predictions].sort((a, b) => b.confidence - a.confidence);
  let correct = 0;
  let best = 0;
  sorted.forEach((prediction, position) => {
    if (prediction.correct) correct++;
    const answered = position + 1;
    const endOfTie = answered === sorted.length || (sorted[answered]?.confidence ?? -Infinity) < prediction.confidence;
    if (endOfTie && correct >= precision * answered - 1e-9) best = answered;
  });
  return best / sorted.length;
}

export interface ReliabilityBin {
  readonly from: number;
  readonly to: number;
  readonly count: number;
  readonly meanConfidence: number;
  readonly accuracy: number;
}

/** Confidence bins of equal width with their mean confidence and accuracy: a reliability diagram as data. */
export function reliabilityBins(predictions: readonly JudgedPrediction[], binCount = 10): ReliabilityBin[] {
  const bins = Array.from({ length: binCount }, (_, b) => ({ from: b / binCount, to: (b + 1) / binCount, count: 0, confidence: 0, correct: 0 }));
  for (const { confidence, correct } of predictions) {
    const bin = bins[Math.min(binCount - 1, Math.floor(confidence * binCount))];
    if (!bin) continue;
    bin.count++;
    bin.confidence += confidence;
    if (correct) bin.correct++;
  }
  return bins.map(({ from, to, count, confidence, correct }) => ({
    from,
    to,
    count,
    meanConfidence: count === 0 ? 0 : confidence / count,
    accuracy: count === 0 ? 0 : correct / count,
  }));
}

/** Expected calibration error: the count-weighted gap between confidence and accuracy over the bins. */
export function expectedCalibrationError(predictions: readonly JudgedPrediction[], binCount = 10): number {
  if (predictions.length === 0) return 0;
  const gap = reliabilityBins(predictions, binCount).reduce((sum, bin) => sum + bin.count * Math.abs(bin.meanConfidence - bin.accuracy), 0);
  return gap / predictions.length;
}
