import { describe, expect, it } from 'vitest';
import { computeServiceLevel } from './compute-service-level.js';
import { abandoned, answered, at, contact } from './metrics.test-kit.js';

// Hand-computed fixture, T = 20 s, short abandons < 5 s:
// answered at 5, 12, 20 (≤ T: 3) and 25, 40 (> T: 2); abandoned at 3 (short), 15 (≤ T), 60 (> T);
// one bot-only contact, one still waiting, one answered without an enqueue time.
const period = [
  answered('a1', 5),
  answered('a2', 12),
  answered('a3', 20),
  answered('a4', 25),
  answered('a5', 40),
  abandoned('x1', 3),
  abandoned('x2', 15),
  abandoned('x3', 60),
  contact('bot', { outcome: 'bot_resolved', botResolved: true }),
  contact('waiting', { enqueuedAt: at(0) }),
  contact('broken', { answeredAt: at(10), outcome: 'answered' }),
];

describe('computeServiceLevel', () => {
  it('counts every abandon against the line by default', () => {
    const sl = computeServiceLevel(period, { thresholdSeconds: 20 });
    // 3 within T / (5 answered + 3 abandoned)
    expect(sl).toMatchObject({ numerator: 3, denominator: 8, value: 3 / 8, answered: 5, answeredWithinThreshold: 3, abandoned: 3 });
    expect(sl.abandonedWithinThreshold).toBe(2);
    expect(sl.incompleteExcluded).toBe(1);
  });

  it('drops abandons under N seconds from the counts when the line excludes short abandons', () => {
    const sl = computeServiceLevel(period, { thresholdSeconds: 20, shortAbandonSeconds: 5 });
    expect(sl).toMatchObject({ numerator: 3, denominator: 7, abandoned: 2, shortAbandonsExcluded: 1 });
  });

  it('leaves abandons within T out of the denominator when treatment is exclude_within_threshold', () => {
    const sl = computeServiceLevel(period, { thresholdSeconds: 20, shortAbandonSeconds: 5, abandonTreatment: 'exclude_within_threshold' });
    // abandons left: 15 s (≤ T, excluded) and 60 s → 3 / (5 + 1)
    expect(sl).toMatchObject({ numerator: 3, denominator: 6, value: 0.5 });
  });

  it('counts abandons within T as met when treatment is count_within_threshold_as_met', () => {
    const sl = computeServiceLevel(period, { thresholdSeconds: 20, shortAbandonSeconds: 5, abandonTreatment: 'count_within_threshold_as_met' });
    expect(sl).toMatchObject({ numerator: 4, denominator: 7 });
  });

  it('uses answered contacts only when treatment is ignore', () => {
    const sl = computeServiceLevel(period, { thresholdSeconds: 20, abandonTreatment: 'ignore' });
    expect(sl).toMatchObject({ numerator: 3, denominator: 5, value: 0.6 });
  });

  it('returns null with denominator 0 when there are no contacts', () => {
    expect(computeServiceLevel([], { thresholdSeconds: 20 })).toMatchObject({ value: null, numerator: 0, denominator: 0 });
  });

  it('returns 0 when every contact abandoned', () => {
    const sl = computeServiceLevel([abandoned('x1', 30), abandoned('x2', 90)], { thresholdSeconds: 20 });
    expect(sl).toMatchObject({ value: 0, numerator: 0, denominator: 2 });
  });

  it('returns null when every contact was a short abandon that the line excludes', () => {
    const sl = computeServiceLevel([abandoned('x1', 2), abandoned('x2', 4)], { thresholdSeconds: 20, shortAbandonSeconds: 5 });
    expect(sl).toMatchObject({ value: null, denominator: 0, shortAbandonsExcluded: 2 });
  });

  it('measures the true wait when a contact queues before midnight and is answered after', () => {
    const beforeMidnight = Date.UTC(2024, 0, 15, 22, 59, 50); // 23:59:50 in Brussels
    const record = contact('late', { enqueuedAt: beforeMidnight, answeredAt: beforeMidnight + 15_000, outcome: 'answered' });
    expect(computeServiceLevel([record], { thresholdSeconds: 20 })).toMatchObject({ value: 1, numerator: 1 });
  });

  it('excludes a contact whose answer time lies before its enqueue time', () => {
    const record = contact('skew', { enqueuedAt: at(10), answeredAt: at(5), outcome: 'answered' });
    expect(computeServiceLevel([record], { thresholdSeconds: 20 })).toMatchObject({ denominator: 0, incompleteExcluded: 1 });
  });

  it('takes the end of the conversation as abandon time when only endedAt was recorded', () => {
    const record = contact('x', { enqueuedAt: at(0), endedAt: at(30), outcome: 'abandoned' });
    expect(computeServiceLevel([record], { thresholdSeconds: 20 })).toMatchObject({ abandoned: 1, abandonedWithinThreshold: 0 });
  });

  it('leaves an agent\'s outbound call out of the inbound figures without calling it incomplete', () => {
    const outbound = contact('campaign-call', { channel: 'voice', direction: 'outbound', answeredAt: at(0), endedAt: at(90), closedAt: at(90), agentId: 'a7', outcome: 'answered' });
    const sl = computeServiceLevel([answered('a1', 5), outbound], { thresholdSeconds: 20 });
    expect(sl).toMatchObject({ numerator: 1, denominator: 1, answered: 1, incompleteExcluded: 0 });
    // The same record without a direction is a broken inbound contact and is reported as such.
    const { direction: _inbound, ...broken } = outbound;
    expect(computeServiceLevel([broken], { thresholdSeconds: 20 }).incompleteExcluded).toBe(1);
  });
});
