import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectFlags } from '../dialect-flags.js';

/** Epoch-millisecond times need 64-bit integers on both databases. */
const TIME = 'bigint';

/**
 * Quality and recognition, second part: the complaints follow-up list, the ideas board with
 * votes and round-table notes, awards with nominations and votes, badge rules and the badges
 * they gave, and the gestures budget per team. Money is in whole cents; booleans are 0/1.
 * "One per person" rules are primary keys or unique indexes, so a race cannot break them.
 */
export const qualityMigration = (_flags: DialectFlags): Migration => ({
  async up(db: Kysely<unknown>): Promise<void> {
    // Today's survey figures for the wallboard read a tenant's answers by time.
    await db.schema.createIndex('survey_responses_tenant_time').on('survey_responses').columns(['tenant_id', 'created_at']).execute();

    await db.schema
      .createTable('complaint_followups')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('line_id', 'text', (c) => c.notNull().references('lines.id'))
      .addColumn('conversation_id', 'text', (c) => c.notNull().unique())
      .addColumn('contact_id', 'text')
      .addColumn('agent_id', 'text')
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('nps', 'integer')
      .addColumn('comment', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('assignee_id', 'text')
      .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('outcome', 'text')
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', TIME, (c) => c.notNull())
      .addColumn('updated_at', TIME, (c) => c.notNull())
      .addCheckConstraint('complaint_followups_source', sql`source in ('wrap_up', 'survey')`)
      .addCheckConstraint('complaint_followups_status', sql`status in ('open', 'in_progress', 'done')`)
      .execute();
    await db.schema.createIndex('complaint_followups_status').on('complaint_followups').columns(['tenant_id', 'status', 'created_at']).execute();

    await db.schema
      .createTable('ideas')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('author_id', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('reply', 'text')
      .addColumn('replied_by', 'text')
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', TIME, (c) => c.notNull())
      .addColumn('updated_at', TIME, (c) => c.notNull())
      .addCheckConstraint('ideas_status', sql`status in ('new', 'under_review', 'planned', 'done', 'declined')`)
      .execute();
    await db.schema.createIndex('ideas_tenant_time').on('ideas').columns(['tenant_id', 'created_at']).execute();
    await db.schema
      .createTable('idea_votes')
      .addColumn('idea_id', 'text', (c) => c.notNull().references('ideas.id'))
      .addColumn('agent_id', 'text', (c) => c.notNull())
      .addColumn('created_at', TIME, (c) => c.notNull())
      .addPrimaryKeyConstraint('idea_votes_pk', ['idea_id', 'agent_id'])
      .execute();
    await db.schema
      .createTable('roundtables')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('held_on', 'text', (c) => c.notNull())
      .addColumn('notes', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', TIME, (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('roundtable_ideas')
      .addColumn('roundtable_id', 'text', (c) => c.notNull().references('roundtables.id'))
      .addColumn('idea_id', 'text', (c) => c.notNull().references('ideas.id'))
      .addPrimaryKeyConstraint('roundtable_ideas_pk', ['roundtable_id', 'idea_id'])
      .execute();

    await db.schema
      .createTable('awards')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', TIME, (c) => c.notNull())
      .addColumn('closed_at', TIME)
      .addCheckConstraint('awards_status', sql`status in ('open', 'closed')`)
      .execute();
    await db.schema
      .createTable('award_nominations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('award_id', 'text', (c) => c.notNull().references('awards.id'))
      .addColumn('nominee_id', 'text', (c) => c.notNull())
      .addColumn('nominated_by', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('created_at', TIME, (c) => c.notNull())
      .execute();
    // One nomination per nominator and nominee of an award (a second one would count twice).
    await db.schema.createIndex('award_nominations_once').on('award_nominations').columns(['award_id', 'nominee_id', 'nominated_by']).unique().execute();
    await db.schema
      .createTable('award_votes')
      .addColumn('award_id', 'text', (c) => c.notNull().references('awards.id'))
      .addColumn('voter_id', 'text', (c) => c.notNull())
      .addColumn('nominee_id', 'text', (c) => c.notNull())
      .addColumn('created_at', TIME, (c) => c.notNull())
      .addPrimaryKeyConstraint('award_votes_pk', ['award_id', 'voter_id'])
      .execute();

    await db.schema
      .createTable('badge_rules')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('badge', 'text', (c) => c.notNull())
      .addColumn('min_responses', 'integer', (c) => c.notNull())
      .addColumn('min_average_helpfulness', 'real')
      .addColumn('min_nps', 'integer')
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', TIME, (c) => c.notNull())
      .addCheckConstraint('badge_rules_active', sql`active in (0, 1)`)
      .execute();
    await db.schema
      .createTable('badges')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('rule_id', 'text', (c) => c.notNull().references('badge_rules.id'))
      .addColumn('agent_id', 'text', (c) => c.notNull())
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('badge', 'text', (c) => c.notNull())
      .addColumn('responses', 'integer', (c) => c.notNull())
      .addColumn('average_helpfulness', 'real')
      .addColumn('created_at', TIME, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('badges_once').on('badges').columns(['rule_id', 'agent_id', 'month']).unique().execute();

    await db.schema
      .createTable('gesture_budgets')
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('team', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('amount_cents', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('gesture_budgets_pk', ['tenant_id', 'team', 'year'])
      .addCheckConstraint('gesture_budgets_amount', sql`amount_cents >= 0`)
      .execute();
    await db.schema
      .createTable('gestures')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('team', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('requested_by', 'text', (c) => c.notNull())
      .addColumn('conversation_id', 'text')
      .addColumn('amount_cents', 'integer', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('decided_by', 'text')
      .addColumn('decision_note', 'text')
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', TIME, (c) => c.notNull())
      .addColumn('updated_at', TIME, (c) => c.notNull())
      .addCheckConstraint('gestures_amount', sql`amount_cents > 0`)
      .addCheckConstraint('gestures_status', sql`status in ('requested', 'approved', 'rejected', 'sent')`)
      .execute();
    await db.schema.createIndex('gestures_team').on('gestures').columns(['tenant_id', 'team', 'year', 'status']).execute();
  },
});
