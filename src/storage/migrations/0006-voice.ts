import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectFlags } from '../dialect-flags.js';

/** Epoch-millisecond times need 64-bit integers on both databases. */
const TIME = 'bigint';

/**
 * Voice: one IVR flow per line (JSON, validated by `parseIvrFlow` before it is stored) and one row
 * per telephone call leg the telephony adapter handles, with the IVR state between two webhooks
 * (so a restart between a prompt and the caller's key loses nothing).
 */
export const voiceMigration = (_flags: DialectFlags): Migration => ({
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('ivr_flows')
      .addColumn('line_id', 'text', (c) => c.primaryKey().references('lines.id'))
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('flow', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text')
      .addColumn('updated_at', TIME, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('voice_calls')
      .addColumn('call_sid', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('line_id', 'text', (c) => c.notNull().references('lines.id'))
      .addColumn('conversation_id', 'text')
      .addColumn('direction', 'text', (c) => c.notNull())
      /** Null on an anonymous line: the number is never stored where staff could read it. */
      .addColumn('caller_number', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      /** JSON IvrState while the IVR waits for the caller; null once it handed the call on. */
      .addColumn('ivr_state', 'text')
      .addColumn('created_at', TIME, (c) => c.notNull())
      .addColumn('updated_at', TIME, (c) => c.notNull())
      .addCheckConstraint('voice_calls_direction', sql`direction in ('inbound', 'outbound')`)
      .execute();
    await db.schema.createIndex('voice_calls_conversation').on('voice_calls').column('conversation_id').execute();
  },
});
