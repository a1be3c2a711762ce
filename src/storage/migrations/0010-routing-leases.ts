import type { Kysely, Migration } from 'kysely';
import type { DialectFlags } from '../dialect-flags.js';

/**
 * Several nodes: one row per tenant names the node that runs the tenant's routing engine and
 * timers (`holder`), until when (`expires_at`, the database's own clock in epoch ms), and a
 * fencing `token` that grows on every takeover. A node's journal commits check the token, so a
 * node that lost the lease (paused, cut off) cannot write after another took over.
 * Two indexes let an agent's socket on any node find the agent's open work in the database.
 */
export const routingLeasesMigration = (_flags: DialectFlags): Migration => ({
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('routing_leases')
      .addColumn('tenant_id', 'text', (c) => c.primaryKey())
      .addColumn('holder', 'text', (c) => c.notNull())
      .addColumn('token', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('conversations_assigned_agent').on('conversations').columns(['assigned_agent_id', 'state']).execute();
    await db.schema.createIndex('conversations_offered_agent').on('conversations').columns(['offered_agent_id', 'state']).execute();
  },
});
