import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectFlags } from '../dialect-flags.js';

/** Epoch-millisecond times need 64-bit integers on both databases. */
const TIME = 'bigint';

/**
 * The incident register and contact blocks (agent protection). Nothing here differs per
 * dialect yet; the flags are taken so a later difference lands in `dialect-flags.ts`.
 */
export const safetyMigration = (_flags: DialectFlags): Migration => ({
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('incidents')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('line_id', 'text', (c) => c.notNull().references('lines.id'))
      .addColumn('conversation_id', 'text')
      .addColumn('contact_id', 'text')
      .addColumn('agent_id', 'text')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('evidence', 'text', (c) => c.notNull())
      .addColumn('actions', 'text', (c) => c.notNull())
      .addColumn('escalated_to', 'text')
      .addColumn('follow_up', 'text', (c) => c.notNull())
      .addColumn('created_at', TIME, (c) => c.notNull())
      .addColumn('updated_at', TIME, (c) => c.notNull())
      .addCheckConstraint('incidents_status', sql`status in ('open', 'in_review', 'closed')`)
      .addCheckConstraint('incidents_escalated_to', sql`escalated_to is null or escalated_to in ('security', 'special_care')`)
      .execute();
    await db.schema.createIndex('incidents_tenant_status').on('incidents').columns(['tenant_id', 'status', 'created_at']).execute();
    await db.schema.createIndex('incidents_tenant_time').on('incidents').columns(['tenant_id', 'created_at']).execute();
    await db.schema.createIndex('incidents_conversation').on('incidents').column('conversation_id').execute();

    await db.schema
      .createTable('contact_blocks')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('contact_key', 'text', (c) => c.notNull())
      .addColumn('line_id', 'text', (c) => c.references('lines.id'))
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('decided_by', 'text', (c) => c.notNull())
      .addColumn('created_at', TIME, (c) => c.notNull())
      .addColumn('expires_at', TIME)
      .addColumn('permanent', 'integer', (c) => c.notNull().defaultTo(0))
      // People change and numbers get reused: a block without an end must be chosen on purpose.
      .addCheckConstraint('contact_blocks_expiry', sql`expires_at is not null or permanent = 1`)
      .execute();
    await db.schema.createIndex('contact_blocks_key').on('contact_blocks').columns(['tenant_id', 'contact_key', 'expires_at']).execute();
  },
});
