import type { Kysely, Selectable } from 'kysely';
import type { Channel, Conversation, ConversationContext, ConversationState, Language, Registration } from '../../core/model/index.js';
import { EMPTY_REGISTRATION } from '../../core/model/index.js';
import type { ConversationTable, Database } from '../database.js';
import { readJson, writeJson } from './json-column.js';

export const OPEN_STATES: ConversationState[] = ['bot', 'queued', 'offered', 'active', 'on_hold', 'wrap_up', 'timed_out'];

export class ConversationRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(conversation: Conversation): Promise<void> {
    await this.db.insertInto('conversations').values(toRow(conversation)).execute();
  }

  /** Writes the whole row, creating it if new; the caller holds the current state. */
  async upsert(conversation: Conversation): Promise<void> {
    const row = toRow(conversation);
    const { id: _id, tenant_id: _tenant, created_at: _created, ...changes } = row;
    await this.db
      .insertInto('conversations')
      .values(row)
      .onConflict((oc) => oc.column('id').doUpdateSet(changes))
      .execute();
  }

  async get(tenantId: string, id: string): Promise<Conversation | undefined> {
    const row = await this.db.selectFrom('conversations').selectAll().where('id', '=', id).where('tenant_id', '=', tenantId).executeTakeFirst();
    return row && toConversation(row);
  }

  async getAnyTenant(id: string): Promise<Conversation | undefined> {
    const row = await this.db.selectFrom('conversations').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toConversation(row);
  }

  async listOpen(tenantId: string): Promise<Conversation[]> {
    const rows = await this.db
      .selectFrom('conversations')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('state', 'in', OPEN_STATES)
      .orderBy('created_at')
      .execute();
    return rows.map(toConversation);
  }

  /** The agent's open work, for a socket on a node that does not run the tenant's routing. */
  async listOpenOfAgent(tenantId: string, agentId: string): Promise<{ assigned: Conversation[]; offered: Conversation[] }> {
    const [assigned, offered] = await Promise.all([
      this.db.selectFrom('conversations').selectAll().where('assigned_agent_id', '=', agentId).where('state', 'in', OPEN_STATES).where('tenant_id', '=', tenantId).execute(),
      this.db.selectFrom('conversations').selectAll().where('offered_agent_id', '=', agentId).where('state', '=', 'offered').where('tenant_id', '=', tenantId).execute(),
    ]);
    return { assigned: assigned.map(toConversation), offered: offered.map(toConversation) };
  }

  /** A contact's earlier conversations on one line, newest first. */
  async listByContactOnLine(tenantId: string, contactId: string, lineId: string, limit: number): Promise<Conversation[]> {
    const rows = await this.db
      .selectFrom('conversations')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('contact_id', '=', contactId)
      .where('line_id', '=', lineId)
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toConversation);
  }
}

function toRow(c: Conversation): ConversationTable {
  return {
    id: c.id,
    tenant_id: c.tenantId,
    line_id: c.lineId,
    queue_id: c.queueId,
    contact_id: c.contactId,
    channel: c.channel,
    language: c.language,
    state: c.state,
    priority: c.priority,
    assigned_agent_id: c.assignedAgentId,
    offered_agent_id: c.offeredAgentId,
    offer_expires_at: c.offerExpiresAt,
    created_at: c.createdAt,
    enqueued_at: c.enqueuedAt,
    accepted_at: c.acceptedAt,
    closed_at: c.closedAt,
    registration: writeJson(c.registration),
    context: writeJson(c.context),
  };
}

function toConversation(row: Selectable<ConversationTable>): Conversation {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    lineId: row.line_id,
    queueId: row.queue_id,
    contactId: row.contact_id,
    channel: row.channel as Channel,
    language: row.language as Language,
    state: row.state as ConversationState,
    priority: row.priority,
    assignedAgentId: row.assigned_agent_id,
    offeredAgentId: row.offered_agent_id,
    offerExpiresAt: row.offer_expires_at,
    createdAt: row.created_at,
    enqueuedAt: row.enqueued_at,
    acceptedAt: row.accepted_at,
    closedAt: row.closed_at,
    registration: readJson<Registration>(row.registration, EMPTY_REGISTRATION),
    context: readJson<ConversationContext>(row.context, {}),
  };
}
