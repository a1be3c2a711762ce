import type { Kysely, Selectable } from 'kysely';
import type { ComplimentTable, Database } from '../database.js';

export const COMPLIMENT_SOURCES = ['survey', 'customer', 'executive'] as const;
export type ComplimentSource = (typeof COMPLIMENT_SOURCES)[number];

export interface ComplimentRecord {
  id: string;
  tenantId: string;
  agentId: string;
  conversationId: string | null;
  source: ComplimentSource;
  text: string;
  shareWithTeam: boolean;
  createdAt: number;
}

/** Compliments for agents; the agent decides whether the team sees one. */
export class ComplimentRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(compliment: ComplimentRecord): Promise<void> {
    await this.db.insertInto('compliments').values(toRow(compliment)).execute();
  }

  async get(tenantId: string, id: string): Promise<ComplimentRecord | undefined> {
    const row = await this.db.selectFrom('compliments').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
    return row && toRecord(row);
  }

  async setShared(tenantId: string, id: string, shareWithTeam: boolean): Promise<void> {
    await this.db.updateTable('compliments').set({ share_with_team: shareWithTeam ? 1 : 0 }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
  }

  /** One agent's compliments, newest first. */
  async listForAgent(tenantId: string, agentId: string, limit = 50): Promise<ComplimentRecord[]> {
    const rows = await this.db
      .selectFrom('compliments')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('agent_id', '=', agentId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toRecord);
  }

  /** The compliments agents chose to share with the tenant's team, newest first. */
  async listShared(tenantId: string, limit = 50): Promise<ComplimentRecord[]> {
    const rows = await this.db
      .selectFrom('compliments')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('share_with_team', '=', 1)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toRecord);
  }
}

function toRow(c: ComplimentRecord): ComplimentTable {
  return {
    id: c.id,
    tenant_id: c.tenantId,
    agent_id: c.agentId,
    conversation_id: c.conversationId,
    source: c.source,
    text: c.text,
    share_with_team: c.shareWithTeam ? 1 : 0,
    created_at: c.createdAt,
  };
}

function toRecord(row: Selectable<ComplimentTable>): ComplimentRecord {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    agentId: row.agent_id,
    conversationId: row.conversation_id,
    source: row.source as ComplimentSource,
    text: row.text,
    shareWithTeam: Number(row.share_with_team) === 1,
    createdAt: Number(row.created_at),
  };
}
