import { describe, expect, it } from 'vitest';
import { computePhaseDistribution } from './compute-phase-distribution.js';
import { computeTopicDistribution } from './compute-topic-distribution.js';
import { contact } from './metrics.test-kit.js';

describe('computeTopicDistribution', () => {
  // 4 registered conversations (one with two topics, one naming a topic twice), 1 unregistered.
  const records = [
    contact('1', { topics: ['pesten'] }),
    contact('2', { topics: ['pesten', 'relaties'] }),
    contact('3', { topics: ['relaties', 'relaties'] }),
    contact('4', { topics: ['eenzaamheid'] }),
    contact('5', { topics: [] }),
  ];

  it('divides each topic by the registered conversations and counts a two-topic conversation in both', () => {
    const distribution = computeTopicDistribution(records);
    expect(distribution.registered).toBe(4);
    expect(distribution.unregistered).toBe(1);
    expect(distribution.topics).toEqual([
      { topicId: 'pesten', value: 0.5, numerator: 2, denominator: 4 },
      { topicId: 'relaties', value: 0.5, numerator: 2, denominator: 4 },
      { topicId: 'eenzaamheid', value: 0.25, numerator: 1, denominator: 4 },
    ]);
  });

  it('returns no topics and a zero denominator when nothing was registered', () => {
    expect(computeTopicDistribution([contact('1')])).toEqual({ registered: 0, unregistered: 1, topics: [] });
  });
});

describe('computePhaseDistribution', () => {
  const records = [
    contact('1', { phaseReached: 'contact' }),
    contact('2', { phaseReached: 'goal' }),
    contact('3', { phaseReached: 'goal' }),
    contact('4', { phaseReached: 'close' }),
    contact('5', { phaseReached: 'legacy' }),
    contact('6', { phaseReached: null }),
  ];

  it('follows the phase model order and shows phases nobody reached as 0 when the order is given', () => {
    const distribution = computePhaseDistribution(records, { phaseOrder: ['contact', 'explore', 'goal', 'work', 'close'] });
    expect(distribution.recorded).toBe(5);
    expect(distribution.notRecorded).toBe(1);
    expect(distribution.phases.map((p) => [p.phaseId, p.numerator])).toEqual([
      ['contact', 1],
      ['explore', 0],
      ['goal', 2],
      ['work', 0],
      ['close', 1],
      ['legacy', 1],
    ]);
    expect(distribution.phases[2]).toEqual({ phaseId: 'goal', value: 0.4, numerator: 2, denominator: 5 });
  });

  it('orders by frequency when no phase model is given', () => {
    expect(computePhaseDistribution(records).phases[0]?.phaseId).toBe('goal');
  });

  it('gives null shares when no conversation recorded a phase', () => {
    const distribution = computePhaseDistribution([contact('1')], { phaseOrder: ['contact'] });
    expect(distribution.phases).toEqual([{ phaseId: 'contact', value: null, numerator: 0, denominator: 0 }]);
  });
});
