import type { Kysely, Selectable } from 'kysely';
import type { ChannelAttachmentTable, ChannelMediaFetchTable, ChannelOutboxTable, ChannelThreadTable, Database } from '../database.js';
import type { DialectFlags } from '../dialect-flags.js';
import { OPEN_STATES } from './conversation.repository.js';

export type ChannelThreadRecord = Selectable<ChannelThreadTable>;
export type ChannelOutboxRecord = Selectable<ChannelOutboxTable>;
export type ChannelAttachmentRecord = Selectable<ChannelAttachmentTable>;
export type ChannelMediaFetchRecord = Selectable<ChannelMediaFetchTable>;

export interface OutboxDraft {
  tenantId: string;
  conversationId: string;
  seq: number;
  channel: string;
  payload: Record<string, unknown>;
}

/**
 * The channel side of email and WhatsApp conversations: threads (with the sealed address),
 * provider message ids, the outbox and attachments. Agent-facing reads never use this repository.
 */
export class ChannelRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly flags: DialectFlags,
  ) {}

  async insertThread(thread: ChannelThreadRecord): Promise<void> {
    await this.db.insertInto('channel_threads').values(thread).execute();
  }

  async threadOf(conversationId: string): Promise<ChannelThreadRecord | undefined> {
    return this.db.selectFrom('channel_threads').selectAll().where('conversation_id', '=', conversationId).executeTakeFirst();
  }

  async threadByToken(replyToken: string): Promise<ChannelThreadRecord | undefined> {
    return this.db.selectFrom('channel_threads').selectAll().where('reply_token', '=', replyToken).executeTakeFirst();
  }

  /** The contact's conversation on this line and channel that is still open, newest first. */
  async openThreadOfContact(lineId: string, channel: string, contactId: string): Promise<ChannelThreadRecord | undefined> {
    return this.db
      .selectFrom('channel_threads as t')
      .innerJoin('conversations as c', 'c.id', 't.conversation_id')
      .selectAll('t')
      .where('t.line_id', '=', lineId)
      .where('t.channel', '=', channel)
      .where('t.contact_id', '=', contactId)
      .where('c.state', 'in', OPEN_STATES)
      .orderBy('t.created_at', 'desc')
      .executeTakeFirst();
  }

  async isConversationOpen(conversationId: string): Promise<boolean> {
    const row = await this.db.selectFrom('conversations').select('state').where('id', '=', conversationId).executeTakeFirst();
    return row !== undefined && (OPEN_STATES as string[]).includes(row.state);
  }

  async noteInbound(conversationId: string, at: number): Promise<void> {
    await this.db.updateTable('channel_threads').set({ last_inbound_at: at }).where('conversation_id', '=', conversationId).execute();
  }

  /** Records a provider message id once; false when it was known already (a redelivered mail or webhook). */
  async rememberMessage(row: { tenantId: string; conversationId: string; channel: string; externalId: string; direction: 'in' | 'out'; seq: number | null; at: number }): Promise<boolean> {
    const result = await this.db
      .insertInto('channel_messages')
      .values({ tenant_id: row.tenantId, conversation_id: row.conversationId, channel: row.channel, external_id: row.externalId, direction: row.direction, seq: row.seq, created_at: row.at })
      .onConflict((oc) => oc.columns(['channel', 'external_id']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
  }

  async messageByExternalId(channel: string, externalId: string): Promise<{ conversationId: string; seq: number | null; direction: string } | undefined> {
    const row = await this.db.selectFrom('channel_messages').select(['conversation_id', 'seq', 'direction']).where('channel', '=', channel).where('external_id', '=', externalId).executeTakeFirst();
    return row && { conversationId: row.conversation_id, seq: row.seq, direction: row.direction };
  }

  /** The newest conversation any of these message ids belongs to. */
  async conversationOfAny(channel: string, externalIds: string[]): Promise<string | undefined> {
    if (externalIds.length === 0) return undefined;
    const row = await this.db
      .selectFrom('channel_messages')
      .select('conversation_id')
      .where('channel', '=', channel)
      .where('external_id', 'in', externalIds.slice(0, 100))
      .orderBy('id', 'desc')
      .executeTakeFirst();
    return row?.conversation_id;
  }

  /** Every message id of the conversation, oldest first (for References). */
  async externalIdsOf(conversationId: string): Promise<Array<{ externalId: string; direction: string }>> {
    const rows = await this.db.selectFrom('channel_messages').select(['external_id', 'direction']).where('conversation_id', '=', conversationId).orderBy('id').execute();
    return rows.map((r) => ({ externalId: r.external_id, direction: r.direction }));
  }

  async insertOutbox(drafts: OutboxDraft[], now: number): Promise<void> {
    if (drafts.length === 0) return;
    await this.db
      .insertInto('channel_outbox')
      .values(
        drafts.map((d) => ({
          tenant_id: d.tenantId,
          conversation_id: d.conversationId,
          seq: d.seq,
          channel: d.channel,
          payload: JSON.stringify(d.payload),
          status: 'pending',
          attempts: 0,
          next_attempt_at: now,
          last_error: null,
          created_at: now,
          updated_at: now,
        })),
      )
      .onConflict((oc) => oc.columns(['conversation_id', 'seq']).doNothing())
      .execute();
  }

  /**
   * Takes up to `limit` due rows (one per conversation) for one delivery pass and pushes their next attempt `leaseMs` ahead,
   * so another node (or a pass after a crash mid-send) takes them only once the lease ran out.
   * PostgreSQL skips rows another node is claiming; SQLite has one writer anyway.
   */
  async claimDueOutbox(now: number, limit: number, leaseMs: number, tenantIds?: readonly string[]): Promise<ChannelOutboxRecord[]> {
    if (tenantIds?.length === 0) return [];
    return this.db.transaction().execute(async (trx) => {
      // Only the oldest pending message of a conversation is eligible: a later one never overtakes one that waits for a retry.
      let query = trx
        .selectFrom('channel_outbox as o')
        .selectAll('o')
        .where('o.status', '=', 'pending')
        .where('o.next_attempt_at', '<=', now)
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom('channel_outbox as e').select('e.id').whereRef('e.conversation_id', '=', 'o.conversation_id').where('e.status', '=', 'pending').whereRef('e.id', '<', 'o.id'))),
        )
        .orderBy('o.id')
        .limit(limit);
      if (tenantIds) query = query.where('o.tenant_id', 'in', [...tenantIds]);
      if (this.flags.supportsRowLocks) query = query.forUpdate().skipLocked();
      const rows = await query.execute();
      if (rows.length > 0) {
        await trx
          .updateTable('channel_outbox')
          .set({ next_attempt_at: now + leaseMs })
          .where('id', 'in', rows.map((r) => r.id))
          .execute();
      }
      return rows;
    });
  }

  async outboxOf(conversationId: string): Promise<ChannelOutboxRecord[]> {
    return this.db.selectFrom('channel_outbox').selectAll().where('conversation_id', '=', conversationId).orderBy('id').execute();
  }

  async markOutbox(id: number, change: { status: 'pending' | 'sent' | 'failed'; attempts: number; nextAttemptAt: number; lastError: string | null; now: number }): Promise<void> {
    await this.db
      .updateTable('channel_outbox')
      .set({ status: change.status, attempts: change.attempts, next_attempt_at: change.nextAttemptAt, last_error: change.lastError, updated_at: change.now })
      .where('id', '=', id)
      .execute();
  }

  async insertAttachment(row: ChannelAttachmentRecord): Promise<void> {
    await this.db.insertInto('channel_attachments').values(row).execute();
  }

  async attachment(tenantId: string, id: string): Promise<ChannelAttachmentRecord | undefined> {
    return this.db.selectFrom('channel_attachments').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  }

  /** A customer's media to fetch after the webhook was acknowledged; once per message (a redelivery adds nothing). */
  async insertMediaFetch(row: { tenantId: string; conversationId: string; seq: number; mediaId: string; kind: string; mimeType: string | null; filename: string | null; now: number }): Promise<void> {
    await this.db
      .insertInto('channel_media_fetches')
      .values({
        tenant_id: row.tenantId,
        conversation_id: row.conversationId,
        seq: row.seq,
        media_id: row.mediaId,
        kind: row.kind,
        mime_type: row.mimeType,
        filename: row.filename,
        status: 'pending',
        attempts: 0,
        next_attempt_at: row.now,
        last_error: null,
        attachment_id: null,
        created_at: row.now,
        updated_at: row.now,
      })
      .onConflict((oc) => oc.columns(['conversation_id', 'seq']).doNothing())
      .execute();
  }

  /** Due media fetches, their next attempt pushed `leaseMs` ahead (the outbox's lease; row locks on PostgreSQL). */
  async claimDueMediaFetches(now: number, limit: number, leaseMs: number, tenantIds?: readonly string[]): Promise<ChannelMediaFetchRecord[]> {
    if (tenantIds?.length === 0) return [];
    return this.db.transaction().execute(async (trx) => {
      let query = trx.selectFrom('channel_media_fetches').selectAll().where('status', '=', 'pending').where('next_attempt_at', '<=', now).orderBy('id').limit(limit);
      if (tenantIds) query = query.where('tenant_id', 'in', [...tenantIds]);
      if (this.flags.supportsRowLocks) query = query.forUpdate().skipLocked();
      const rows = await query.execute();
      if (rows.length > 0) {
        await trx
          .updateTable('channel_media_fetches')
          .set({ next_attempt_at: now + leaseMs })
          .where('id', 'in', rows.map((r) => r.id))
          .execute();
      }
      return rows;
    });
  }

  async markMediaFetch(id: number, change: { status: 'pending' | 'fetched' | 'refused' | 'failed'; attempts: number; nextAttemptAt: number; lastError: string | null; attachmentId: string | null; now: number }): Promise<void> {
    await this.db
      .updateTable('channel_media_fetches')
      .set({ status: change.status, attempts: change.attempts, next_attempt_at: change.nextAttemptAt, last_error: change.lastError, attachment_id: change.attachmentId, updated_at: change.now })
      .where('id', '=', id)
      .execute();
  }

  async mediaFetchesOf(conversationId: string): Promise<ChannelMediaFetchRecord[]> {
    return this.db.selectFrom('channel_media_fetches').selectAll().where('conversation_id', '=', conversationId).orderBy('id').execute();
  }
}
