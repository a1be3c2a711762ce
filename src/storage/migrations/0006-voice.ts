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

    // Outbound campaigns: a contact list per campaign, worked by preview dialling, and a do-not-call list.
    await db.schema
      .createTable('campaigns')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('line_id', 'text', (c) => c.notNull().references('lines.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('max_attempts', 'integer', (c) => c.notNull())
      .addColumn('retry_delay_minutes', 'integer', (c) => c.notNull())
      .addColumn('default_country', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('created_at', TIME, (c) => c.notNull())
      .addCheckConstraint('campaigns_status', sql`status in ('draft', 'running', 'paused', 'done')`)
      .execute();

    await db.schema
      .createTable('campaign_contacts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('row_number', 'integer', (c) => c.notNull())
      .addColumn('phone', 'text', (c) => c.notNull())
      .addColumn('name', 'text')
      .addColumn('reference', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', TIME, (c) => c.notNull())
      .addColumn('last_result', 'text')
      .addColumn('agent_id', 'text')
      .addColumn('updated_at', TIME, (c) => c.notNull())
      .addUniqueConstraint('campaign_contacts_phone', ['campaign_id', 'phone'])
      .addCheckConstraint('campaign_contacts_status', sql`status in ('pending', 'in_progress', 'done')`)
      .execute();
    await db.schema.createIndex('campaign_contacts_next').on('campaign_contacts').columns(['campaign_id', 'status', 'next_attempt_at']).execute();

    await db.schema
      .createTable('campaign_attempts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('campaign_id', 'text', (c) => c.notNull())
      .addColumn('contact_id', 'text', (c) => c.notNull())
      .addColumn('agent_id', 'text', (c) => c.notNull())
      .addColumn('result', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('at', TIME, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('campaign_attempts_campaign').on('campaign_attempts').columns(['campaign_id', 'at']).execute();

    await db.schema
      .createTable('do_not_call')
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('phone', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('created_at', TIME, (c) => c.notNull())
      .addPrimaryKeyConstraint('do_not_call_pk', ['tenant_id', 'phone'])
      .execute();

    // Thank-you day: executives call agents directly from the pop-up seat; each call is tracked.
    await db.schema
      .createTable('thank_you_calls')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('executive_id', 'text', (c) => c.notNull())
      .addColumn('agent_id', 'text', (c) => c.notNull())
      .addColumn('conversation_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('compliment_id', 'text')
      .addColumn('created_at', TIME, (c) => c.notNull())
      .addColumn('answered_at', TIME)
      .addColumn('ended_at', TIME)
      .addCheckConstraint('thank_you_calls_status', sql`status in ('ringing', 'answered', 'missed', 'ended')`)
      .execute();
    await db.schema.createIndex('thank_you_calls_tenant_time').on('thank_you_calls').columns(['tenant_id', 'created_at']).execute();

    await db.schema
      .createTable('popup_seat_settings')
      .addColumn('tenant_id', 'text', (c) => c.primaryKey().references('tenants.id'))
      /** 1: the agent sees who calls while it rings; 0 (default): only after answering. */
      .addColumn('reveal_caller_before_answer', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('updated_at', TIME, (c) => c.notNull())
      .execute();
  },
});
