import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectFlags } from '../dialect-flags.js';

/** Epoch-millisecond times need 64-bit integers on both databases. */
const TIME = 'bigint';

/**
 * Security, privacy and operations:
 * - `audit_log`: who opened which conversation, who exported or erased what (append-only);
 * - `consent_records`: a customer's consent to a referral or a recording, who noted it and when;
 * - `job_leases`: one row per scheduled job, so only one node runs it at a time (a DB-level guard
 *   that works the same on SQLite and PostgreSQL: a conditional UPDATE decides);
 * - `sessions.last_seen_at` for the idle time-out; `conversations.anonymised_at` marks what
 *   retention already anonymised, so a second run (or a second node) skips it.
 */
export const hardeningMigration = (_flags: DialectFlags): Migration => ({
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('audit_log')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('actor_roles', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('target_kind', 'text', (c) => c.notNull())
      .addColumn('target_id', 'text')
      .addColumn('detail', 'text', (c) => c.notNull())
      .addColumn('request_id', 'text')
      .addColumn('ip', 'text')
      .addColumn('created_at', TIME, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('audit_log_tenant_time').on('audit_log').columns(['tenant_id', 'created_at']).execute();
    await db.schema.createIndex('audit_log_target').on('audit_log').columns(['tenant_id', 'target_kind', 'target_id']).execute();

    await db.schema
      .createTable('consent_records')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('conversation_id', 'text', (c) => c.notNull())
      .addColumn('contact_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('granted', 'integer', (c) => c.notNull())
      .addColumn('recorded_by', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('created_at', TIME, (c) => c.notNull())
      .addCheckConstraint('consent_records_kind', sql`kind in ('referral', 'recording')`)
      .addCheckConstraint('consent_records_granted', sql`granted in (0, 1)`)
      .execute();
    await db.schema.createIndex('consent_records_conversation').on('consent_records').columns(['conversation_id', 'created_at']).execute();
    await db.schema.createIndex('consent_records_contact').on('consent_records').columns(['tenant_id', 'contact_id']).execute();

    await db.schema
      .createTable('job_leases')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('holder', 'text')
      .addColumn('expires_at', TIME, (c) => c.notNull())
      .addColumn('last_run_at', TIME)
      .execute();
    await db.insertInto('job_leases' as never).values({ name: 'retention', holder: null, expires_at: 0, last_run_at: null } as never).execute();

    await db.schema.alterTable('sessions').addColumn('last_seen_at', TIME).execute();
    await db.schema.alterTable('conversations').addColumn('anonymised_at', TIME).execute();
    await db.schema.createIndex('conversations_retention').on('conversations').columns(['line_id', 'closed_at']).execute();
  },
});
