import type { Kysely, Migration } from 'kysely';
import type { DialectFlags } from '../dialect-flags.js';

/** Epoch-millisecond times need 64-bit integers on both databases. */
const TIME = 'bigint';

/**
 * Browser calls: what a node used to keep in memory only, one row per running call, so a restart or
 * a routing-lease takeover carries on with it: the IVR position (JSON `IvrState`) and when its
 * no-input timer fires, a chat that became a call and since when it rings (with the channel it came
 * from, to fall back to), and the colleague consulted in a warm transfer. The row goes when the call ends.
 */
export const callStatesMigration = (_flags: DialectFlags): Migration => ({
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('call_states')
      .addColumn('conversation_id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('ivr_state', 'text')
      .addColumn('ivr_deadline', TIME)
      .addColumn('ringing_since', TIME)
      .addColumn('ringing_from', 'text')
      .addColumn('consult_agent_id', 'text')
      .addColumn('consult_agent_name', 'text')
      .addColumn('updated_at', TIME, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('call_states_tenant').on('call_states').column('tenant_id').execute();
  },
});
