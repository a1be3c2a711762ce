import { describe, expect, it } from 'vitest';
import { computeAverageSpeedOfAnswer, computeAverageWait, computeLongestWait } from './compute-wait-times.js';
import { abandoned, answered, at, contact } from './metrics.test-kit.js';

const period = [answered('a1', 10), answered('a2', 20), answered('a3', 60), abandoned('x1', 90), contact('bot', { botResolved: true })];

describe('wait figures', () => {
  it('averages the waits of answered contacts only for the average speed of answer', () => {
    expect(computeAverageSpeedOfAnswer(period)).toMatchObject({ value: 30, numerator: 90, denominator: 3 });
  });

  it('includes abandoned contacts in the average wait', () => {
    expect(computeAverageWait(period)).toMatchObject({ value: 45, numerator: 180, denominator: 4 });
  });

  it('finds the longest finished wait with its conversation, abandoned or not', () => {
    expect(computeLongestWait(period)).toEqual({ value: 90, conversationId: 'x1', count: 4 });
  });

  it('returns null without NaN when no contact waited', () => {
    expect(computeAverageSpeedOfAnswer([])).toEqual({ value: null, numerator: 0, denominator: 0, incompleteExcluded: 0 });
    expect(computeAverageWait([contact('bot')]).value).toBeNull();
    expect(computeLongestWait([])).toEqual({ value: null, conversationId: null, count: 0 });
  });

  it('skips contacts with a missing answer time and reports them', () => {
    const broken = contact('b', { answeredAt: at(5), outcome: 'answered' });
    expect(computeAverageSpeedOfAnswer([broken, answered('a', 8)])).toMatchObject({ value: 8, incompleteExcluded: 1 });
  });

  it('measures a wait that crosses midnight in full', () => {
    const start = Date.UTC(2024, 0, 15, 22, 58, 0); // 23:58 in Brussels
    const record = contact('late', { enqueuedAt: start, answeredAt: start + 180_000, outcome: 'answered' });
    expect(computeAverageSpeedOfAnswer([record]).value).toBe(180);
  });
});
