import type { Kysely } from 'kysely';
import type { Database } from '../database.js';

export type ConsentKind = 'referral' | 'recording';

export interface ConsentRecord {
  id: string;
  tenantId: string;
  conversationId: string;
  contactId: string;
  kind: ConsentKind;
  granted: boolean;
  /** The user who noted the customer's answer. */
  recordedBy: string;
  note: string | null;
  at: number;
}

/** A customer's consent (or refusal) to a referral or a recording; the latest record per kind counts. */
export class ConsentRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(record: ConsentRecord): Promise<void> {
    await this.db
      .insertInto('consent_records')
      .values({
        id: record.id,
        tenant_id: record.tenantId,
        conversation_id: record.conversationId,
        contact_id: record.contactId,
        kind: record.kind,
        granted: record.granted ? 1 : 0,
        recorded_by: record.recordedBy,
        note: record.note,
        created_at: record.at,
      })
      .execute();
  }

  async listByConversation(tenantId: string, conversationId: string): Promise<ConsentRecord[]> {
    const rows = await this.db.selectFrom('consent_records').selectAll().where('tenant_id', '=', tenantId).where('conversation_id', '=', conversationId).orderBy('created_at').execute();
    return rows.map(toRecord);
  }

  async listByContact(tenantId: string, contactId: string): Promise<ConsentRecord[]> {
    const rows = await this.db.selectFrom('consent_records').selectAll().where('tenant_id', '=', tenantId).where('contact_id', '=', contactId).orderBy('created_at').execute();
    return rows.map(toRecord);
  }
}

function toRecord(row: { id: string; tenant_id: string; conversation_id: string; contact_id: string; kind: string; granted: number; recorded_by: string; note: string | null; created_at: number }): ConsentRecord {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    conversationId: row.conversation_id,
    contactId: row.contact_id,
    kind: row.kind as ConsentKind,
    granted: Number(row.granted) === 1,
    recordedBy: row.recorded_by,
    note: row.note,
    at: row.created_at,
  };
}
