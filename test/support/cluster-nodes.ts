import { loadConfig } from '../../src/config/config.js';
import { startCentraal, type RunningCentraal } from '../../src/start-centraal.js';
import { createTestDatabase, type TestDatabase } from './databases.js';

export interface TestNodes {
  database: TestDatabase;
  /** The nodes in start order; the first one takes the demo tenant's routing lease. */
  nodes: RunningCentraal[];
  /** The node that holds the tenant's routing lease now (its index in `nodes`; -1 for none). */
  holderIndex(tenantId: string): Promise<number>;
  /** Stops one node gracefully (it hands its leases back at once). */
  stopNode(index: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Several Centraal nodes in this process on one fresh PostgreSQL database and one Redis
 * (TEST_REDIS_URL), with the demo tenant: cheaper than processes when no node is killed.
 * The first node starts alone, so it holds every lease; the others forward to it.
 */
export async function startTestNodes(count: number, env: Record<string, string> = {}): Promise<TestNodes> {
  const redisUrl = process.env.TEST_REDIS_URL;
  if (!redisUrl || !process.env.TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL and TEST_REDIS_URL must be set: run the suite with `npm test` (scripts/test-all.sh)');
  const database = await createTestDatabase('postgres');
  const run = `${process.pid}-${Date.now().toString(36)}`;
  const nodeIds = Array.from({ length: count }, (_, i) => `node-${String.fromCharCode(97 + i)}-${run}`);
  const start = (i: number) =>
    startCentraal(
      loadConfig({ ...database.env, REDIS_URL: redisUrl, NODE_ID: nodeIds[i]!, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', DEMO_CUSTOMER_BOT: 'false', LEASE_TTL_SECONDS: '2', ...env }),
      { quiet: true },
    );
  const nodes = [await start(0)];
  nodes.push(...(await Promise.all(Array.from({ length: count - 1 }, (_, i) => start(i + 1)))));
  const stopped = new Set<RunningCentraal>();
  return {
    database,
    nodes,
    async holderIndex(tenantId) {
      const db = await database.open();
      try {
        const row = await db.kysely.selectFrom('routing_leases').select('holder').where('tenant_id', '=', tenantId).executeTakeFirst();
        return row ? nodeIds.indexOf(row.holder) : -1;
      } finally {
        await db.close();
      }
    },
    async stopNode(index) {
      stopped.add(nodes[index]!);
      await nodes[index]!.stop();
    },
    async stop() {
      for (const node of nodes) if (!stopped.has(node)) await node.stop().catch(() => undefined);
      await database.destroy();
    },
  };
}
