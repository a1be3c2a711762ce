import { describe, expect, it } from 'vitest';
import { computeHelpfulness } from './compute-helpfulness.js';
import { computeNetPromoterScore } from './compute-net-promoter-score.js';
import { survey } from './metrics.test-kit.js';

const npsScores = (...scores: Array<number | null>) => scores.map((nps) => survey({ nps }));

describe('computeNetPromoterScore', () => {
  it('subtracts the detractor share from the promoter share and shows the counts', () => {
    // 10, 9, 9 promoters; 8, 7 passives; 6, 3, 0 detractors → (3 − 3) / 8 = 0
    expect(computeNetPromoterScore(npsScores(10, 9, 9, 8, 7, 6, 3, 0))).toMatchObject({
      value: 0,
      exact: 0,
      promoters: 3,
      passives: 2,
      detractors: 3,
      responses: 8,
      numerator: 0,
      denominator: 8,
    });
  });

  it('rounds to a whole number when the score has decimals', () => {
    // 2 promoters, 1 passive, 0 detractors of 3 → 66.67 → 67
    const nps = computeNetPromoterScore(npsScores(9, 10, 7));
    expect(nps.value).toBe(67);
    expect(nps.exact).toBeCloseTo(66.667, 3);
  });

  it('rounds half away from zero for negative scores', () => {
    // 1 promoter, 5 passives, 2 detractors → (1 − 2) / 8 = −12.5 → −13
    expect(computeNetPromoterScore(npsScores(9, 7, 7, 7, 8, 8, 0, 5)).value).toBe(-13);
  });

  it('reaches −100 when everyone is a detractor and 100 when everyone is a promoter', () => {
    expect(computeNetPromoterScore(npsScores(0, 6, 3)).value).toBe(-100);
    expect(computeNetPromoterScore(npsScores(9, 10)).value).toBe(100);
  });

  it('returns null with zero counts when nobody answered the question', () => {
    expect(computeNetPromoterScore([survey({ helpfulness: 8 })])).toMatchObject({ value: null, exact: null, responses: 0, denominator: 0 });
  });

  it('ignores and counts scores outside 0–10 or with decimals', () => {
    expect(computeNetPromoterScore(npsScores(11, -1, 7.5, 10))).toMatchObject({ value: 100, responses: 1, ignored: 3 });
  });
});

describe('computeHelpfulness', () => {
  it('averages the 1–10 scores and returns the count', () => {
    const responses = [8, 6, 10, 7].map((helpfulness) => survey({ helpfulness }));
    expect(computeHelpfulness([...responses, survey({ nps: 9 })])).toEqual({ value: 7.75, numerator: 31, denominator: 4, ignored: 0 });
  });

  it('ignores a 0, which is not on the helpfulness scale', () => {
    expect(computeHelpfulness([survey({ helpfulness: 0 }), survey({ helpfulness: 5 })])).toEqual({ value: 5, numerator: 5, denominator: 1, ignored: 1 });
  });

  it('returns null when nobody gave a helpfulness score', () => {
    expect(computeHelpfulness([])).toEqual({ value: null, numerator: 0, denominator: 0, ignored: 0 });
  });
});
