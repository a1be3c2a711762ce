import type { Figure, SurveyResponse } from './metrics.types.js';
import { isScore } from './survey-score.js';

export interface NetPromoterScore extends Figure {
  /** NPS rounded to a whole number, as it is reported; `null` without responses. */
  value: number | null;
  /** The unrounded score, for averaging over periods. */
  exact: number | null;
  promoters: number;
  passives: number;
  detractors: number;
  responses: number;
  /** Answers with a score outside 0–10 or not a whole number. */
  ignored: number;
}

/**
 * Net Promoter Score = % promoters (9–10) − % detractors (0–6), from −100 to 100, over the
 * responses that answered the NPS question. Numerator = promoters − detractors,
 * denominator = responses. Rounded half away from zero, so +12.5 and −12.5 round alike.
 */
export function computeNetPromoterScore(responses: readonly SurveyResponse[]): NetPromoterScore {
  const counts = { promoters: 0, passives: 0, detractors: 0, ignored: 0 };
  for (const { nps } of responses) {
    if (nps === null || nps === undefined) continue;
    if (!isScore(nps, 0, 10)) counts.ignored += 1;
    else if (nps >= 9) counts.promoters += 1;
    else if (nps >= 7) counts.passives += 1;
    else counts.detractors += 1;
  }
  const answered = counts.promoters + counts.passives + counts.detractors;
  const exact = answered === 0 ? null : (100 * (counts.promoters - counts.detractors)) / answered;
  return {
    value: exact === null ? null : roundHalfAwayFromZero(exact),
    exact,
    numerator: counts.promoters - counts.detractors,
    denominator: answered,
    responses: answered,
    ...counts,
  };
}

function roundHalfAwayFromZero(value: number): number {
  // `+ 0` turns −0 into 0, so an even split reads "0", not "-0".
  return Math.sign(value) * Math.round(Math.abs(value)) + 0;
}
