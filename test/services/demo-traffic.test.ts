import { afterAll, describe, expect, it } from 'vitest';
import { setAgentStatus } from '../../src/app/agent/agent-status.js';
import { acceptOffer } from '../../src/app/conversation/offer-response.js';
import { postMessage } from '../../src/app/conversation/post-message.js';
import { createApp, type CentraalApp } from '../../src/app/create-app.js';
import { loadConfig } from '../../src/config/config.js';
import { startDemoTraffic } from '../../src/demo/demo-traffic.js';
import type { Db } from '../../src/storage/index.js';
import { DEMO_TENANT_ID, seedDemoTenant } from '../../src/storage/seed/demo-tenant.seed.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';

describe('demo traffic', () => {
  let database: TestDatabase;
  let db: Db;
  let app: CentraalApp;
  let stop = () => undefined as void;

  afterAll(async () => {
    stop();
    await app?.stop();
    await db?.close();
    await database?.destroy();
  });

  it('lets a simulated customer write in and answer the agent', async () => {
    database = await createTestDatabase('sqlite');
    db = await database.open();
    await seedDemoTenant(db);
    app = await createApp({ config: loadConfig({ DATA_DIR: database.env.DATA_DIR }), db });
    const agents = ['us_sofie', 'us_thomas', 'us_camille', 'us_lucas', 'us_emma'].map((id) => app.deps.directory.agent(DEMO_TENANT_ID, id));
    for (const agent of agents) await setAgentStatus(app.deps, agent, agent.id, 'available');
    stop = startDemoTraffic(app.deps, { maxConcurrent: 1, everyMs: 60_000 });

    const offer = await waitFor(async () => {
      await app.deps.routing.settled();
      return (await app.deps.repos.conversations.listOpen(DEMO_TENANT_ID)).find((c) => c.state === 'offered');
    });
    const agent = agents.find((a) => a.id === offer.offeredAgentId)!;
    await acceptOffer(app.deps, agent, offer.id);
    const before = (await app.deps.repos.events.listAfter(offer.id, 0, 100)).filter((e) => e.type === 'message.created' && e.actor.kind === 'customer');
    expect(before).toHaveLength(1);
    await postMessage(app.deps, { kind: 'agent', agent }, { conversationId: offer.id, clientId: 'a1', text: 'Hallo, vertel het maar.' });
    const answered = await waitFor(async () => {
      const events = await app.deps.repos.events.listAfter(offer.id, 0, 100);
      const fromCustomer = events.filter((e) => e.type === 'message.created' && e.actor.kind === 'customer');
      return fromCustomer.length === 2 ? fromCustomer : undefined;
    }, 15_000);
    expect(answered[1]!.data.text).toEqual(expect.any(String));
  });
});

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}
