import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { seedLoadTenant } from '../../src/storage/seed/load-tenant.seed.js';
import type { Db } from '../../src/storage/index.js';
import { ClusterAgent, ClusterCustomer, type NodeDirectory } from '../support/cluster-clients.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { spawnServer, type ServerProcess } from '../support/server-process.js';

/**
 * Three Centraal processes on one PostgreSQL and one Redis, customers and agents spread over
 * all three; the node that runs the tenant's routing is killed with SIGKILL while messages
 * flow and new customers arrive. Another node takes the lease over, clients reconnect to the
 * surviving nodes and resume by sequence number.
 */
const AGENTS = 12;
const EARLY_CUSTOMERS = 24;
const LATE_CUSTOMERS = 8;
const LINE = 'ln_load';

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

describe('several nodes behind a load balancer', () => {
  let database: TestDatabase | undefined;
  let db: Db | undefined;
  const nodes: ServerProcess[] = [];
  const clients: Array<{ stop(): void }> = [];

  afterAll(async () => {
    for (const client of clients) client.stop();
    await Promise.all(nodes.map((node) => node.kill('SIGKILL')));
    await db?.close();
    await database?.destroy();
  });

  it('loses no acknowledged message, assigns every contact once, and moves clients and routing when a node is killed', async () => {
    requireEnv('TEST_DATABASE_URL');
    const redisUrl = requireEnv('TEST_REDIS_URL');
    database = await createTestDatabase('postgres');
    db = await database.open();
    const seed = await seedLoadTenant(db, { agents: AGENTS, chatCapacity: 4 });
    const env = { ...database.env, REDIS_URL: redisUrl, DEMO_DATA: 'false', LEASE_TTL_SECONDS: '2', RING_TIMEOUT_SECONDS: '10', WIDGET_STARTS_PER_MINUTE: '1000' };
    // The first node takes the tenant's lease; the other two join and forward to it.
    nodes.push(await spawnServer({ ...env, NODE_ID: 'node-a' }));
    nodes.push(...(await Promise.all([spawnServer({ ...env, NODE_ID: 'node-b' }), spawnServer({ ...env, NODE_ID: 'node-c' })])));
    const dead = new Set<string>();
    const directory: NodeDirectory = {
      pick(preferred) {
        for (let i = 0; i < nodes.length; i++) {
          const node = nodes[(preferred + i) % nodes.length]!;
          if (!dead.has(node.url)) return node.url;
        }
        throw new Error('no node left');
      },
    };
    const holderUrl = async () => {
      const row = await db!.kysely.selectFrom('routing_leases').select('holder').where('tenant_id', '=', seed.tenantId).executeTakeFirstOrThrow();
      return nodes[['node-a', 'node-b', 'node-c'].indexOf(row.holder)]!.url;
    };
    const firstHolder = await holderUrl();

    // Agents and customers spread over the three nodes.
    const agents = seed.agents.map((_, i) => new ClusterAgent(directory, i % 3));
    clients.push(...agents);
    await Promise.all(agents.map((agent, i) => agent.login(seed.agents[i]!.email, seed.agents[i]!.password)));
    await Promise.all(agents.map((agent) => agent.connect()));
    const customers: ClusterCustomer[] = [];
    const startCustomers = async (count: number) => {
      const batch = Array.from({ length: count }, (_, i) => new ClusterCustomer(directory, customers.length + i));
      customers.push(...batch);
      clients.push(...batch);
      await Promise.all(batch.map((c, i) => c.start(LINE, `visitor-cluster-${customers.length}-${i}`).then(() => c.connect())));
      return batch;
    };
    const early = await startCustomers(EARLY_CUSTOMERS);
    const assignedTo = (c: ClusterCustomer) => agents.filter((a) => a.accepted.has(c.conversationId)).length;
    await until('the early customers to be assigned', () => early.every((c) => assignedTo(c) > 0), 20_000);

    // Messages flow both ways through all nodes.
    let talking = true;
    const talk = (async () => {
      while (talking) {
        for (const c of customers) if (c.conversationId && c.ws) c.say();
        await new Promise((r) => setTimeout(r, 150));
      }
    })();
    await new Promise((r) => setTimeout(r, 2000));
    const lateStarted = startCustomers(LATE_CUSTOMERS);
    await new Promise((r) => setTimeout(r, 100));

    // kill -9 the node that runs the tenant's routing, mid-load.
    const victim = nodes.find((n) => n.url === firstHolder)!;
    dead.add(victim.url);
    const clientsOnVictim = [...agents, ...early].filter((c) => c.url === victim.url);
    await victim.kill('SIGKILL');
    await lateStarted;
    await until('another node to take the routing lease', async () => (await holderUrl()) !== firstHolder, 15_000);
    await new Promise((r) => setTimeout(r, 3000));
    talking = false;
    await talk;

    // Everything sent gets acknowledged in the end (retried on the surviving nodes), and every contact is taken.
    await until('every message to be acknowledged', () => [...customers, ...agents].every((c) => c.unacked.size === 0), 30_000);
    await until('every customer to be assigned', () => customers.every((c) => assignedTo(c) > 0), 30_000);
    await new Promise((r) => setTimeout(r, 1000));

    // 0 acknowledged messages lost: each is stored with the seq and text it was acknowledged with.
    const stored = await db.kysely.selectFrom('events').select(['conversation_id', 'seq', 'type', 'visibility', 'data']).where('tenant_id', '=', seed.tenantId).execute();
    const textAt = new Map(stored.map((e) => [`${e.conversation_id}/${e.seq}`, (JSON.parse(String(e.data)) as { text?: string }).text]));
    let acked = 0;
    let lost = 0;
    for (const c of customers) {
      for (const [seq, text] of c.ackedMessages) {
        acked++;
        if (textAt.get(`${c.conversationId}/${seq}`) !== text) lost++;
      }
    }
    for (const a of agents) {
      for (const [conversationId, messages] of a.ackedMessages) {
        for (const [seq, text] of messages) {
          acked++;
          if (textAt.get(`${conversationId}/${seq}`) !== text) lost++;
        }
      }
    }
    expect(acked).toBeGreaterThan(200);
    expect(lost).toBe(0);

    // 0 conversations assigned twice (in the log, and as the agents saw it); every contact offered and taken.
    const ids = customers.map((c) => c.conversationId);
    const assignedEvents = new Map<string, number>();
    const offeredEvents = new Map<string, number>();
    for (const e of stored) {
      if (e.type === 'conversation.assigned') assignedEvents.set(e.conversation_id, (assignedEvents.get(e.conversation_id) ?? 0) + 1);
      if (e.type === 'conversation.offered') offeredEvents.set(e.conversation_id, (offeredEvents.get(e.conversation_id) ?? 0) + 1);
    }
    expect(ids.filter((id) => assignedEvents.get(id) !== 1)).toEqual([]);
    expect(customers.filter((c) => assignedTo(c) !== 1).map((c) => c.conversationId)).toEqual([]);
    expect(ids.filter((id) => !offeredEvents.get(id))).toEqual([]);
    const states = await db.kysely.selectFrom('conversations').select(['id', 'state']).where('tenant_id', '=', seed.tenantId).execute();
    expect(states.filter((s) => s.state !== 'active')).toEqual([]);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from events group by conversation_id, seq having count(*) > 1`.execute(db.kysely);
    expect(rows).toEqual([]);

    // Clients of the killed node resumed on another node and received exactly the public events, once each.
    expect(clientsOnVictim.length).toBeGreaterThan(0);
    for (const client of clientsOnVictim) expect(client.url).not.toBe(victim.url);
    const publicSeqs = new Map<string, number[]>();
    for (const e of stored) if (e.visibility === 'public') publicSeqs.set(e.conversation_id, [...(publicSeqs.get(e.conversation_id) ?? []), e.seq]);
    for (const c of customers) {
      const seqs = c.received.map((r) => r.seq);
      expect(new Set(seqs).size).toBe(seqs.length);
      expect([...seqs].sort((a, b) => a - b)).toEqual((publicSeqs.get(c.conversationId) ?? []).sort((a, b) => a - b));
    }
    // Agents who were on the killed node go on receiving their customers' messages on the new node.
    const movedAgents = agents.filter((a) => a.nodesUsed.length > 1);
    expect(movedAgents.length).toBeGreaterThan(0);
  }, 90_000);
});
