import { computeHelpfulness, computeNetPromoterScore } from '../metrics/index.js';

/**
 * Automatic badges for outstanding survey scores. An admin sets rules such as "at least 10
 * answers in a month with an average helpfulness of 9.5 or more → the mug"; every agent who
 * meets a rule in a calendar month gets that rule's badge for that month, once.
 */
export interface BadgeRule {
  id: string;
  /** What the agent receives, e.g. "mok" / "mug". */
  badge: string;
  /** Survey answers in the month, at least. */
  minResponses: number;
  /** Mean helpfulness (1–10) over the month's answers that gave one; null = not part of the rule. */
  minAverageHelpfulness: number | null;
  /** Net Promoter Score (−100…100) over the month's NPS answers; null = not part of the rule. */
  minNps: number | null;
  active: boolean;
}

export interface AgentSurveyAnswer {
  agentId: string;
  nps: number | null;
  helpfulness: number | null;
  /** Epoch ms. */
  createdAt: number;
}

export interface EarnedBadge {
  ruleId: string;
  agentId: string;
  /** YYYY-MM in the given time zone. */
  month: string;
  badge: string;
  responses: number;
  averageHelpfulness: number | null;
}

/** The calendar month (YYYY-MM) of an instant in a time zone (a survey at 23:30 UTC on 31 May is June in Brussels). */
export function monthOf(epochMs: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(epochMs);
  return `${parts.find((p) => p.type === 'year')?.value}-${parts.find((p) => p.type === 'month')?.value}`;
}

/**
 * The badges earned with these answers, per agent and month, by the active rules. A rule with
 * neither a helpfulness nor an NPS threshold rewards volume alone. Answers without an agent
 * (bot-resolved) are never counted. Result order: month, agent, rule.
 */
export function computeEarnedBadges(rules: readonly BadgeRule[], answers: readonly AgentSurveyAnswer[], timeZone: string): EarnedBadge[] {
  const groups = new Map<string, { agentId: string; month: string; answers: AgentSurveyAnswer[] }>();
  for (const answer of answers) {
    if (!answer.agentId) continue;
    const month = monthOf(answer.createdAt, timeZone);
    const key = `${month}\u0000${answer.agentId}`;
    const group = groups.get(key) ?? { agentId: answer.agentId, month, answers: [] };
    group.answers.push(answer);
    groups.set(key, group);
  }
  const earned: EarnedBadge[] = [];
  for (const key of [...groups.keys()].sort()) {
    const group = groups.get(key)!;
    // The metric functions read only the scores; the ids they also carry do not matter here.
    const scored = group.answers.map((a) => ({ conversationId: '', lineId: '', nps: a.nps, helpfulness: a.helpfulness }));
    const helpfulness = computeHelpfulness(scored);
    const nps = computeNetPromoterScore(scored);
    for (const rule of rules) {
      if (!rule.active || group.answers.length < rule.minResponses) continue;
      if (rule.minAverageHelpfulness !== null && (helpfulness.value === null || helpfulness.value < rule.minAverageHelpfulness)) continue;
      if (rule.minNps !== null && (nps.exact === null || nps.exact < rule.minNps)) continue;
      earned.push({ ruleId: rule.id, agentId: group.agentId, month: group.month, badge: rule.badge, responses: group.answers.length, averageHelpfulness: helpfulness.value });
    }
  }
  return earned;
}
