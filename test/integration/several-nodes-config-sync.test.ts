import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import type { RedisEventBus } from '../../src/realtime/redis-event-bus.js';
import { startCentraal, type RunningCentraal } from '../../src/start-centraal.js';
import { StaffClient } from '../support/api-client.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { TcpProxy } from '../support/tcp-proxy.js';

/**
 * A configuration change made while a node is cut off from Redis (its `cluster:config` message
 * is lost) still reaches that node: on its reconnect (node B, whose periodic check is an hour
 * away) and, while it is still cut off, through the periodic check of the stored counters
 * (node C, every second). B and C reach the shared Redis through a TCP proxy the test cuts.
 * The nodes also sit behind a trusted HTTP proxy (TRUST_PROXY), whose client address must
 * survive forwarding to the tenant's holder.
 */
const LINE = 'ln_energienoord';

async function until(what: string, check: () => boolean | Promise<boolean>, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('configuration changes reach nodes that were cut off from Redis', () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  const nodes: RunningCentraal[] = [];

  beforeAll(async () => {
    const redisUrl = process.env.TEST_REDIS_URL;
    if (!redisUrl || !process.env.TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL and TEST_REDIS_URL must be set: run the suite with `npm test` (scripts/test-all.sh)');
    const redis = new URL(redisUrl);
    proxy = new TcpProxy(redis.hostname, Number(redis.port || 6379));
    const proxied = `redis://127.0.0.1:${await proxy.start()}`;
    database = await createTestDatabase('postgres');
    const run = `${process.pid}-${Date.now().toString(36)}`;
    const start = (name: string, url: string, checkSeconds: string) =>
      startCentraal(
        loadConfig({ ...database.env, REDIS_URL: url, NODE_ID: `${name}-${run}`, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'fatal', DEMO_CUSTOMER_BOT: 'false', LEASE_TTL_SECONDS: '2', CONFIG_CHECK_SECONDS: checkSeconds, TRUST_PROXY: '127.0.0.1' }),
        { quiet: true },
      );
    // A starts alone and holds the tenant, so the admin's changes are made there.
    nodes.push(await start('cfg-a', redisUrl, '3600'));
    nodes.push(...(await Promise.all([start('cfg-b', proxied, '3600'), start('cfg-c', proxied, '1')])));
  });

  afterAll(async () => {
    for (const node of nodes) await node.stop().catch(() => undefined);
    await proxy?.cut();
    await database?.destroy();
  });

  /** The line's name as a node serves it to the widget (from that node's memory). */
  const servedName = async (node: RunningCentraal) => {
    const response = await fetch(`${node.url}/api/widget/v1/lines/${LINE}`);
    return ((await response.json()) as { name: string }).name;
  };
  const busOf = (node: RunningCentraal) => node.app.deps.bus as RedisEventBus;

  async function rename(admin: StaffClient, name: string): Promise<void> {
    const config = await admin.request<{ lines: Array<Record<string, unknown> & { id: string }> }>('GET', '/api/admin/config');
    const { id: _id, tenantId: _tenant, ...line } = config.body.lines.find((l) => l.id === LINE)!;
    const saved = await admin.request('PUT', `/api/admin/lines/${LINE}`, { ...line, name });
    expect(saved.status, saved.text).toBe(200);
  }

  it('keeps the client address from a trusted proxy when a write is forwarded to the holder', async () => {
    const b = nodes[1]!;
    const response = await fetch(`${b.url}/api/widget/v1/lines/ln_bankzuid/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '6.6.6.6, 203.0.113.50' },
      body: JSON.stringify({ language: 'nl' }),
    });
    expect(response.status).toBe(201);
    const { conversationId } = (await response.json()) as { conversationId: string };
    const db = nodes[0]!.db.kysely;
    const contact = await db
      .selectFrom('conversations')
      .innerJoin('contacts', 'contacts.id', 'conversations.contact_id')
      .select(['contacts.identifier_kind', 'contacts.identifier'])
      .where('conversations.id', '=', conversationId)
      .executeTakeFirstOrThrow();
    // Resolved once on B (the right-most address that is not a trusted proxy), not again on the holder.
    expect(contact).toEqual({ identifier_kind: 'ip', identifier: '203.0.113.50' });
  });

  it('applies a change at once while connected, and after a cut through the check and the reconnect', async () => {
    const [a, b, c] = nodes as [RunningCentraal, RunningCentraal, RunningCentraal];
    const admin = await StaffClient.login(a.url, 'beheer@contactpunt.example');

    // Connected: the message on cluster:config is enough.
    await rename(admin, 'Energie Noord (1)');
    await until('B and C to serve the first name', async () => (await servedName(b)) === 'Energie Noord (1)' && (await servedName(c)) === 'Energie Noord (1)', 5_000);

    await proxy.cut();
    await until('B and C to notice they lost Redis', () => !busOf(b).connected && !busOf(c).connected, 5_000);
    await rename(admin, 'Energie Noord (2)');
    expect(await servedName(a)).toBe('Energie Noord (2)');

    // C, still cut off, compares the stored counter every second and reloads.
    await until('C to reload while still cut off', async () => (await servedName(c)) === 'Energie Noord (2)', 5_000);
    // B missed the message and its check is an hour away: it still has the old name (so the cut was real).
    await sleep(500);
    expect(await servedName(b)).toBe('Energie Noord (1)');
    expect(busOf(b).connected).toBe(false);

    // Redis is back for B: the reconnect makes it compare the counters and reload, no restart.
    await proxy.restore();
    await until('B to serve the new name after reconnecting', async () => (await servedName(b)) === 'Energie Noord (2)', 10_000);
    expect(busOf(b).connected).toBe(true);
  });
});
