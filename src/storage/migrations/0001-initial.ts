import type { Kysely, Migration } from 'kysely';
import type { DialectFlags } from '../dialect-flags.js';

/** Types that mean the same on SQLite and PostgreSQL; epoch-ms times need 64-bit integers. */
const TIME = 'bigint';

export const initialMigration = (flags: DialectFlags): Migration => ({
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('tenants')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('secret', 'text', (c) => c.notNull())
      .addColumn('created_at', TIME, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('clients')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('lines')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('anonymous', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('settings', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('queues')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('line_id', 'text', (c) => c.notNull().references('lines.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('settings', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('roles', 'text', (c) => c.notNull())
      .addColumn('skills', 'text', (c) => c.notNull())
      .addColumn('queue_ids', 'text', (c) => c.notNull())
      .addColumn('capacity', 'text', (c) => c.notNull())
      .addColumn('team', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('ui_language', 'text', (c) => c.notNull())
      .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('locked_until', TIME)
      .addColumn('created_at', TIME, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('users_tenant').on('users').column('tenant_id').execute();

    await db.schema
      .createTable('sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('expires_at', TIME, (c) => c.notNull())
      .addColumn('created_at', TIME, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('contacts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('pseudonym', 'text', (c) => c.notNull())
      .addColumn('identifier_kind', 'text', (c) => c.notNull())
      .addColumn('identifier', 'text')
      .addColumn('display_name', 'text')
      .addColumn('created_at', TIME, (c) => c.notNull())
      .addUniqueConstraint('contacts_tenant_key', ['tenant_id', 'key'])
      .execute();

    await db.schema
      .createTable('conversations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('line_id', 'text', (c) => c.notNull().references('lines.id'))
      .addColumn('queue_id', 'text', (c) => c.notNull())
      .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id'))
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('assigned_agent_id', 'text')
      .addColumn('offered_agent_id', 'text')
      .addColumn('offer_expires_at', TIME)
      .addColumn('created_at', TIME, (c) => c.notNull())
      .addColumn('enqueued_at', TIME)
      .addColumn('accepted_at', TIME)
      .addColumn('closed_at', TIME)
      .addColumn('registration', 'text', (c) => c.notNull())
      .addColumn('context', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('conversations_open').on('conversations').columns(['tenant_id', 'state']).execute();
    await db.schema.createIndex('conversations_contact').on('conversations').columns(['contact_id', 'created_at']).execute();
    await db.schema.createIndex('conversations_line_time').on('conversations').columns(['line_id', 'created_at']).execute();

    await db.schema
      .createTable('events')
      .addColumn('id', flags.autoIncrementType, (c) => flags.autoIncrement(c.primaryKey()))
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('conversation_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('visibility', 'text', (c) => c.notNull())
      .addColumn('actor_kind', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('actor_name', 'text')
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('client_id', 'text')
      .addColumn('created_at', TIME, (c) => c.notNull())
      .addUniqueConstraint('events_conversation_seq', ['conversation_id', 'seq'])
      .execute();
  },
});
