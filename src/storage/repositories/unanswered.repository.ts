import type { Kysely, Selectable } from 'kysely';
import type { Language } from '../../core/model/index.js';
import type { BotUnansweredTable, Database } from '../database.js';

export const UNANSWERED_REASONS = ['low_confidence', 'out_of_scope', 'repeat', 'max_turns'] as const;
/** Why the bot handed over: unsure, outside its scope, the same question again, or its turn limit reached. */
export type UnansweredReason = (typeof UNANSWERED_REASONS)[number];
export type UnansweredStatus = 'open' | 'resolved' | 'dismissed';

/** A customer message the bot did not answer, anonymised, waiting to become an example. */
export interface UnansweredQuestion {
  id: string;
  tenantId: string;
  lineId: string;
  conversationId: string;
  language: Language;
  text: string;
  reason: UnansweredReason;
  topIntent: string | null;
  topConfidence: number | null;
  status: UnansweredStatus;
  resolvedIntent: string | null;
  createdAt: number;
  resolvedAt: number | null;
}

/** The customer bot's unanswered questions, per line. */
export class UnansweredRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(question: UnansweredQuestion): Promise<void> {
    await this.db.insertInto('bot_unanswered').values(toRow(question)).execute();
  }

  async get(tenantId: string, id: string): Promise<UnansweredQuestion | undefined> {
    const row = await this.db.selectFrom('bot_unanswered').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
    return row && toQuestion(row);
  }

  /** The line's questions with one status (and one reason, when given), newest first. */
  async list(tenantId: string, lineId: string, status: UnansweredStatus, limit: number, reason?: UnansweredReason): Promise<UnansweredQuestion[]> {
    let query = this.db.selectFrom('bot_unanswered').selectAll().where('tenant_id', '=', tenantId).where('line_id', '=', lineId).where('status', '=', status);
    if (reason) query = query.where('reason', '=', reason);
    const rows = await query
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map(toQuestion);
  }

  /** Closes an open question; false when it was no longer open (someone else got there first). */
  async close(tenantId: string, id: string, status: Exclude<UnansweredStatus, 'open'>, intent: string | null, at: number): Promise<boolean> {
    const result = await this.db
      .updateTable('bot_unanswered')
      .set({ status, resolved_intent: intent, resolved_at: at })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async reopen(tenantId: string, id: string): Promise<void> {
    await this.db.updateTable('bot_unanswered').set({ status: 'open', resolved_intent: null, resolved_at: null }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
  }
}

function toRow(q: UnansweredQuestion): BotUnansweredTable {
  return {
    id: q.id,
    tenant_id: q.tenantId,
    line_id: q.lineId,
    conversation_id: q.conversationId,
    language: q.language,
    text: q.text,
    reason: q.reason,
    top_intent: q.topIntent,
    top_confidence: q.topConfidence,
    status: q.status,
    resolved_intent: q.resolvedIntent,
    created_at: q.createdAt,
    resolved_at: q.resolvedAt,
  };
}

function toQuestion(row: Selectable<BotUnansweredTable>): UnansweredQuestion {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    lineId: row.line_id,
    conversationId: row.conversation_id,
    language: row.language as Language,
    text: row.text,
    reason: row.reason as UnansweredReason,
    topIntent: row.top_intent,
    topConfidence: row.top_confidence === null ? null : Number(row.top_confidence),
    status: row.status as UnansweredStatus,
    resolvedIntent: row.resolved_intent,
    createdAt: Number(row.created_at),
    resolvedAt: row.resolved_at === null ? null : Number(row.resolved_at),
  };
}
