import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectFlags } from '../dialect-flags.js';

/** Epoch-millisecond times need 64-bit integers on both databases. */
const TIME = 'bigint';

/**
 * Knowledge articles: the content managers' texts per line and language, public (the customer
 * may read them) or internal (agents only), with guided procedures as JSON steps. One row per
 * article holds its current version; the in-memory `KnowledgeIndex` keeps the history of a run.
 */
export const knowledgeMigration = (_flags: DialectFlags): Migration => ({
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('knowledge_articles')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('line_id', 'text', (c) => c.notNull().references('lines.id'))
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('topic_id', 'text', (c) => c.notNull())
      .addColumn('subtopic_id', 'text')
      .addColumn('visibility', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('updated_at', TIME, (c) => c.notNull())
      .addColumn('tags', 'text', (c) => c.notNull())
      .addColumn('steps', 'text', (c) => c.notNull())
      .addColumn('warnings', 'text', (c) => c.notNull())
      .addCheckConstraint('knowledge_articles_visibility', sql`visibility in ('public', 'internal')`)
      .addCheckConstraint('knowledge_articles_language', sql`language in ('nl', 'fr', 'en')`)
      .execute();
    await db.schema.createIndex('knowledge_articles_line').on('knowledge_articles').columns(['tenant_id', 'line_id', 'language']).execute();
  },
});
