import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectFlags } from '../dialect-flags.js';

/** Epoch-millisecond times need 64-bit integers on both databases. */
const TIME = 'bigint';

/**
 * What content managers train the customer bot with, besides the examples on the line's bot:
 * `bot_unanswered` holds customer messages the bot handed over because it was not sure (or the
 * message was out of scope), to be turned into examples; `training_utterances` holds customer
 * turns of imported chat logs, labelled with an intent by a content manager or suggested by the
 * engine. Every text is anonymised before it is written.
 */
export const botTrainingMigration = (_flags: DialectFlags): Migration => ({
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('bot_unanswered')
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
      .addCheckConstraint('bot_unanswered_reason', sql`reason in ('low_confidence', 'out_of_scope')`)
      .addCheckConstraint('bot_unanswered_status', sql`status in ('open', 'resolved', 'dismissed')`)
      .addCheckConstraint('bot_unanswered_language', sql`language in ('nl', 'fr', 'en')`)
      .execute();
    await db.schema.createIndex('bot_unanswered_line').on('bot_unanswered').columns(['tenant_id', 'line_id', 'status', 'created_at']).execute();

    await db.schema
      .createTable('training_utterances')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('line_id', 'text', (c) => c.notNull().references('lines.id'))
      .addColumn('batch_id', 'text', (c) => c.notNull())
      .addColumn('transcript_ref', 'text', (c) => c.notNull())
      .addColumn('turn', 'integer', (c) => c.notNull())
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('intent', 'text')
      .addColumn('suggested_intent', 'text')
      .addColumn('suggested_confidence', 'real')
      .addColumn('created_at', TIME, (c) => c.notNull())
      .addCheckConstraint('training_utterances_language', sql`language in ('nl', 'fr', 'en')`)
      .execute();
    await db.schema.createIndex('training_utterances_line').on('training_utterances').columns(['tenant_id', 'line_id', 'language']).execute();
  },
});
