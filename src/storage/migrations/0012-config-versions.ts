import type { Kysely, Migration } from 'kysely';
import type { DialectFlags } from '../dialect-flags.js';

/**
 * Several nodes: one counter per tenant, raised after every configuration change (lines, queues,
 * agents, IVR flows, bot content, knowledge). The `cluster:config` message on Redis tells other
 * nodes at once; the counter lets a node that missed that message (cut off from Redis) see, on
 * reconnect or at its periodic check, that it must reload the tenant's configuration.
 */
export const configVersionsMigration = (_flags: DialectFlags): Migration => ({
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('config_versions')
      .addColumn('tenant_id', 'text', (c) => c.primaryKey())
      .addColumn('version', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
  },
});
