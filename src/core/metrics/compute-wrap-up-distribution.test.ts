import { describe, expect, it } from 'vitest';
import { campaignResultOfWrapUp, campaignWrapUpCode } from '../campaign/wrap-up-code.js';
import { computeWrapUpDistribution } from './compute-wrap-up-distribution.js';
import { abandoned, answered, contact } from './metrics.test-kit.js';

describe('campaign wrap-up codes', () => {
  it('are prefixed and read back only for known results', () => {
    expect(campaignWrapUpCode('no_answer')).toBe('campaign:no_answer');
    expect(campaignResultOfWrapUp('campaign:no_answer')).toBe('no_answer');
    expect(campaignResultOfWrapUp('busy')).toBeNull(); // a line's own code of the same name
    expect(campaignResultOfWrapUp('campaign:unknown')).toBeNull();
    expect(campaignResultOfWrapUp(null)).toBeNull();
  });
});

describe('computeWrapUpDistribution', () => {
  const closed = 1_000_000;
  const records = [
    answered('1', 10, { closedAt: closed, wrapUpCode: 'busy' }),
    answered('2', 10, { closedAt: closed, wrapUpCode: 'opgelost' }),
    answered('3', 10, { closedAt: closed, wrapUpCode: 'opgelost' }),
    answered('4', 0, { closedAt: closed, wrapUpCode: 'campaign:busy', direction: 'outbound' }),
    answered('5', 0, { closedAt: closed, wrapUpCode: 'campaign:reached', direction: 'outbound' }),
    answered('6', 0, { closedAt: closed, wrapUpCode: 'campaign:reached', direction: 'outbound' }),
    answered('7', 10, { closedAt: closed }),
    answered('8', 10), // still open: not "uncoded"
    abandoned('9', 30),
    contact('10'),
  ];

  it("keeps campaign results apart from the line's codes, line codes first, each group by count", () => {
    const distribution = computeWrapUpDistribution(records);
    expect(distribution.coded).toBe(6);
    expect(distribution.uncoded).toBe(1);
    expect(distribution.codes).toEqual([
      { code: 'opgelost', source: 'line', value: 2 / 6, numerator: 2, denominator: 6 },
      { code: 'busy', source: 'line', value: 1 / 6, numerator: 1, denominator: 6 },
      { code: 'campaign:reached', source: 'campaign', value: 2 / 6, numerator: 2, denominator: 6 },
      { code: 'campaign:busy', source: 'campaign', value: 1 / 6, numerator: 1, denominator: 6 },
    ]);
  });

  it('gives a zero denominator without codes', () => {
    expect(computeWrapUpDistribution([contact('1')])).toEqual({ coded: 0, uncoded: 0, codes: [] });
  });
});
