import type { Kysely, Selectable } from 'kysely';
import type { ActorKind, ConversationEvent, Visibility } from '../../core/model/index.js';
import type { Database, EventTable } from '../database.js';
import type { DialectFlags } from '../dialect-flags.js';
import { readJson, writeJson } from './json-column.js';

const COLUMNS_PER_EVENT = 11;

/** The append-only conversation log. Inserts come in batches from the group-commit writer. */
export class EventRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly flags: DialectFlags,
  ) {}

  /** Multi-row inserts sized to the dialect's parameter limit; run it inside a transaction. */
  async insertBatch(events: readonly ConversationEvent[]): Promise<void> {
    const chunk = Math.floor(this.flags.maxParameters / COLUMNS_PER_EVENT);
    for (let i = 0; i < events.length; i += chunk) {
      await this.db.insertInto('events').values(events.slice(i, i + chunk).map(toRow)).execute();
    }
  }

  async recentClientIds(conversationId: string, limit: number): Promise<Array<{ clientId: string; seq: number }>> {
    const rows = await this.db
      .selectFrom('events')
      .select(['client_id', 'seq'])
      .where('conversation_id', '=', conversationId)
      .where('client_id', 'is not', null)
      .orderBy('seq', 'desc')
      .limit(limit)
      .execute();
    return rows.flatMap((r) => (r.client_id === null ? [] : [{ clientId: r.client_id, seq: r.seq }]));
  }

  async listAfter(conversationId: string, afterSeq: number, limit: number): Promise<ConversationEvent[]> {
    const rows = await this.db
      .selectFrom('events')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .where('seq', '>', afterSeq)
      .orderBy('seq')
      .limit(limit)
      .execute();
    return rows.map(toEvent);
  }

  async lastSeq(conversationId: string): Promise<number> {
    const row = await this.db
      .selectFrom('events')
      .select((eb) => eb.fn.max('seq').as('max'))
      .where('conversation_id', '=', conversationId)
      .executeTakeFirst();
    return Number(row?.max ?? 0);
  }

  async findByClientId(conversationId: string, clientId: string): Promise<ConversationEvent | undefined> {
    const row = await this.db
      .selectFrom('events')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .where('client_id', '=', clientId)
      .executeTakeFirst();
    return row && toEvent(row);
  }
}

function toRow(e: ConversationEvent): Omit<EventTable, 'id'> {
  return {
    tenant_id: e.tenantId,
    conversation_id: e.conversationId,
    seq: e.seq,
    type: e.type,
    visibility: e.visibility,
    actor_kind: e.actor.kind,
    actor_id: e.actor.id ?? null,
    actor_name: e.actor.name ?? null,
    data: writeJson(e.data),
    client_id: e.clientId,
    created_at: e.at,
  };
}

function toEvent(row: Selectable<EventTable>): ConversationEvent {
  const actor: ConversationEvent['actor'] = { kind: row.actor_kind as ActorKind };
  if (row.actor_id !== null) actor.id = row.actor_id;
  if (row.actor_name !== null) actor.name = row.actor_name;
  return {
    tenantId: row.tenant_id,
    conversationId: row.conversation_id,
    seq: row.seq,
    type: row.type,
    visibility: row.visibility as Visibility,
    actor,
    data: readJson<Record<string, unknown>>(row.data, {}),
    at: row.created_at,
    clientId: row.client_id,
  };
}
