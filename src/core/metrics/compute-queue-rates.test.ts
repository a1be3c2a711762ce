import { describe, expect, it } from 'vitest';
import { computeAbandonRate } from './compute-abandon-rate.js';
import { computeAnswerRate } from './compute-answer-rate.js';
import { abandoned, answered, contact } from './metrics.test-kit.js';

// 6 answered, 3 abandoned (one of them after 2 s), 1 bot-only.
const period = [
  ...['a1', 'a2', 'a3', 'a4', 'a5', 'a6'].map((id) => answered(id, 10)),
  abandoned('x1', 2),
  abandoned('x2', 30),
  abandoned('x3', 90),
  contact('bot', { botResolved: true, outcome: 'bot_resolved' }),
];

describe('answer and abandon rate', () => {
  it('divides answered by answered plus abandoned when no short abandons are excluded', () => {
    expect(computeAnswerRate(period)).toMatchObject({ numerator: 6, denominator: 9, value: 6 / 9 });
    expect(computeAbandonRate(period)).toMatchObject({ numerator: 3, denominator: 9, value: 3 / 9 });
  });

  it('removes short abandons from offered when the line excludes them', () => {
    expect(computeAnswerRate(period, { shortAbandonSeconds: 5 })).toMatchObject({ numerator: 6, denominator: 8, shortAbandonsExcluded: 1 });
    expect(computeAbandonRate(period, { shortAbandonSeconds: 5 })).toMatchObject({ numerator: 2, denominator: 8, value: 0.25 });
  });

  it('returns null rates with denominator 0 when nothing was offered', () => {
    expect(computeAnswerRate([])).toEqual({ value: null, numerator: 0, denominator: 0, shortAbandonsExcluded: 0, incompleteExcluded: 0 });
    expect(computeAbandonRate([contact('bot', { botResolved: true })]).value).toBeNull();
  });

  it('gives an answer rate of 0 and an abandon rate of 1 when every contact abandoned', () => {
    const all = [abandoned('x1', 30), abandoned('x2', 40)];
    expect(computeAnswerRate(all).value).toBe(0);
    expect(computeAbandonRate(all).value).toBe(1);
  });

  it('counts an abandon flagged only by outcome but without any end time as incomplete', () => {
    const record = contact('x', { enqueuedAt: 0, outcome: 'abandoned' });
    expect(computeAbandonRate([record])).toMatchObject({ denominator: 0, incompleteExcluded: 1 });
  });
});
