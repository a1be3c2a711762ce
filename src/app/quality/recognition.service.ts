import type { Agent, Role } from '../../core/model/index.js';
import { checkVote, computeEarnedBadges, decideGesture, monthOf, tallyAward, type BadgeRule, type GestureStatus } from '../../core/recognition/index.js';
import type { AwardRecord, BadgeRecord, GestureRecord, SurveyResponseRecord } from '../../storage/index.js';
import { errors } from '../app.errors.js';
import type { ServiceDeps } from '../deps.js';
import { newId } from '../ids.js';
import { localMidnight } from '../wallboard/wallboard.js';
import { qualityErrors } from './quality.errors.js';
import type { AwardView, BadgeView, GestureView } from './quality.types.js';

export type { AwardView, BadgeView, GestureView } from './quality.types.js';

/** Badges count calendar months here (the tenant's home zone, as the wallboard's "today"). */
export const RECOGNITION_TIME_ZONE = 'Europe/Brussels';
export const AWARD_MANAGERS: readonly Role[] = ['supervisor', 'admin', 'executive'];
export const MAX_RECOGNITION_TEXT = 2000;

const nameOf = (deps: ServiceDeps, tenantId: string, id: string | null) => (id ? (deps.directory.findAgent(tenantId, id)?.name ?? id) : null);
const hasRole = (me: Agent, roles: readonly Role[]) => me.roles.some((r) => roles.includes(r));

// Awards

async function awardViews(deps: ServiceDeps, me: Agent, awards: AwardRecord[]): Promise<AwardView[]> {
  const ids = awards.map((a) => a.id);
  const [nominations, votes] = await Promise.all([deps.repos.recognition.nominations(ids), deps.repos.recognition.votes(ids)]);
  return awards.map((award) => {
    const mine = nominations.filter((n) => n.awardId === award.id);
    const nomineeIds = [...new Set(mine.map((n) => n.nomineeId))];
    const cast = votes.filter((v) => v.awardId === award.id);
    return {
      id: award.id, title: award.title, description: award.description, status: award.status, createdAt: award.createdAt, closedAt: award.closedAt,
      nominees: nomineeIds.map((id) => ({
        id, name: nameOf(deps, me.tenantId, id) ?? id,
        reasons: mine.filter((n) => n.nomineeId === id).map((n) => ({ by: nameOf(deps, me.tenantId, n.nominatedBy) ?? n.nominatedBy, reason: n.reason })),
      })),
      votesCast: cast.length,
      myVote: cast.find((v) => v.voterId === me.id)?.nomineeId ?? null,
      // Counts only once the award is closed, so the running tally does not steer the vote.
      results: award.status === 'closed' ? tallyAward(nomineeIds, cast).map((r) => ({ ...r, name: nameOf(deps, me.tenantId, r.nomineeId) ?? r.nomineeId })) : null,
    };
  });
}

async function loadAward(deps: ServiceDeps, me: Agent, id: string): Promise<AwardRecord> {
  const award = await deps.repos.recognition.getAward(me.tenantId, id);
  if (!award) throw qualityErrors.awardNotFound(id);
  return award;
}

export async function listAwards(deps: ServiceDeps, me: Agent): Promise<AwardView[]> {
  return awardViews(deps, me, await deps.repos.recognition.listAwards(me.tenantId));
}

export async function createAward(deps: ServiceDeps, me: Agent, input: { title: string; description: string }): Promise<AwardView> {
  const award: AwardRecord = { id: newId('aw'), tenantId: me.tenantId, title: input.title.trim(), description: input.description.trim(), status: 'open', createdBy: me.id, createdAt: deps.clock.now(), closedAt: null };
  await deps.repos.recognition.insertAward(award);
  return (await awardViews(deps, me, [award]))[0]!;
}

/** A colleague nominates someone of the tenant, with the reason; not oneself, once per nominee. */
export async function nominate(deps: ServiceDeps, me: Agent, awardId: string, input: { nomineeId: string; reason: string }): Promise<AwardView> {
  const award = await loadAward(deps, me, awardId);
  if (award.status !== 'open') throw qualityErrors.awardClosed(award.id);
  if (!deps.directory.findAgent(me.tenantId, input.nomineeId)) throw errors.notFound('agent', input.nomineeId);
  if (input.nomineeId === me.id) throw qualityErrors.awardSelfNomination();
  const stored = await deps.repos.recognition.insertNomination({ id: newId('nm'), awardId: award.id, nomineeId: input.nomineeId, nominatedBy: me.id, reason: input.reason.trim(), createdAt: deps.clock.now() });
  if (!stored) throw qualityErrors.awardAlreadyNominated();
  return (await awardViews(deps, me, [award]))[0]!;
}

/** One vote per person per award (primary key), for a nominee, never for oneself. */
export async function vote(deps: ServiceDeps, me: Agent, awardId: string, nomineeId: string): Promise<AwardView> {
  const award = await loadAward(deps, me, awardId);
  const nominees = new Set((await deps.repos.recognition.nominations([award.id])).map((n) => n.nomineeId));
  const check = checkVote(award, me.id, nomineeId, nominees);
  if (!check.ok) {
    if (check.reason === 'award_closed') throw qualityErrors.awardClosed(award.id);
    if (check.reason === 'self_vote') throw qualityErrors.awardSelfVote();
    throw qualityErrors.awardNotNominated(nomineeId);
  }
  if (!(await deps.repos.recognition.insertVote(award.id, me.id, nomineeId, deps.clock.now()))) throw qualityErrors.awardAlreadyVoted();
  return (await awardViews(deps, me, [award]))[0]!;
}

export async function closeAward(deps: ServiceDeps, me: Agent, awardId: string): Promise<AwardView> {
  const award = await loadAward(deps, me, awardId);
  if (!(await deps.repos.recognition.closeAward(me.tenantId, award.id, deps.clock.now()))) throw qualityErrors.awardClosed(award.id);
  return (await awardViews(deps, me, [(await loadAward(deps, me, awardId))]))[0]!;
}

// Badges

/** Epoch ms [from, to) of a calendar month (YYYY-MM) in the recognition time zone. */
export function monthRange(month: string): { from: number; to: number } {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const start = (y: number, mo: number) => localMidnight(Date.UTC(y, mo - 1, 1, 12), RECOGNITION_TIME_ZONE);
  return { from: start(year, m), to: m === 12 ? start(year + 1, 1) : start(year, m + 1) };
}

async function storeEarned(deps: ServiceDeps, tenantId: string, answers: readonly SurveyResponseRecord[]): Promise<BadgeRecord[]> {
  const rules = await deps.repos.recognition.badgeRules(tenantId);
  if (!rules.some((r) => r.active)) return [];
  const earned = computeEarnedBadges(rules, answers.flatMap((a) => (a.agentId ? [{ agentId: a.agentId, nps: a.nps, helpfulness: a.helpfulness, createdAt: a.createdAt }] : [])), RECOGNITION_TIME_ZONE);
  const now = deps.clock.now();
  return deps.repos.recognition.insertBadges(earned.map((b) => ({ ...b, id: newId('bd'), tenantId, createdAt: now })));
}

/** After each survey answer: the agent's month so far against the rules; a new badge is stored once. */
export async function awardBadgesAfterSurvey(deps: ServiceDeps, survey: SurveyResponseRecord): Promise<BadgeRecord[]> {
  if (!survey.agentId) return [];
  const { from, to } = monthRange(monthOf(survey.createdAt, RECOGNITION_TIME_ZONE));
  return storeEarned(deps, survey.tenantId, await deps.repos.surveys.listByAgent(survey.tenantId, survey.agentId, from, to));
}

/** Re-evaluates a whole month for the tenant (after a rule was added, for example). */
export async function evaluateBadges(deps: ServiceDeps, me: Agent, month: string): Promise<BadgeView[]> {
  const { from, to } = monthRange(month);
  return (await storeEarned(deps, me.tenantId, await deps.repos.surveys.listByTenant(me.tenantId, from, to))).map((b) => badgeView(deps, b));
}

function badgeView(deps: ServiceDeps, b: BadgeRecord): BadgeView {
  return { id: b.id, agentId: b.agentId, agentName: nameOf(deps, b.tenantId, b.agentId) ?? b.agentId, badge: b.badge, month: b.month, responses: b.responses, averageHelpfulness: b.averageHelpfulness, createdAt: b.createdAt };
}

export async function listBadges(deps: ServiceDeps, me: Agent, all: boolean): Promise<BadgeView[]> {
  const everyone = all && hasRole(me, AWARD_MANAGERS);
  return (await deps.repos.recognition.badges(me.tenantId, everyone ? undefined : me.id)).map((b) => badgeView(deps, b));
}

export async function addBadgeRule(deps: ServiceDeps, me: Agent, input: Omit<BadgeRule, 'id' | 'active'>): Promise<BadgeRule> {
  if (input.minAverageHelpfulness === null && input.minNps === null && input.minResponses < 1) throw errors.invalid('A badge rule needs at least one threshold');
  const rule: BadgeRule = { ...input, badge: input.badge.trim(), id: newId('br'), active: true };
  await deps.repos.recognition.insertBadgeRule(me.tenantId, rule, deps.clock.now());
  return rule;
}

export async function setBadgeRuleActive(deps: ServiceDeps, me: Agent, id: string, active: boolean): Promise<BadgeRule> {
  if (!(await deps.repos.recognition.setBadgeRuleActive(me.tenantId, id, active))) throw qualityErrors.badgeRuleNotFound(id);
  return (await deps.repos.recognition.badgeRules(me.tenantId)).find((r) => r.id === id)!;
}

// Gestures

export const GESTURE_DECIDERS: readonly Role[] = ['supervisor'];

export function currentYear(deps: ServiceDeps): number {
  return Number(monthOf(deps.clock.now(), RECOGNITION_TIME_ZONE).slice(0, 4));
}

function gestureView(deps: ServiceDeps, g: GestureRecord): GestureView {
  return {
    id: g.id, team: g.team, year: g.year, requestedBy: { id: g.requestedBy, name: nameOf(deps, g.tenantId, g.requestedBy) ?? g.requestedBy }, conversationId: g.conversationId,
    amountCents: g.amountCents, reason: g.reason, status: g.status, decidedBy: nameOf(deps, g.tenantId, g.decidedBy), decisionNote: g.decisionNote, version: g.version,
    createdAt: g.createdAt, updatedAt: g.updatedAt,
  };
}

/** Budgets of the year with what is spent: supervisors and admins see every team, others their own. */
export async function listBudgets(deps: ServiceDeps, me: Agent, year: number) {
  const budgets = await deps.repos.recognition.budgets(me.tenantId, year);
  const all = hasRole(me, ['supervisor', 'admin']);
  return budgets.filter((b) => all || b.team === me.team).map((b) => ({ ...b, year, leftCents: b.amountCents - b.spentCents }));
}

export async function setBudget(deps: ServiceDeps, me: Agent, team: string, year: number, amountCents: number) {
  await deps.repos.recognition.setBudget(me.tenantId, team, year, amountCents);
  return (await listBudgets(deps, me, year)).find((b) => b.team === team)!;
}

export async function listGestures(deps: ServiceDeps, me: Agent, year: number): Promise<GestureView[]> {
  const all = hasRole(me, ['supervisor', 'admin']);
  return (await deps.repos.recognition.listGestures(me.tenantId, all ? { year } : { year, requestedBy: me.id })).map((g) => gestureView(deps, g));
}

/** An agent asks for a gesture for a customer from the team's budget of this year. */
export async function requestGesture(deps: ServiceDeps, me: Agent, input: { amountCents: number; reason: string; conversationId?: string | null }): Promise<GestureView> {
  if (!me.team) throw qualityErrors.gestureNoTeam();
  if (input.conversationId && !(await deps.repos.conversations.get(me.tenantId, input.conversationId))) throw errors.notFound('conversation', input.conversationId);
  const now = deps.clock.now();
  const gesture: GestureRecord = {
    id: newId('gs'), tenantId: me.tenantId, team: me.team, year: currentYear(deps), requestedBy: me.id, conversationId: input.conversationId ?? null,
    amountCents: input.amountCents, reason: input.reason.trim(), status: 'requested', decidedBy: null, decisionNote: null, version: 1, createdAt: now, updatedAt: now,
  };
  await deps.repos.recognition.insertGesture(gesture);
  return gestureView(deps, gesture);
}

/** A supervisor approves (within the budget), rejects, or records that the gesture was sent. */
export async function decideOnGesture(deps: ServiceDeps, me: Agent, id: string, change: { status: GestureStatus; note?: string | null; version: number }): Promise<GestureView> {
  const current = await deps.repos.recognition.getGesture(me.tenantId, id);
  if (!current) throw qualityErrors.gestureNotFound(id);
  if (current.version !== change.version) throw qualityErrors.changedMeanwhile('Gesture', id);
  const next: GestureRecord = { ...current, status: change.status, decidedBy: me.id, decisionNote: change.note?.trim() || current.decisionNote, updatedAt: deps.clock.now() };
  let refusal: ReturnType<typeof decideGesture> = { ok: true };
  const result = await deps.repos.recognition.decideGesture(next, current.version, (budgetCents, spentCents) => {
    refusal = decideGesture(current.status, change.status, current.amountCents, budgetCents, spentCents);
    return refusal.ok;
  });
  if (!result.ok && result.reason === 'changed') throw qualityErrors.changedMeanwhile('Gesture', id);
  const decision = refusal as ReturnType<typeof decideGesture>;
  if (!decision.ok) {
    if (decision.reason === 'invalid_transition') throw qualityErrors.gestureTransition(current.status, change.status);
    if (decision.reason === 'no_budget') throw qualityErrors.gestureNoBudget(current.team, current.year);
    throw qualityErrors.gestureOverBudget(decision.leftCents ?? 0);
  }
  return gestureView(deps, { ...next, version: current.version + 1 });
}
