import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seedLoadTenant } from '../../src/storage/seed/load-tenant.seed.js';
import { ClusterAgent, ClusterCustomer, type NodeDirectory } from '../support/cluster-clients.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { freePort, spawnServer, type ServerProcess } from '../support/server-process.js';
import { TcpProxy } from '../support/tcp-proxy.js';

/**
 * Faults of the shared parts under two nodes: Redis restarts (pub/sub messages are lost
 * meanwhile; the nodes reconnect and their subscribers catch up from the database), and
 * PostgreSQL goes away (retryable 503s, the processes stay up, and everything works again
 * once it is back, without restarting Centraal).
 */
function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the suite with \`npm test\`, which starts PostgreSQL and Redis (scripts/test-all.sh)`);
  return value;
}

async function until(what: string, check: () => boolean | Promise<boolean>, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A Redis of this test's own (the shared one must not be restarted under other tests). */
function startRedis(port: number, dir: string): ChildProcess {
  return spawn('redis-server', ['--bind', '127.0.0.1', '--port', String(port), '--dir', dir, '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
}

async function stopRedis(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}

function directoryOf(nodes: ServerProcess[]): NodeDirectory {
  return { pick: (preferred) => nodes[preferred % nodes.length]!.url };
}

/** An agent on node 0 and a customer on node 1, assigned to each other. */
async function pair(nodes: ServerProcess[], seed: Awaited<ReturnType<typeof seedLoadTenant>>) {
  const directory = directoryOf(nodes);
  const agent = new ClusterAgent(directory, 0);
  await agent.login(seed.agents[0]!.email, seed.agents[0]!.password);
  await agent.connect();
  const customer = new ClusterCustomer(directory, 1);
  await customer.start(seed.lineId, `visitor-faults-${Date.now()}`);
  await customer.connect();
  await until('the customer to be assigned', () => agent.accepted.has(customer.conversationId), 15_000);
  return { agent, customer };
}

describe('several nodes when Redis or PostgreSQL fails', () => {
  const cleanups: Array<() => Promise<void> | void> = [];

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('recovers from a Redis restart (every acknowledged message reaches the other side) and keeps an agent who moved node available', async () => {
    requireEnv('TEST_DATABASE_URL');
    requireEnv('TEST_REDIS_URL');
    const redisDir = mkdtempSync(join(tmpdir(), 'centraal-test-redis-'));
    const redisPort = await freePort();
    let redis = startRedis(redisPort, redisDir);
    cleanups.push(() => rmSync(redisDir, { recursive: true, force: true }));
    cleanups.push(() => stopRedis(redis));
    const database: TestDatabase = await createTestDatabase('postgres');
    cleanups.push(() => database.destroy());
    const db = await database.open();
    const seed = await seedLoadTenant(db, { agents: 2, chatCapacity: 4 });
    await db.close();
    const env = { ...database.env, REDIS_URL: `redis://127.0.0.1:${redisPort}`, DEMO_DATA: 'false', LEASE_TTL_SECONDS: '2', AGENT_DISCONNECT_GRACE_SECONDS: '1' };
    await sleep(200);
    const nodes = [await spawnServer({ ...env, NODE_ID: 'redis-a' }), await spawnServer({ ...env, NODE_ID: 'redis-b' })];
    cleanups.push(() => Promise.all(nodes.map((n) => n.kill('SIGKILL'))).then(() => undefined));
    const { agent, customer } = await pair(nodes, seed);
    cleanups.push(() => agent.stop(), () => customer.stop());

    for (let i = 0; i < 6; i++) customer.say();
    await until('the first messages to be acknowledged', () => customer.unacked.size === 0, 10_000);

    // Redis goes away; the customer keeps writing through the node that must forward to the holder.
    await stopRedis(redis);
    for (let i = 0; i < 6; i++) customer.say();
    await sleep(1500);
    redis = startRedis(redisPort, redisDir);
    await until('every message to be acknowledged after Redis is back', () => customer.unacked.size === 0 && agent.unacked.size === 0, 30_000);
    for (let i = 0; i < 3; i++) customer.say();
    await until('the last messages to be acknowledged', () => customer.unacked.size === 0 && agent.unacked.size === 0, 15_000);

    // The agent has every customer message exactly once; the customer every agent reply.
    await until('the agent to have seen every customer message', () => (agent.customerMessagesSeen.get(customer.conversationId) ?? 0) >= customer.ackedMessages.size, 10_000);
    expect(customer.ackedMessages.size).toBe(15);
    expect(agent.customerMessagesSeen.get(customer.conversationId)).toBe(15);
    const replies = () => [...(agent.ackedMessages.get(customer.conversationId)?.keys() ?? [])];
    await until('the agent\'s five replies to be acknowledged', () => replies().length === 5 && agent.unacked.size === 0, 10_000);
    await until('the customer to have every reply', () => replies().every((seq) => customer.received.some((r) => r.seq === seq)), 10_000);
    const seqs = customer.received.map((r) => r.seq);
    expect(new Set(seqs).size).toBe(seqs.length);

    // Presence counts sockets on every node: an agent who moves to the other node stays available after the
    // first node's grace period; an agent who leaves altogether goes offline.
    const statusOf = async () => {
      const check = await database.open();
      try {
        return (await check.kysely.selectFrom('users').select('status').where('id', '=', agent.agentId).executeTakeFirstOrThrow()).status;
      } finally {
        await check.close();
      }
    };
    const before = agent.nodesUsed.length;
    agent.ws!.close();
    await until('the agent to reconnect to the other node', () => agent.nodesUsed.length > before && agent.ws?.readyState === 1, 10_000);
    expect(agent.url).not.toBe(agent.nodesUsed[before - 1]);
    await sleep(2500);
    expect(await statusOf()).toBe('available');
    agent.stop();
    await until('the agent who left to go offline', async () => (await statusOf()) === 'offline', 10_000);
  }, 60_000);

  it('answers 503 with a retryable code while PostgreSQL is away, stays up, and works again when it is back', async () => {
    const adminUrl = new URL(requireEnv('TEST_DATABASE_URL'));
    const redisUrl = requireEnv('TEST_REDIS_URL');
    const database: TestDatabase = await createTestDatabase('postgres');
    cleanups.push(() => database.destroy());
    const db = await database.open();
    const seed = await seedLoadTenant(db, { agents: 2, chatCapacity: 4 });
    await db.close();
    // The nodes reach PostgreSQL through a proxy this test can cut and restore.
    const proxy = new TcpProxy(adminUrl.hostname, Number(adminUrl.port || 5432));
    const proxyPort = await proxy.start();
    cleanups.push(() => proxy.cut());
    const viaProxy = new URL(database.env.DATABASE_URL!);
    viaProxy.port = String(proxyPort);
    const env = { ...database.env, DATABASE_URL: viaProxy.toString(), REDIS_URL: redisUrl, DEMO_DATA: 'false', LEASE_TTL_SECONDS: '2' };
    const nodes = [await spawnServer({ ...env, NODE_ID: 'pg-a' }), await spawnServer({ ...env, NODE_ID: 'pg-b' })];
    cleanups.push(() => Promise.all(nodes.map((n) => n.kill('SIGKILL'))).then(() => undefined));
    const { agent, customer } = await pair(nodes, seed);
    cleanups.push(() => agent.stop(), () => customer.stop());
    for (let i = 0; i < 3; i++) customer.say();
    await until('the first messages to be acknowledged', () => customer.unacked.size === 0, 10_000);

    await proxy.cut();
    const post = (node: ServerProcess, n: number) =>
      fetch(`${node.url}/api/widget/v1/conversations/${customer.conversationId}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${customer.token}` },
        body: JSON.stringify({ clientId: `http-outage-${n}`, text: `written while the database is away ${n}` }),
      });
    for (const [i, node] of nodes.entries()) {
      const response = await post(node, i);
      const body = (await response.json()) as { error: { code: string; retryable?: boolean } };
      expect(response.status).toBe(503);
      expect(body.error.retryable).toBe(true);
      expect(['STORAGE_UNAVAILABLE', 'TENANT_MOVING']).toContain(body.error.code);
      const health = await fetch(`${node.url}/health`);
      expect(health.status).toBe(503);
      expect(((await health.json()) as { error: { code: string } }).error.code).toBe('STORAGE_UNAVAILABLE');
    }
    await sleep(2500);
    for (const node of nodes) expect(node.child.exitCode).toBeNull();

    await proxy.restore();
    await until('both nodes to be healthy', async () => (await Promise.all(nodes.map((n) => fetch(`${n.url}/health`).then((r) => r.ok)))).every(Boolean), 20_000);
    // The same clientIds as during the outage: now stored, once.
    let stored = 0;
    await until('posting to work again on both nodes', async () => {
      const results = await Promise.all(nodes.map((node, i) => post(node, i).then((r) => r.status)));
      stored = results.filter((s) => s === 201 || s === 200).length;
      return stored === nodes.length;
    }, 20_000);
    await until('the socket messages sent before to be acknowledged', () => customer.unacked.size === 0, 10_000);
    await until('the agent to see the messages written after the outage', () => (agent.customerMessagesSeen.get(customer.conversationId) ?? 0) >= 5, 10_000);
    for (const node of nodes) expect(node.child.exitCode).toBeNull();
  }, 60_000);
});
