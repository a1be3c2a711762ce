import type { Kysely, Selectable } from 'kysely';
import type { IdeaStatus } from '../../core/quality/index.js';
import type { Database } from '../database.js';
import type { IdeaTable } from '../quality-tables.js';

export interface IdeaRecord {
  id: string;
  tenantId: string;
  authorId: string;
  title: string;
  body: string;
  status: IdeaStatus;
  reply: string | null;
  repliedBy: string | null;
  version: number;
  createdAt: number;
  updatedAt: number;
}

export interface RoundtableRecord {
  id: string;
  tenantId: string;
  heldOn: string;
  notes: string;
  createdBy: string;
  createdAt: number;
  ideaIds: string[];
}

/** The ideas board: ideas, one vote per person (primary key), and round-table notes linked to ideas. */
export class IdeaRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(idea: IdeaRecord): Promise<void> {
    await this.db.insertInto('ideas').values(toRow(idea)).execute();
  }

  async get(tenantId: string, id: string): Promise<IdeaRecord | undefined> {
    const row = await this.db.selectFrom('ideas').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
    return row && toRecord(row);
  }

  async list(tenantId: string, limit = 500): Promise<IdeaRecord[]> {
    const rows = await this.db.selectFrom('ideas').selectAll().where('tenant_id', '=', tenantId).orderBy('created_at', 'desc').limit(limit).execute();
    return rows.map(toRecord);
  }

  /** Votes per idea and which of them `agentId` cast. */
  async votes(ideaIds: readonly string[], agentId: string): Promise<{ counts: Map<string, number>; mine: Set<string> }> {
    const counts = new Map<string, number>();
    const mine = new Set<string>();
    if (ideaIds.length === 0) return { counts, mine };
    const rows = await this.db.selectFrom('idea_votes').select(['idea_id', 'agent_id']).where('idea_id', 'in', [...ideaIds]).execute();
    for (const row of rows) {
      counts.set(row.idea_id, (counts.get(row.idea_id) ?? 0) + 1);
      if (row.agent_id === agentId) mine.add(row.idea_id);
    }
    return { counts, mine };
  }

  /** False when this person supports the idea already (the primary key decides, also under a race). */
  async vote(ideaId: string, agentId: string, now: number): Promise<boolean> {
    const result = await this.db
      .insertInto('idea_votes')
      .values({ idea_id: ideaId, agent_id: agentId, created_at: now })
      .onConflict((oc) => oc.columns(['idea_id', 'agent_id']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
  }

  async unvote(ideaId: string, agentId: string): Promise<void> {
    await this.db.deleteFrom('idea_votes').where('idea_id', '=', ideaId).where('agent_id', '=', agentId).execute();
  }

  async update(idea: IdeaRecord, expectedVersion: number): Promise<boolean> {
    const result = await this.db
      .updateTable('ideas')
      .set({ status: idea.status, reply: idea.reply, replied_by: idea.repliedBy, updated_at: idea.updatedAt, version: expectedVersion + 1 })
      .where('tenant_id', '=', idea.tenantId)
      .where('id', '=', idea.id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** The notes and their links in one transaction: a round table never shows half its ideas. */
  async insertRoundtable(roundtable: RoundtableRecord): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('roundtables')
        .values({ id: roundtable.id, tenant_id: roundtable.tenantId, held_on: roundtable.heldOn, notes: roundtable.notes, created_by: roundtable.createdBy, created_at: roundtable.createdAt })
        .execute();
      if (roundtable.ideaIds.length > 0) {
        await trx.insertInto('roundtable_ideas').values(roundtable.ideaIds.map((ideaId) => ({ roundtable_id: roundtable.id, idea_id: ideaId }))).execute();
      }
    });
  }

  async listRoundtables(tenantId: string, limit = 50): Promise<RoundtableRecord[]> {
    const rows = await this.db.selectFrom('roundtables').selectAll().where('tenant_id', '=', tenantId).orderBy('held_on', 'desc').orderBy('created_at', 'desc').limit(limit).execute();
    if (rows.length === 0) return [];
    const links = await this.db.selectFrom('roundtable_ideas').selectAll().where('roundtable_id', 'in', rows.map((r) => r.id)).execute();
    return rows.map((r) => ({
      id: r.id, tenantId: r.tenant_id, heldOn: r.held_on, notes: r.notes, createdBy: r.created_by, createdAt: Number(r.created_at),
      ideaIds: links.filter((l) => l.roundtable_id === r.id).map((l) => l.idea_id).sort(),
    }));
  }
}

function toRow(i: IdeaRecord): IdeaTable {
  return {
    id: i.id, tenant_id: i.tenantId, author_id: i.authorId, title: i.title, body: i.body, status: i.status, reply: i.reply, replied_by: i.repliedBy,
    version: i.version, created_at: i.createdAt, updated_at: i.updatedAt,
  };
}

function toRecord(row: Selectable<IdeaTable>): IdeaRecord {
  return {
    id: row.id, tenantId: row.tenant_id, authorId: row.author_id, title: row.title, body: row.body, status: row.status as IdeaStatus, reply: row.reply,
    repliedBy: row.replied_by, version: Number(row.version), createdAt: Number(row.created_at), updatedAt: Number(row.updated_at),
  };
}
