import type { Kysely, Selectable } from 'kysely';
import type { Database, ThankYouCallTable } from '../database.js';

export type ThankYouCallStatus = 'ringing' | 'answered' | 'missed' | 'ended';

export interface ThankYouCallRecord {
  id: string;
  tenantId: string;
  executiveId: string;
  agentId: string;
  conversationId: string;
  status: ThankYouCallStatus;
  complimentId: string | null;
  createdAt: number;
  answeredAt: number | null;
  endedAt: number | null;
}

/** The pop-up seat: thank-you calls of executives to agents, and the tenant's caller-reveal setting. */
export class ThankYouRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(call: ThankYouCallRecord): Promise<void> {
    await this.db
      .insertInto('thank_you_calls')
      .values({ id: call.id, tenant_id: call.tenantId, executive_id: call.executiveId, agent_id: call.agentId, conversation_id: call.conversationId, status: call.status, compliment_id: call.complimentId, created_at: call.createdAt, answered_at: call.answeredAt, ended_at: call.endedAt })
      .execute();
  }

  async get(tenantId: string, id: string): Promise<ThankYouCallRecord | undefined> {
    const row = await this.db.selectFrom('thank_you_calls').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
    return row && toRecord(row);
  }

  async findByConversation(conversationId: string): Promise<ThankYouCallRecord | undefined> {
    const row = await this.db.selectFrom('thank_you_calls').selectAll().where('conversation_id', '=', conversationId).executeTakeFirst();
    return row && toRecord(row);
  }

  async list(tenantId: string, since: number): Promise<ThankYouCallRecord[]> {
    const rows = await this.db.selectFrom('thank_you_calls').selectAll().where('tenant_id', '=', tenantId).where('created_at', '>=', since).orderBy('created_at', 'desc').execute();
    return rows.map(toRecord);
  }

  async update(id: string, changes: Partial<Pick<ThankYouCallRecord, 'status' | 'complimentId' | 'answeredAt' | 'endedAt'>>): Promise<void> {
    const set: Partial<ThankYouCallTable> = {};
    if (changes.status !== undefined) set.status = changes.status;
    if (changes.complimentId !== undefined) set.compliment_id = changes.complimentId;
    if (changes.answeredAt !== undefined) set.answered_at = changes.answeredAt;
    if (changes.endedAt !== undefined) set.ended_at = changes.endedAt;
    await this.db.updateTable('thank_you_calls').set(set).where('id', '=', id).execute();
  }

  async revealCallerBeforeAnswer(tenantId: string): Promise<boolean> {
    const row = await this.db.selectFrom('popup_seat_settings').select('reveal_caller_before_answer').where('tenant_id', '=', tenantId).executeTakeFirst();
    return Number(row?.reveal_caller_before_answer ?? 0) === 1;
  }

  async setRevealCallerBeforeAnswer(tenantId: string, reveal: boolean, now: number): Promise<void> {
    await this.db
      .insertInto('popup_seat_settings')
      .values({ tenant_id: tenantId, reveal_caller_before_answer: reveal ? 1 : 0, updated_at: now })
      .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ reveal_caller_before_answer: reveal ? 1 : 0, updated_at: now }))
      .execute();
  }
}

function toRecord(r: Selectable<ThankYouCallTable>): ThankYouCallRecord {
  return {
    id: r.id,
    tenantId: r.tenant_id,
    executiveId: r.executive_id,
    agentId: r.agent_id,
    conversationId: r.conversation_id,
    status: r.status as ThankYouCallStatus,
    complimentId: r.compliment_id,
    createdAt: Number(r.created_at),
    answeredAt: r.answered_at === null ? null : Number(r.answered_at),
    endedAt: r.ended_at === null ? null : Number(r.ended_at),
  };
}
