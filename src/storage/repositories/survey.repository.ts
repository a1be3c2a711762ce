import type { Kysely, Selectable } from 'kysely';
import type { Database, SurveyResponseTable } from '../database.js';

export interface SurveyResponseRecord {
  id: string;
  tenantId: string;
  lineId: string;
  conversationId: string;
  agentId: string | null;
  nps: number | null;
  helpfulness: number | null;
  comment: string | null;
  language: string;
  createdAt: number;
}

/** Customer surveys after a closed conversation: at most one per conversation (unique index). */
export class SurveyRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** False when the conversation already has a survey (the unique index decides, also under a race). */
  async insertOnce(survey: SurveyResponseRecord): Promise<boolean> {
    const result = await this.db
      .insertInto('survey_responses')
      .values(toRow(survey))
      .onConflict((oc) => oc.column('conversation_id').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
  }

  async getByConversation(tenantId: string, conversationId: string): Promise<SurveyResponseRecord | undefined> {
    const row = await this.db.selectFrom('survey_responses').selectAll().where('tenant_id', '=', tenantId).where('conversation_id', '=', conversationId).executeTakeFirst();
    return row && toRecord(row);
  }

  /** The answers of one line given in [from, to), oldest first. */
  listByLine(tenantId: string, lineId: string, from: number, to: number): Promise<SurveyResponseRecord[]> {
    return this.listInPeriod(tenantId, from, to, { column: 'line_id', value: lineId });
  }

  /** One agent's answers given in [from, to), oldest first (automatic badges after each answer). */
  listByAgent(tenantId: string, agentId: string, from: number, to: number): Promise<SurveyResponseRecord[]> {
    return this.listInPeriod(tenantId, from, to, { column: 'agent_id', value: agentId });
  }

  /** Every answer of a tenant given in [from, to), oldest first (today's wallboard figures, follow-up list). */
  listByTenant(tenantId: string, from: number, to: number): Promise<SurveyResponseRecord[]> {
    return this.listInPeriod(tenantId, from, to);
  }

  /** The one period query behind the lists above, narrowed to a line or an agent when asked. */
  private async listInPeriod(tenantId: string, from: number, to: number, only?: { column: 'line_id' | 'agent_id'; value: string }): Promise<SurveyResponseRecord[]> {
    const rows = await this.db
      .selectFrom('survey_responses')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .$if(only !== undefined, (q) => q.where(only!.column, '=', only!.value))
      .where('created_at', '>=', from)
      .where('created_at', '<', to)
      .orderBy('created_at')
      .execute();
    return rows.map(toRecord);
  }
}

function toRow(s: SurveyResponseRecord): SurveyResponseTable {
  return {
    id: s.id,
    tenant_id: s.tenantId,
    line_id: s.lineId,
    conversation_id: s.conversationId,
    agent_id: s.agentId,
    nps: s.nps,
    helpfulness: s.helpfulness,
    comment: s.comment,
    language: s.language,
    created_at: s.createdAt,
  };
}

function toRecord(row: Selectable<SurveyResponseTable>): SurveyResponseRecord {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    lineId: row.line_id,
    conversationId: row.conversation_id,
    agentId: row.agent_id,
    nps: row.nps === null ? null : Number(row.nps),
    helpfulness: row.helpfulness === null ? null : Number(row.helpfulness),
    comment: row.comment,
    language: row.language,
    createdAt: Number(row.created_at),
  };
}
