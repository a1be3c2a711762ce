import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectFlags } from '../dialect-flags.js';

/**
 * WhatsApp media a customer sent, to fetch from the Cloud API after the webhook was acknowledged:
 * one row per media message (the media id, the message's seq), claimed by the media worker with a
 * lease like the outbox, retried with back-off. `status`: pending → fetched (with the stored
 * `attachment_id`), refused (type or size against the attachment rules; never fetched again) or
 * failed (the provider kept failing). A privacy erasure removes the rows with the conversation.
 */
export const whatsappMediaMigration = (flags: DialectFlags): Migration => ({
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('channel_media_fetches')
      .addColumn('id', flags.autoIncrementType, (c) => flags.autoIncrement(c.primaryKey()))
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('conversation_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('media_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('mime_type', 'text')
      .addColumn('filename', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
      .addColumn('last_error', 'text')
      .addColumn('attachment_id', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addCheckConstraint('channel_media_fetches_status', sql`status in ('pending', 'fetched', 'refused', 'failed')`)
      .execute();
    await db.schema.createIndex('channel_media_fetches_message').on('channel_media_fetches').columns(['conversation_id', 'seq']).unique().execute();
    await db.schema.createIndex('channel_media_fetches_due').on('channel_media_fetches').columns(['status', 'next_attempt_at']).execute();
  },
});
