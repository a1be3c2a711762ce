import type { Kysely, Selectable } from 'kysely';
import type { CampaignContactTable, CampaignTable, Database } from '../database.js';
import type { DialectFlags } from '../dialect-flags.js';

export interface CampaignRecord {
  id: string;
  tenantId: string;
  lineId: string;
  name: string;
  status: 'draft' | 'running' | 'paused' | 'done';
  maxAttempts: number;
  retryDelayMinutes: number;
  defaultCountry: string;
  createdBy: string | null;
  createdAt: number;
}

export interface CampaignContactRecord {
  id: string;
  campaignId: string;
  tenantId: string;
  rowNumber: number;
  phone: string;
  name: string | null;
  reference: string | null;
  status: 'pending' | 'in_progress' | 'done';
  attempts: number;
  nextAttemptAt: number;
  lastResult: string | null;
  agentId: string | null;
  updatedAt: number;
  /** The outbound voice conversation of the call in progress; null between calls. */
  conversationId: string | null;
}

export interface CampaignAttemptRecord {
  id: string;
  campaignId: string;
  contactId: string;
  agentId: string;
  result: string;
  note: string | null;
  at: number;
  conversationId: string | null;
}

/** Campaigns, their contacts and call attempts, and the tenant's do-not-call list. */
export class CampaignRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly flags: DialectFlags,
  ) {}

  async insertCampaign(c: CampaignRecord): Promise<void> {
    await this.db
      .insertInto('campaigns')
      .values({ id: c.id, tenant_id: c.tenantId, line_id: c.lineId, name: c.name, status: c.status, max_attempts: c.maxAttempts, retry_delay_minutes: c.retryDelayMinutes, default_country: c.defaultCountry, created_by: c.createdBy, created_at: c.createdAt })
      .execute();
  }

  async getCampaign(tenantId: string, id: string): Promise<CampaignRecord | undefined> {
    const row = await this.db.selectFrom('campaigns').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
    return row && toCampaign(row);
  }

  async listCampaigns(tenantId: string): Promise<CampaignRecord[]> {
    const rows = await this.db.selectFrom('campaigns').selectAll().where('tenant_id', '=', tenantId).orderBy('created_at', 'desc').execute();
    return rows.map(toCampaign);
  }

  async setStatus(tenantId: string, id: string, status: CampaignRecord['status']): Promise<void> {
    await this.db.updateTable('campaigns').set({ status }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
  }

  async phonesOf(campaignId: string): Promise<Set<string>> {
    const rows = await this.db.selectFrom('campaign_contacts').select('phone').where('campaign_id', '=', campaignId).execute();
    return new Set(rows.map((r) => r.phone));
  }

  async insertContacts(contacts: readonly CampaignContactRecord[]): Promise<void> {
    const perRow = 14;
    const batch = Math.max(1, Math.floor(this.flags.maxParameters / perRow));
    for (let i = 0; i < contacts.length; i += batch) {
      await this.db.insertInto('campaign_contacts').values(contacts.slice(i, i + batch).map(toContactRow)).execute();
    }
  }

  async getContact(campaignId: string, id: string): Promise<CampaignContactRecord | undefined> {
    const row = await this.db.selectFrom('campaign_contacts').selectAll().where('campaign_id', '=', campaignId).where('id', '=', id).executeTakeFirst();
    return row && toContact(row);
  }

  /** The contact this agent is previewing or calling in the campaign, if any. */
  async heldBy(campaignId: string, agentId: string): Promise<CampaignContactRecord | undefined> {
    const row = await this.db.selectFrom('campaign_contacts').selectAll().where('campaign_id', '=', campaignId).where('status', '=', 'in_progress').where('agent_id', '=', agentId).executeTakeFirst();
    return row && toContact(row);
  }

  /** Due contacts in order: longest due first, then list order. */
  async dueContacts(campaignId: string, now: number, limit: number): Promise<CampaignContactRecord[]> {
    const rows = await this.db
      .selectFrom('campaign_contacts')
      .selectAll()
      .where('campaign_id', '=', campaignId)
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', now)
      .orderBy('next_attempt_at')
      .orderBy('row_number')
      .limit(limit)
      .execute();
    return rows.map(toContact);
  }

  /** Takes a pending contact for an agent; false when another agent took it first (the update is the lock). */
  async claim(contactId: string, agentId: string, now: number): Promise<boolean> {
    const result = await this.db
      .updateTable('campaign_contacts')
      .set({ status: 'in_progress', agent_id: agentId, updated_at: now })
      .where('id', '=', contactId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Ends the current call too: the contact's open conversation is cleared. */
  async updateProgress(contactId: string, changes: Pick<CampaignContactRecord, 'status' | 'attempts' | 'nextAttemptAt' | 'lastResult' | 'agentId'>, now: number): Promise<void> {
    await this.db
      .updateTable('campaign_contacts')
      .set({ status: changes.status, attempts: changes.attempts, next_attempt_at: changes.nextAttemptAt, last_result: changes.lastResult, agent_id: changes.agentId, updated_at: now, conversation_id: null })
      .where('id', '=', contactId)
      .execute();
  }

  /**
   * Links the call's conversation to the contact the agent holds. Conditional on the contact being
   * held by this agent without a call yet, so two dials never make two conversations; false otherwise.
   */
  async attachConversation(contactId: string, agentId: string, conversationId: string, now: number): Promise<boolean> {
    const result = await this.db
      .updateTable('campaign_contacts')
      .set({ conversation_id: conversationId, updated_at: now })
      .where('id', '=', contactId)
      .where('status', '=', 'in_progress')
      .where('agent_id', '=', agentId)
      .where('conversation_id', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async insertAttempt(a: CampaignAttemptRecord): Promise<void> {
    await this.db.insertInto('campaign_attempts').values({ id: a.id, campaign_id: a.campaignId, contact_id: a.contactId, agent_id: a.agentId, result: a.result, note: a.note, at: a.at, conversation_id: a.conversationId }).execute();
  }

  async attemptsOf(campaignId: string): Promise<CampaignAttemptRecord[]> {
    const rows = await this.db.selectFrom('campaign_attempts').selectAll().where('campaign_id', '=', campaignId).orderBy('at').orderBy('id').execute();
    return rows.map((r) => ({ id: r.id, campaignId: r.campaign_id, contactId: r.contact_id, agentId: r.agent_id, result: r.result, note: r.note, at: Number(r.at), conversationId: r.conversation_id }));
  }

  /** The latest attempt recorded for a call's conversation (a result whose close did not happen yet), if any. */
  async attemptOfConversation(conversationId: string): Promise<CampaignAttemptRecord | undefined> {
    const r = await this.db.selectFrom('campaign_attempts').selectAll().where('conversation_id', '=', conversationId).orderBy('at', 'desc').orderBy('id', 'desc').executeTakeFirst();
    return r ? { id: r.id, campaignId: r.campaign_id, contactId: r.contact_id, agentId: r.agent_id, result: r.result, note: r.note, at: Number(r.at), conversationId: r.conversation_id } : undefined;
  }

  /** Counts per status and per last result, for the progress view. */
  async counts(campaignId: string): Promise<{ byStatus: Record<string, number>; byResult: Record<string, number>; attempts: number }> {
    const rows = await this.db
      .selectFrom('campaign_contacts')
      .select(['status', 'last_result'])
      .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.sum<string>('attempts').as('attempts')])
      .where('campaign_id', '=', campaignId)
      .groupBy(['status', 'last_result'])
      .execute();
    const byStatus: Record<string, number> = {};
    const byResult: Record<string, number> = {};
    let attempts = 0;
    for (const r of rows) {
      byStatus[r.status] = (byStatus[r.status] ?? 0) + Number(r.n);
      if (r.last_result) byResult[r.last_result] = (byResult[r.last_result] ?? 0) + Number(r.n);
      attempts += Number(r.attempts ?? 0);
    }
    return { byStatus, byResult, attempts };
  }

  async addDoNotCall(tenantId: string, phone: string, reason: string, now: number): Promise<void> {
    await this.db
      .insertInto('do_not_call')
      .values({ tenant_id: tenantId, phone, reason, created_at: now })
      .onConflict((oc) => oc.columns(['tenant_id', 'phone']).doNothing())
      .execute();
  }

  async doNotCallSet(tenantId: string): Promise<Set<string>> {
    const rows = await this.db.selectFrom('do_not_call').select('phone').where('tenant_id', '=', tenantId).execute();
    return new Set(rows.map((r) => r.phone));
  }

  async isDoNotCall(tenantId: string, phone: string): Promise<boolean> {
    return (await this.db.selectFrom('do_not_call').select('phone').where('tenant_id', '=', tenantId).where('phone', '=', phone).executeTakeFirst()) !== undefined;
  }
}

function toCampaign(r: Selectable<CampaignTable>): CampaignRecord {
  return {
    id: r.id,
    tenantId: r.tenant_id,
    lineId: r.line_id,
    name: r.name,
    status: r.status as CampaignRecord['status'],
    maxAttempts: Number(r.max_attempts),
    retryDelayMinutes: Number(r.retry_delay_minutes),
    defaultCountry: r.default_country,
    createdBy: r.created_by,
    createdAt: Number(r.created_at),
  };
}

function toContactRow(c: CampaignContactRecord): CampaignContactTable {
  return {
    id: c.id,
    campaign_id: c.campaignId,
    tenant_id: c.tenantId,
    row_number: c.rowNumber,
    phone: c.phone,
    name: c.name,
    reference: c.reference,
    status: c.status,
    attempts: c.attempts,
    next_attempt_at: c.nextAttemptAt,
    last_result: c.lastResult,
    agent_id: c.agentId,
    updated_at: c.updatedAt,
    conversation_id: c.conversationId,
  };
}

function toContact(r: Selectable<CampaignContactTable>): CampaignContactRecord {
  return {
    id: r.id,
    campaignId: r.campaign_id,
    tenantId: r.tenant_id,
    rowNumber: Number(r.row_number),
    phone: r.phone,
    name: r.name,
    reference: r.reference,
    status: r.status as CampaignContactRecord['status'],
    attempts: Number(r.attempts),
    nextAttemptAt: Number(r.next_attempt_at),
    lastResult: r.last_result,
    agentId: r.agent_id,
    updatedAt: Number(r.updated_at),
    conversationId: r.conversation_id,
  };
}
