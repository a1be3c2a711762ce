import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectFlags } from '../dialect-flags.js';

/** Epoch-millisecond times need 64-bit integers on both databases. */
const TIME = 'bigint';

/**
 * 1. Knowledge article history: every saved version of every article, written in the same
 *    transaction as the article row (`KnowledgeRepository.save`), with who saved it, when, an
 *    optional change note and, for a restore, the version it restored. Rows are never changed:
 *    restoring saves a new version. The current versions of existing articles are copied in as
 *    their first history entry (author unknown).
 * 2. Unanswered questions also keep the bot's handovers after a repeated question and after the
 *    maximum number of turns: the reason check of `bot_unanswered` is widened.
 */
export const articleVersionsMigration = (flags: DialectFlags): Migration => ({
  async up(db: Kysely<unknown>): Promise<void> {
    // Kysely runs SQLite migrations outside a transaction; this one rebuilds a table, so it takes one itself (PostgreSQL's migrator already does).
    if (flags.name === 'sqlite') await db.transaction().execute((trx) => upgrade(trx, flags));
    else await upgrade(db, flags);
  },
});

async function upgrade(db: Kysely<unknown>, flags: DialectFlags): Promise<void> {
  await db.schema
    .createTable('knowledge_article_versions')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('article_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('line_id', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('topic_id', 'text', (c) => c.notNull())
    .addColumn('subtopic_id', 'text')
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('steps', 'text', (c) => c.notNull())
    .addColumn('warnings', 'text', (c) => c.notNull())
    .addColumn('saved_at', TIME, (c) => c.notNull())
    // A staff user id; null for versions from before this table (and seeds).
    .addColumn('saved_by', 'text')
    .addColumn('note', 'text')
    .addColumn('restored_from', 'integer')
    .addPrimaryKeyConstraint('knowledge_article_versions_pk', ['tenant_id', 'article_id', 'version'])
    .addCheckConstraint('knowledge_article_versions_visibility', sql`visibility in ('public', 'internal')`)
    .addCheckConstraint('knowledge_article_versions_language', sql`language in ('nl', 'fr', 'en')`)
    .execute();
  await sql`
    insert into knowledge_article_versions (tenant_id, article_id, version, line_id, language, title, body, topic_id, subtopic_id, visibility, tags, steps, warnings, saved_at, saved_by, note, restored_from)
    select tenant_id, id, version, line_id, language, title, body, topic_id, subtopic_id, visibility, tags, steps, warnings, updated_at, null, null, null from knowledge_articles
  `.execute(db);
  await widenUnansweredReasons(db, flags);
}

const REASONS = sql`reason in ('low_confidence', 'out_of_scope', 'repeat', 'max_turns')`;

async function widenUnansweredReasons(db: Kysely<unknown>, flags: DialectFlags): Promise<void> {
  if (flags.name === 'postgres') {
    await sql`alter table bot_unanswered drop constraint bot_unanswered_reason`.execute(db);
    await sql`alter table bot_unanswered add constraint bot_unanswered_reason check (${REASONS})`.execute(db);
    return;
  }
  // SQLite cannot change a check constraint: rebuild the table (nothing references it).
  await db.schema
    .createTable('bot_unanswered_new')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('line_id', 'text', (c) => c.notNull().references('lines.id'))
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('top_intent', 'text')
    .addColumn('top_confidence', 'real')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('resolved_intent', 'text')
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('resolved_at', TIME)
    .addCheckConstraint('bot_unanswered_reason', REASONS)
    .addCheckConstraint('bot_unanswered_status', sql`status in ('open', 'resolved', 'dismissed')`)
    .addCheckConstraint('bot_unanswered_language', sql`language in ('nl', 'fr', 'en')`)
    .execute();
  await sql`insert into bot_unanswered_new select id, tenant_id, line_id, conversation_id, language, text, reason, top_intent, top_confidence, status, resolved_intent, created_at, resolved_at from bot_unanswered`.execute(db);
  await db.schema.dropTable('bot_unanswered').execute();
  await sql`alter table bot_unanswered_new rename to bot_unanswered`.execute(db);
  await db.schema.createIndex('bot_unanswered_line').on('bot_unanswered').columns(['tenant_id', 'line_id', 'status', 'created_at']).execute();
}
