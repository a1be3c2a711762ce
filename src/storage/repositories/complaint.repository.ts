import type { Kysely, Selectable } from 'kysely';
import type { FollowUpStatus } from '../../core/quality/index.js';
import type { Database } from '../database.js';
import type { ComplaintFollowUpTable } from '../quality-tables.js';

export interface ComplaintFollowUpRecord {
  id: string;
  tenantId: string;
  lineId: string;
  conversationId: string;
  contactId: string | null;
  agentId: string | null;
  source: 'wrap_up' | 'survey';
  nps: number | null;
  comment: string | null;
  status: FollowUpStatus;
  assigneeId: string | null;
  notes: string;
  outcome: string | null;
  version: number;
  createdAt: number;
  updatedAt: number;
}

/** The complaints follow-up list: one row per conversation (unique), changed with a version check. */
export class ComplaintRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** False when the conversation is on the list already (from the wrap-up or the survey). */
  async insertOnce(record: ComplaintFollowUpRecord): Promise<boolean> {
    const result = await this.db.insertInto('complaint_followups').values(toRow(record)).onConflict((oc) => oc.column('conversation_id').doNothing()).executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
  }

  /** A survey that follows a complaint wrap-up adds its score and comment to the same row. */
  async addSurvey(tenantId: string, conversationId: string, nps: number | null, comment: string | null, now: number): Promise<void> {
    await this.db
      .updateTable('complaint_followups')
      .set((eb) => ({ nps, comment, updated_at: now, version: eb('version', '+', 1) }))
      .where('tenant_id', '=', tenantId)
      .where('conversation_id', '=', conversationId)
      .execute();
  }

  async get(tenantId: string, id: string): Promise<ComplaintFollowUpRecord | undefined> {
    const row = await this.db.selectFrom('complaint_followups').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
    return row && toRecord(row);
  }

  /** Newest first; open and in-progress ones only unless a status is asked for. */
  async list(tenantId: string, status?: FollowUpStatus, limit = 200): Promise<ComplaintFollowUpRecord[]> {
    let query = this.db.selectFrom('complaint_followups').selectAll().where('tenant_id', '=', tenantId);
    query = status ? query.where('status', '=', status) : query.where('status', '!=', 'done');
    const rows = await query.orderBy('created_at', 'desc').limit(limit).execute();
    return rows.map(toRecord);
  }

  /** Writes the change when nobody changed the row since `expectedVersion`; false otherwise. */
  async update(record: ComplaintFollowUpRecord, expectedVersion: number): Promise<boolean> {
    const result = await this.db
      .updateTable('complaint_followups')
      .set({ status: record.status, assignee_id: record.assigneeId, notes: record.notes, outcome: record.outcome, updated_at: record.updatedAt, version: expectedVersion + 1 })
      .where('tenant_id', '=', record.tenantId)
      .where('id', '=', record.id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}

function toRow(r: ComplaintFollowUpRecord): ComplaintFollowUpTable {
  return {
    id: r.id, tenant_id: r.tenantId, line_id: r.lineId, conversation_id: r.conversationId, contact_id: r.contactId, agent_id: r.agentId, source: r.source,
    nps: r.nps, comment: r.comment, status: r.status, assignee_id: r.assigneeId, notes: r.notes, outcome: r.outcome, version: r.version, created_at: r.createdAt, updated_at: r.updatedAt,
  };
}

function toRecord(row: Selectable<ComplaintFollowUpTable>): ComplaintFollowUpRecord {
  return {
    id: row.id, tenantId: row.tenant_id, lineId: row.line_id, conversationId: row.conversation_id, contactId: row.contact_id, agentId: row.agent_id,
    source: row.source as ComplaintFollowUpRecord['source'], nps: row.nps === null ? null : Number(row.nps), comment: row.comment, status: row.status as FollowUpStatus,
    assigneeId: row.assignee_id, notes: row.notes, outcome: row.outcome, version: Number(row.version), createdAt: Number(row.created_at), updatedAt: Number(row.updated_at),
  };
}
