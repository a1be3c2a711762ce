import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectFlags } from '../dialect-flags.js';

/** Epoch-millisecond times need 64-bit integers on both databases. */
const TIME = 'bigint';

/**
 * Quality and recognition: the customer's survey after a closed conversation (one per
 * conversation) and compliments for agents (from a survey, a customer or an executive).
 * Booleans are 0/1 integers on both databases, as in `contact_blocks.permanent`.
 */
export const surveysMigration = (_flags: DialectFlags): Migration => ({
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('survey_responses')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('line_id', 'text', (c) => c.notNull().references('lines.id'))
      .addColumn('conversation_id', 'text', (c) => c.notNull().unique())
      .addColumn('agent_id', 'text')
      .addColumn('nps', 'integer')
      .addColumn('helpfulness', 'integer')
      .addColumn('comment', 'text')
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('created_at', TIME, (c) => c.notNull())
      .addCheckConstraint('survey_responses_nps', sql`nps is null or (nps >= 0 and nps <= 10)`)
      .addCheckConstraint('survey_responses_helpfulness', sql`helpfulness is null or (helpfulness >= 1 and helpfulness <= 10)`)
      .addCheckConstraint('survey_responses_language', sql`language in ('nl', 'fr', 'en')`)
      .execute();
    await db.schema.createIndex('survey_responses_line_time').on('survey_responses').columns(['tenant_id', 'line_id', 'created_at']).execute();

    await db.schema
      .createTable('compliments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('agent_id', 'text', (c) => c.notNull())
      .addColumn('conversation_id', 'text')
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('share_with_team', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', TIME, (c) => c.notNull())
      .addCheckConstraint('compliments_source', sql`source in ('survey', 'customer', 'executive')`)
      .addCheckConstraint('compliments_share', sql`share_with_team in (0, 1)`)
      .execute();
    await db.schema.createIndex('compliments_agent_time').on('compliments').columns(['tenant_id', 'agent_id', 'created_at']).execute();
    await db.schema.createIndex('compliments_team_time').on('compliments').columns(['tenant_id', 'share_with_team', 'created_at']).execute();
  },
});
