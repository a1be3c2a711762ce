import type { Kysely, Selectable } from 'kysely';
import { spends, type BadgeRule, type EarnedBadge, type GestureStatus } from '../../core/recognition/index.js';
import type { Database } from '../database.js';
import type { DialectFlags } from '../dialect-flags.js';
import type { AwardTable, GestureTable } from '../quality-tables.js';

export interface AwardRecord {
  id: string;
  tenantId: string;
  title: string;
  description: string;
  status: 'open' | 'closed';
  createdBy: string;
  createdAt: number;
  closedAt: number | null;
}

export interface NominationRecord {
  id: string;
  awardId: string;
  nomineeId: string;
  nominatedBy: string;
  reason: string;
  createdAt: number;
}

export interface BadgeRecord extends EarnedBadge {
  id: string;
  tenantId: string;
  createdAt: number;
}

export interface GestureRecord {
  id: string;
  tenantId: string;
  team: string;
  year: number;
  requestedBy: string;
  conversationId: string | null;
  amountCents: number;
  reason: string;
  status: GestureStatus;
  decidedBy: string | null;
  decisionNote: string | null;
  version: number;
  createdAt: number;
  updatedAt: number;
}

export type GestureUpdateResult = { ok: true } | { ok: false; reason: 'changed' } | { ok: false; reason: 'refused'; budgetCents: number | null; spentCents: number };

/** Awards (nominations, one vote per person), badge rules and badges, and the gestures budget per team. */
export class RecognitionRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly flags: DialectFlags,
  ) {}

  // Awards

  async insertAward(award: AwardRecord): Promise<void> {
    await this.db.insertInto('awards').values({ id: award.id, tenant_id: award.tenantId, title: award.title, description: award.description, status: award.status, created_by: award.createdBy, created_at: award.createdAt, closed_at: award.closedAt }).execute();
  }

  async getAward(tenantId: string, id: string): Promise<AwardRecord | undefined> {
    const row = await this.db.selectFrom('awards').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
    return row && toAward(row);
  }

  async listAwards(tenantId: string): Promise<AwardRecord[]> {
    return (await this.db.selectFrom('awards').selectAll().where('tenant_id', '=', tenantId).orderBy('created_at', 'desc').limit(100).execute()).map(toAward);
  }

  /** Closes an open award; false when it was closed already. */
  async closeAward(tenantId: string, id: string, now: number): Promise<boolean> {
    const result = await this.db.updateTable('awards').set({ status: 'closed', closed_at: now }).where('tenant_id', '=', tenantId).where('id', '=', id).where('status', '=', 'open').executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** False when this person nominated this colleague for the award already. */
  async insertNomination(n: NominationRecord): Promise<boolean> {
    const result = await this.db
      .insertInto('award_nominations')
      .values({ id: n.id, award_id: n.awardId, nominee_id: n.nomineeId, nominated_by: n.nominatedBy, reason: n.reason, created_at: n.createdAt })
      .onConflict((oc) => oc.columns(['award_id', 'nominee_id', 'nominated_by']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
  }

  async nominations(awardIds: readonly string[]): Promise<NominationRecord[]> {
    if (awardIds.length === 0) return [];
    const rows = await this.db.selectFrom('award_nominations').selectAll().where('award_id', 'in', [...awardIds]).orderBy('created_at').execute();
    return rows.map((r) => ({ id: r.id, awardId: r.award_id, nomineeId: r.nominee_id, nominatedBy: r.nominated_by, reason: r.reason, createdAt: Number(r.created_at) }));
  }

  /** False when this person voted in the award already (the primary key decides, also under a race). */
  async insertVote(awardId: string, voterId: string, nomineeId: string, now: number): Promise<boolean> {
    const result = await this.db
      .insertInto('award_votes')
      .values({ award_id: awardId, voter_id: voterId, nominee_id: nomineeId, created_at: now })
      .onConflict((oc) => oc.columns(['award_id', 'voter_id']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
  }

  async votes(awardIds: readonly string[]): Promise<Array<{ awardId: string; voterId: string; nomineeId: string }>> {
    if (awardIds.length === 0) return [];
    const rows = await this.db.selectFrom('award_votes').select(['award_id', 'voter_id', 'nominee_id']).where('award_id', 'in', [...awardIds]).execute();
    return rows.map((r) => ({ awardId: r.award_id, voterId: r.voter_id, nomineeId: r.nominee_id }));
  }

  // Badges

  async insertBadgeRule(tenantId: string, rule: BadgeRule, now: number): Promise<void> {
    await this.db
      .insertInto('badge_rules')
      .values({ id: rule.id, tenant_id: tenantId, badge: rule.badge, min_responses: rule.minResponses, min_average_helpfulness: rule.minAverageHelpfulness, min_nps: rule.minNps, active: rule.active ? 1 : 0, created_at: now })
      .execute();
  }

  async setBadgeRuleActive(tenantId: string, id: string, active: boolean): Promise<boolean> {
    const result = await this.db.updateTable('badge_rules').set({ active: active ? 1 : 0 }).where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async badgeRules(tenantId: string): Promise<BadgeRule[]> {
    const rows = await this.db.selectFrom('badge_rules').selectAll().where('tenant_id', '=', tenantId).orderBy('created_at').execute();
    return rows.map((r) => ({
      id: r.id, badge: r.badge, minResponses: Number(r.min_responses), minAverageHelpfulness: r.min_average_helpfulness === null ? null : Number(r.min_average_helpfulness),
      minNps: r.min_nps === null ? null : Number(r.min_nps), active: Number(r.active) === 1,
    }));
  }

  /** Stores badges not given yet (unique per rule, agent and month); returns the ones that are new. */
  async insertBadges(badges: readonly BadgeRecord[]): Promise<BadgeRecord[]> {
    const added: BadgeRecord[] = [];
    for (const b of badges) {
      const result = await this.db
        .insertInto('badges')
        .values({ id: b.id, tenant_id: b.tenantId, rule_id: b.ruleId, agent_id: b.agentId, month: b.month, badge: b.badge, responses: b.responses, average_helpfulness: b.averageHelpfulness, created_at: b.createdAt })
        .onConflict((oc) => oc.columns(['rule_id', 'agent_id', 'month']).doNothing())
        .executeTakeFirst();
      if (Number(result.numInsertedOrUpdatedRows ?? 0n) > 0) added.push(b);
    }
    return added;
  }

  async badges(tenantId: string, agentId?: string): Promise<BadgeRecord[]> {
    let query = this.db.selectFrom('badges').selectAll().where('tenant_id', '=', tenantId);
    if (agentId) query = query.where('agent_id', '=', agentId);
    const rows = await query.orderBy('month', 'desc').orderBy('created_at', 'desc').limit(500).execute();
    return rows.map((r) => ({
      id: r.id, tenantId: r.tenant_id, ruleId: r.rule_id, agentId: r.agent_id, month: r.month, badge: r.badge, responses: Number(r.responses),
      averageHelpfulness: r.average_helpfulness === null ? null : Number(r.average_helpfulness), createdAt: Number(r.created_at),
    }));
  }

  // Gestures

  async setBudget(tenantId: string, team: string, year: number, amountCents: number): Promise<void> {
    await this.db
      .insertInto('gesture_budgets')
      .values({ tenant_id: tenantId, team, year, amount_cents: amountCents })
      .onConflict((oc) => oc.columns(['tenant_id', 'team', 'year']).doUpdateSet({ amount_cents: amountCents }))
      .execute();
  }

  async budgets(tenantId: string, year: number): Promise<Array<{ team: string; amountCents: number; spentCents: number }>> {
    const [budgets, spent] = await Promise.all([
      this.db.selectFrom('gesture_budgets').selectAll().where('tenant_id', '=', tenantId).where('year', '=', year).execute(),
      this.db.selectFrom('gestures').select(['team', 'amount_cents', 'status']).where('tenant_id', '=', tenantId).where('year', '=', year).execute(),
    ]);
    const byTeam = new Map<string, number>();
    for (const g of spent) if (spends(g.status as GestureStatus)) byTeam.set(g.team, (byTeam.get(g.team) ?? 0) + Number(g.amount_cents));
    return budgets.map((b) => ({ team: b.team, amountCents: Number(b.amount_cents), spentCents: byTeam.get(b.team) ?? 0 })).sort((a, b) => a.team.localeCompare(b.team));
  }

  async insertGesture(g: GestureRecord): Promise<void> {
    await this.db.insertInto('gestures').values(toGestureRow(g)).execute();
  }

  async getGesture(tenantId: string, id: string): Promise<GestureRecord | undefined> {
    const row = await this.db.selectFrom('gestures').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
    return row && toGesture(row);
  }

  async listGestures(tenantId: string, filter: { team?: string; requestedBy?: string; year: number }): Promise<GestureRecord[]> {
    let query = this.db.selectFrom('gestures').selectAll().where('tenant_id', '=', tenantId).where('year', '=', filter.year);
    if (filter.team) query = query.where('team', '=', filter.team);
    if (filter.requestedBy) query = query.where('requested_by', '=', filter.requestedBy);
    return (await query.orderBy('created_at', 'desc').limit(500).execute()).map(toGesture);
  }

  /**
   * Writes a decision on a gesture in one transaction: the team's budget row is locked (on
   * PostgreSQL; SQLite has one writer), what approved and sent gestures spend is summed, and
   * `allowed` decides with those numbers. Two approvals at once cannot both spend the last euro.
   */
  async decideGesture(next: GestureRecord, expectedVersion: number, allowed: (budgetCents: number | null, spentCents: number) => boolean): Promise<GestureUpdateResult> {
    return this.db.transaction().execute(async (trx) => {
      let budgetQuery = trx.selectFrom('gesture_budgets').select('amount_cents').where('tenant_id', '=', next.tenantId).where('team', '=', next.team).where('year', '=', next.year);
      if (this.flags.supportsRowLocks) budgetQuery = budgetQuery.forUpdate();
      const budget = await budgetQuery.executeTakeFirst();
      const rows = await trx.selectFrom('gestures').select(['amount_cents', 'status']).where('tenant_id', '=', next.tenantId).where('team', '=', next.team).where('year', '=', next.year).where('id', '!=', next.id).execute();
      const spentCents = rows.filter((r) => spends(r.status as GestureStatus)).reduce((sum, r) => sum + Number(r.amount_cents), 0);
      const budgetCents = budget ? Number(budget.amount_cents) : null;
      if (!allowed(budgetCents, spentCents)) return { ok: false, reason: 'refused', budgetCents, spentCents };
      const result = await trx
        .updateTable('gestures')
        .set({ status: next.status, decided_by: next.decidedBy, decision_note: next.decisionNote, updated_at: next.updatedAt, version: expectedVersion + 1 })
        .where('tenant_id', '=', next.tenantId)
        .where('id', '=', next.id)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0 ? { ok: true } : { ok: false, reason: 'changed' };
    });
  }
}

function toAward(row: Selectable<AwardTable>): AwardRecord {
  return {
    id: row.id, tenantId: row.tenant_id, title: row.title, description: row.description, status: row.status as AwardRecord['status'], createdBy: row.created_by,
    createdAt: Number(row.created_at), closedAt: row.closed_at === null ? null : Number(row.closed_at),
  };
}

function toGestureRow(g: GestureRecord): GestureTable {
  return {
    id: g.id, tenant_id: g.tenantId, team: g.team, year: g.year, requested_by: g.requestedBy, conversation_id: g.conversationId, amount_cents: g.amountCents, reason: g.reason,
    status: g.status, decided_by: g.decidedBy, decision_note: g.decisionNote, version: g.version, created_at: g.createdAt, updated_at: g.updatedAt,
  };
}

function toGesture(row: Selectable<GestureTable>): GestureRecord {
  return {
    id: row.id, tenantId: row.tenant_id, team: row.team, year: Number(row.year), requestedBy: row.requested_by, conversationId: row.conversation_id, amountCents: Number(row.amount_cents),
    reason: row.reason, status: row.status as GestureStatus, decidedBy: row.decided_by, decisionNote: row.decision_note, version: Number(row.version),
    createdAt: Number(row.created_at), updatedAt: Number(row.updated_at),
  };
}
