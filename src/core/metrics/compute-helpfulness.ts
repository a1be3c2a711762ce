import { figure } from './figure.js';
import type { Figure, SurveyResponse } from './metrics.types.js';
import { isScore } from './survey-score.js';

export interface Helpfulness extends Figure {
  ignored: number;
}

/**
 * Helpfulness = sum of the 1–10 helpfulness scores / responses that gave one: the plain
 * mean, with the count as denominator so a report can show "7.8 (n = 112)".
 */
export function computeHelpfulness(responses: readonly SurveyResponse[]): Helpfulness {
  let total = 0;
  let count = 0;
  let ignored = 0;
  for (const { helpfulness } of responses) {
    if (helpfulness === null || helpfulness === undefined) continue;
    if (!isScore(helpfulness, 1, 10)) {
      ignored += 1;
      continue;
    }
    total += helpfulness;
    count += 1;
  }
  return { ...figure(total, count), ignored };
}
