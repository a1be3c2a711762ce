import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectFlags } from '../dialect-flags.js';

/** Epoch-millisecond times need 64-bit integers on both databases. */
const TIME = 'bigint';

/**
 * Email and WhatsApp as channels of the same conversations.
 * - `channel_threads`: one row per email/WhatsApp conversation: the sealed (encrypted) routable
 *   address, the reply token, the subject, the customer's last message time (WhatsApp window).
 *   Only the channel layer reads it; no agent view selects from it.
 * - `channel_messages`: provider message ids (email Message-ID, WhatsApp wamid) → conversation and
 *   event seq, for threading replies and for delivery statuses.
 * - `channel_outbox`: agent and bot messages to deliver, written in the same transaction as the
 *   message event (durable first), drained by a worker with retries.
 * - `channel_attachments`: inbound attachments, base64 text so one column type fits both databases.
 */
export const channelsMigration = (flags: DialectFlags): Migration => ({
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('channel_threads')
      .addColumn('conversation_id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('line_id', 'text', (c) => c.notNull().references('lines.id'))
      .addColumn('contact_id', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('sealed_address', 'text', (c) => c.notNull())
      .addColumn('reply_token', 'text', (c) => c.notNull().unique())
      .addColumn('subject', 'text')
      .addColumn('last_inbound_at', TIME)
      .addColumn('created_at', TIME, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('channel_threads_contact').on('channel_threads').columns(['line_id', 'channel', 'contact_id']).execute();

    await db.schema
      .createTable('channel_messages')
      .addColumn('id', flags.autoIncrementType, (c) => flags.autoIncrement(c.primaryKey()))
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('conversation_id', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('external_id', 'text', (c) => c.notNull())
      .addColumn('direction', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer')
      .addColumn('created_at', TIME, (c) => c.notNull())
      .addCheckConstraint('channel_messages_direction', sql`direction in ('in', 'out')`)
      .execute();
    await db.schema.createIndex('channel_messages_external').on('channel_messages').columns(['channel', 'external_id']).unique().execute();
    await db.schema.createIndex('channel_messages_conversation').on('channel_messages').columns(['conversation_id', 'id']).execute();

    await db.schema
      .createTable('channel_outbox')
      .addColumn('id', flags.autoIncrementType, (c) => flags.autoIncrement(c.primaryKey()))
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('conversation_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', TIME, (c) => c.notNull())
      .addColumn('last_error', 'text')
      .addColumn('created_at', TIME, (c) => c.notNull())
      .addColumn('updated_at', TIME, (c) => c.notNull())
      .addCheckConstraint('channel_outbox_status', sql`status in ('pending', 'sent', 'failed')`)
      .execute();
    await db.schema.createIndex('channel_outbox_message').on('channel_outbox').columns(['conversation_id', 'seq']).unique().execute();
    await db.schema.createIndex('channel_outbox_due').on('channel_outbox').columns(['status', 'next_attempt_at']).execute();

    await db.schema
      .createTable('channel_attachments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('conversation_id', 'text', (c) => c.notNull())
      .addColumn('filename', 'text', (c) => c.notNull())
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('content_base64', 'text', (c) => c.notNull())
      .addColumn('created_at', TIME, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('channel_attachments_conversation').on('channel_attachments').columns(['conversation_id']).execute();
  },
});
