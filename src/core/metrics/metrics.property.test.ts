import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeAbandonRate } from './compute-abandon-rate.js';
import { computeAnswerRate } from './compute-answer-rate.js';
import { computeNetPromoterScore } from './compute-net-promoter-score.js';
import { computePhaseDistribution } from './compute-phase-distribution.js';
import { computeServiceLevel, type AbandonTreatment } from './compute-service-level.js';
import { computeTopicDistribution } from './compute-topic-distribution.js';
import { computeVolumeByHourOfDay } from './compute-volume.js';
import { abandoned, answered, contact, survey } from './metrics.test-kit.js';
import type { ContactRecord } from './metrics.types.js';

const queueRecord: fc.Arbitrary<ContactRecord> = fc.oneof(
  fc.nat({ max: 600 }).map((wait) => answered('a', wait)),
  fc.nat({ max: 600 }).map((wait) => abandoned('x', wait)),
  fc.constant(contact('bot', { botResolved: true, outcome: 'bot_resolved' })),
  fc.constant(contact('waiting', { enqueuedAt: 0 })),
  fc.constant(contact('broken', { answeredAt: 5, outcome: 'answered' })),
);

const treatment = fc.constantFrom<AbandonTreatment>('count_against', 'exclude_within_threshold', 'count_within_threshold_as_met', 'ignore');

describe('metrics properties', () => {
  it('keeps service-level counts consistent for any period and treatment', () => {
    fc.assert(
      fc.property(fc.array(queueRecord), fc.nat({ max: 120 }), fc.nat({ max: 10 }), treatment, (records, threshold, shortAbandon, abandonTreatment) => {
        const sl = computeServiceLevel(records, { thresholdSeconds: threshold, shortAbandonSeconds: shortAbandon, abandonTreatment });
        expect(sl.answeredWithinThreshold).toBeLessThanOrEqual(sl.answered);
        expect(sl.abandonedWithinThreshold).toBeLessThanOrEqual(sl.abandoned);
        expect(sl.numerator).toBeLessThanOrEqual(sl.denominator);
        const queued = records.filter((r) => r.enqueuedAt !== undefined && r.enqueuedAt !== null && r.conversationId !== 'waiting').length;
        expect(sl.answered + sl.abandoned + sl.shortAbandonsExcluded).toBe(queued);
        expect(sl.value === null ? sl.denominator === 0 : sl.value >= 0 && sl.value <= 1).toBe(true);
      }),
    );
  });

  it('makes answer rate and abandon rate add up to one whenever something was offered', () => {
    fc.assert(
      fc.property(fc.array(queueRecord), fc.nat({ max: 10 }), (records, shortAbandonSeconds) => {
        const answer = computeAnswerRate(records, { shortAbandonSeconds });
        const abandon = computeAbandonRate(records, { shortAbandonSeconds });
        expect(answer.denominator).toBe(abandon.denominator);
        expect(answer.numerator + abandon.numerator).toBe(answer.denominator);
      }),
    );
  });

  it('keeps NPS within −100 and 100 and its counts equal to the responses', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 })), (scores) => {
        const nps = computeNetPromoterScore(scores.map((score) => survey({ nps: score })));
        expect(nps.promoters + nps.passives + nps.detractors).toBe(scores.length);
        if (scores.length === 0) expect(nps.value).toBeNull();
        else expect(Math.abs(nps.value ?? Number.NaN)).toBeLessThanOrEqual(100);
      }),
    );
  });

  it('gives each topic a share equal to its count over the registered conversations', () => {
    const topics = fc.array(fc.constantFrom('pesten', 'relaties', 'lichaam', 'scheiding'), { maxLength: 3 });
    fc.assert(
      fc.property(fc.array(topics), (perConversation) => {
        const distribution = computeTopicDistribution(perConversation.map((t, i) => contact(`c${i}`, { topics: t })));
        expect(distribution.registered + distribution.unregistered).toBe(perConversation.length);
        for (const topic of distribution.topics) {
          expect(topic.denominator).toBe(distribution.registered);
          expect(topic.value).toBe(topic.numerator / distribution.registered);
          expect(topic.numerator).toBeLessThanOrEqual(distribution.registered);
        }
      }),
    );
  });

  it('makes phase shares and hourly volumes add up to their totals', () => {
    const phase = fc.option(fc.constantFrom('contact', 'explore', 'goal', 'work', 'close'));
    const instant = fc.integer({ min: Date.UTC(2023, 0, 1), max: Date.UTC(2026, 0, 1) });
    fc.assert(
      fc.property(fc.array(fc.tuple(phase, instant)), (rows) => {
        const records = rows.map(([phaseReached, createdAt], i) => contact(`c${i}`, { phaseReached, createdAt }));
        const phases = computePhaseDistribution(records);
        expect(phases.phases.reduce((total, p) => total + p.numerator, 0)).toBe(phases.recorded);
        const hours = computeVolumeByHourOfDay(records, { timeZone: 'Europe/Brussels' });
        expect(hours.reduce((total, h) => total + h.numerator, 0)).toBe(records.length);
      }),
      { numRuns: 50 },
    );
  });
});
