import { describe, expect, it } from 'vitest';
import { checkVote, computeEarnedBadges, decideGesture, monthOf, tallyAward, type AgentSurveyAnswer, type BadgeRule } from './index.js';

const TZ = 'Europe/Brussels';
const MUG: BadgeRule = { id: 'r_mug', badge: 'mok', minResponses: 10, minAverageHelpfulness: 9.5, minNps: null, active: true };
const at = (day: number, hour = 12) => Date.UTC(2026, 2, day, hour);
const answers = (agentId: string, helpfulness: number[], day = 5): AgentSurveyAnswer[] => helpfulness.map((h, i) => ({ agentId, nps: 10, helpfulness: h, createdAt: at(day + (i % 20)) }));

describe('automatic badges', () => {
  it('gives the mug for ≥ 10 answers in a month averaging ≥ 9.5 helpfulness', () => {
    const earned = computeEarnedBadges([MUG], [...answers('us_sofie', [10, 10, 10, 10, 10, 9, 9, 10, 9, 9]), ...answers('us_emma', [10, 10, 10, 10, 10, 10, 10, 10, 10])], TZ);
    // Sofie: 10 answers, mean 9.6. Emma: only 9 answers.
    expect(earned).toEqual([{ ruleId: 'r_mug', agentId: 'us_sofie', month: '2026-03', badge: 'mok', responses: 10, averageHelpfulness: 9.6 }]);
  });

  it('misses the mug just under the average, and counts months in the line’s time zone', () => {
    expect(computeEarnedBadges([MUG], answers('us_sofie', [10, 10, 10, 10, 9, 9, 9, 9, 9, 9]), TZ)).toEqual([]);
    expect(computeEarnedBadges([MUG], answers('us_sofie', [10, 10, 10, 10, 10, 9, 9, 9, 9, 9]), TZ)).toHaveLength(1);
    // 31 March 23:30 UTC is 1 April in Brussels (summer time).
    expect(monthOf(Date.UTC(2026, 2, 31, 23, 30), TZ)).toBe('2026-04');
    expect(monthOf(Date.UTC(2026, 2, 31, 21, 30), TZ)).toBe('2026-03');
    const split = [...answers('us_sofie', Array(5).fill(10), 2), ...answers('us_sofie', Array(5).fill(10), 40)];
    expect(computeEarnedBadges([MUG], split, TZ)).toEqual([]);
  });

  it('applies an NPS rule, skips inactive rules and answers without an agent', () => {
    const promoter: BadgeRule = { id: 'r_nps', badge: 'bloemen', minResponses: 3, minAverageHelpfulness: null, minNps: 50, active: true };
    const list: AgentSurveyAnswer[] = [
      { agentId: 'us_thomas', nps: 10, helpfulness: null, createdAt: at(3) },
      { agentId: 'us_thomas', nps: 9, helpfulness: null, createdAt: at(4) },
      { agentId: 'us_thomas', nps: 3, helpfulness: null, createdAt: at(5) },
      { agentId: '', nps: 10, helpfulness: 10, createdAt: at(5) },
    ];
    // NPS (2 − 1) / 3 = 33 < 50.
    expect(computeEarnedBadges([promoter], list, TZ)).toEqual([]);
    const better = list.map((a) => (a.nps === 3 ? { ...a, nps: 8 } : a));
    expect(computeEarnedBadges([promoter, { ...MUG, active: false }], better, TZ).map((b) => [b.agentId, b.badge])).toEqual([['us_thomas', 'bloemen']]);
    // A helpfulness rule without any helpfulness score is not met.
    expect(computeEarnedBadges([{ ...MUG, minResponses: 1 }], better, TZ)).toEqual([]);
  });
});

describe('awards', () => {
  it('refuses self-votes, votes for non-nominees and votes on a closed award', () => {
    const nominees = new Set(['us_sofie', 'us_emma']);
    expect(checkVote({ status: 'open' }, 'us_thomas', 'us_sofie', nominees)).toEqual({ ok: true });
    expect(checkVote({ status: 'open' }, 'us_sofie', 'us_sofie', nominees)).toEqual({ ok: false, reason: 'self_vote' });
    expect(checkVote({ status: 'open' }, 'us_thomas', 'us_lucas', nominees)).toEqual({ ok: false, reason: 'not_nominated' });
    expect(checkVote({ status: 'closed' }, 'us_thomas', 'us_sofie', nominees)).toEqual({ ok: false, reason: 'award_closed' });
  });

  it('ranks nominees by votes, ties sharing a rank, nominees without votes last', () => {
    const votes = ['us_emma', 'us_sofie', 'us_emma', 'us_sofie', 'us_lucas', 'us_nobody'].map((nomineeId) => ({ nomineeId }));
    expect(tallyAward(['us_sofie', 'us_emma', 'us_lucas', 'us_camille'], votes)).toEqual([
      { nomineeId: 'us_emma', votes: 2, rank: 1 },
      { nomineeId: 'us_sofie', votes: 2, rank: 1 },
      { nomineeId: 'us_lucas', votes: 1, rank: 3 },
      { nomineeId: 'us_camille', votes: 0, rank: 4 },
    ]);
  });
});

describe('gestures budget', () => {
  it('approves within what is left of the budget and walks requested → approved → sent', () => {
    expect(decideGesture('requested', 'approved', 2500, 10_000, 7500)).toEqual({ ok: true });
    expect(decideGesture('requested', 'approved', 2501, 10_000, 7500)).toEqual({ ok: false, reason: 'over_budget', leftCents: 2500 });
    expect(decideGesture('requested', 'approved', 100, null, 0)).toEqual({ ok: false, reason: 'no_budget' });
    expect(decideGesture('requested', 'rejected', 99_999, 0, 0)).toEqual({ ok: true });
    expect(decideGesture('approved', 'sent', 2500, 0, 99_999)).toEqual({ ok: true });
    expect(decideGesture('requested', 'sent', 2500, 10_000, 0)).toEqual({ ok: false, reason: 'invalid_transition' });
    expect(decideGesture('sent', 'rejected', 2500, 10_000, 0)).toEqual({ ok: false, reason: 'invalid_transition' });
  });
});
