import { computeHelpfulness, computeNetPromoterScore } from '../../core/metrics/index.js';
import type { SurveyResponseRecord } from '../../storage/index.js';
import type { WallboardSurveys } from '../wallboard/wallboard.types.js';

/** The wallboard's survey figures from the answers of one day (pure: core metrics only). */
export function summariseSurveys(answers: readonly SurveyResponseRecord[]): WallboardSurveys {
  const nps = computeNetPromoterScore(answers);
  const helpfulness = computeHelpfulness(answers);
  return {
    responses: answers.length,
    netPromoterScore: { value: nps.value, promoters: nps.promoters, passives: nps.passives, detractors: nps.detractors, denominator: nps.denominator },
    helpfulness: { value: helpfulness.value, numerator: helpfulness.numerator, denominator: helpfulness.denominator },
  };
}
