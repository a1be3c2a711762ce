import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setAgentStatus } from '../../src/app/agent/agent-status.js';
import { ManualClock } from '../../src/app/clock.js';
import { endByCustomer, closeConversation } from '../../src/app/conversation/close.js';
import { acceptOffer, declineOffer } from '../../src/app/conversation/offer-response.js';
import { startConversation } from '../../src/app/conversation/start-conversation.js';
import { transferConversation } from '../../src/app/conversation/transfer.js';
import { createApp, type CentraalApp } from '../../src/app/create-app.js';
import { loadConfig } from '../../src/config/config.js';
import type { Db } from '../../src/storage/index.js';
import { seedDemoTenant, DEMO_TENANT_ID } from '../../src/storage/seed/demo-tenant.seed.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/databases.js';

/**
 * The use cases with a hand-moved clock (no HTTP), so overflow after 60 s and ring timeouts
 * are tested without waiting; every state is checked in the database, on both dialects.
 */
describe.each(testDialects())('routing use cases on %s', (dialect) => {
  let database: TestDatabase;
  let db: Db;
  let app: CentraalApp;
  const clock = new ManualClock();

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    db = await database.open();
    await seedDemoTenant(db, clock.now());
  });

  afterEach(async () => {
    // Everyone offline between tests, so each starts from a known state.
    for (const agent of app.deps.directory.agentsOf(DEMO_TENANT_ID)) await setAgentStatus(app.deps, agent, agent.id, 'offline');
    await app.deps.routing.settled();
  });

  afterAll(async () => {
    await app?.stop();
    await db?.close();
    await database?.destroy();
  });

  const agent = (id: string) => app.deps.directory.agent(DEMO_TENANT_ID, id);
  const available = async (...ids: string[]) => {
    for (const id of ids) await setAgentStatus(app.deps, agent(id), id, 'available');
    await app.deps.routing.settled();
  };
  const stored = async (id: string) => (await app.deps.repos.conversations.get(DEMO_TENANT_ID, id))!;
  const start = async (language: 'nl' | 'fr' | 'en', topicId?: string) => {
    const started = await startConversation(app.deps, { lineId: 'ln_bankzuid', channel: 'chat', language, identifier: { kind: 'visitor', value: `v-${Math.random()}` }, ...(topicId ? { topicId } : {}) });
    await app.deps.routing.settled();
    return started.conversationId;
  };
  const tick = async (ms: number) => {
    clock.advance(ms);
    app.deps.routing.tick();
    await app.deps.routing.settled();
  };

  it('starts the app and restores nothing from an empty database', async () => {
    app = await createApp({ config: loadConfig({ DATA_DIR: database.env.DATA_DIR, RING_TIMEOUT_SECONDS: '20' }), db, clock });
    expect(app.deps.routing.engine(DEMO_TENANT_ID).queueStats(clock.now()).every((q) => q.waiting === 0)).toBe(true);
  });

  it('overflows a card question to the general queue after 60 seconds, where a French agent takes it', async () => {
    await available('us_camille'); // French, in the general queue only
    const id = await start('fr', 'kaart');
    expect((await stored(id)).state).toBe('queued');
    expect((await stored(id)).queueId).toBe('qu_bank_kaart');
    await tick(59_000);
    expect((await stored(id)).state).toBe('queued');
    await tick(2_000);
    const after = await stored(id);
    expect(after).toMatchObject({ state: 'offered', offeredAgentId: 'us_camille', queueId: 'qu_bank' });
    const events = await app.deps.repos.events.listAfter(id, 0, 50);
    expect(events.map((e) => e.type)).toContain('conversation.overflowed');
    await endByCustomer(app.deps, id);
    expect((await stored(id)).state).toBe('abandoned');
  });

  it('offers a declined chat to the next agent and back to the first only when nobody else can', async () => {
    await available('us_thomas', 'us_lucas');
    const id = await start('en');
    const first = (await stored(id)).offeredAgentId!;
    const second = first === 'us_thomas' ? 'us_lucas' : 'us_thomas';
    await declineOffer(app.deps, agent(first), id);
    expect((await stored(id)).offeredAgentId).toBe(second);
    await declineOffer(app.deps, agent(second), id);
    expect((await stored(id)).offeredAgentId).toBe(first);
    await acceptOffer(app.deps, agent(first), id);
    expect(await stored(id)).toMatchObject({ state: 'active', assignedAgentId: first });
    // Accepting again (the ack was lost with a node) is acknowledged again; nothing changes.
    await acceptOffer(app.deps, agent(first), id);
    expect(await stored(id)).toMatchObject({ state: 'active', assignedAgentId: first });
    await expect(acceptOffer(app.deps, agent(second), id)).rejects.toMatchObject({ code: 'OFFER_NOT_FOUND' });
    await closeConversation(app.deps, agent(first), id, 'opgelost');
  });

  it('transfers to another queue with an internal note and keeps the place in line', async () => {
    await available('us_thomas');
    const id = await start('nl');
    await acceptOffer(app.deps, agent('us_thomas'), id);
    await transferConversation(app.deps, agent('us_thomas'), { conversationId: id, toQueueId: 'qu_energie', note: 'Vraag over gas, niet voor de bank' });
    expect(await stored(id)).toMatchObject({ state: 'queued', queueId: 'qu_energie', assignedAgentId: null });
    await available('us_emma');
    expect(await stored(id)).toMatchObject({ state: 'offered', offeredAgentId: 'us_emma' });
    await acceptOffer(app.deps, agent('us_emma'), id);
    const events = await app.deps.repos.events.listAfter(id, 0, 50);
    const note = events.find((e) => e.type === 'note.created')!;
    expect(note).toMatchObject({ visibility: 'internal', data: { text: 'Vraag over gas, niet voor de bank' } });
    await closeConversation(app.deps, agent('us_emma'), id, 'opgelost');
    expect(app.deps.routing.engine(DEMO_TENANT_ID).agentState('us_thomas').load.chat).toBe(0);
  });

  it('transfers to a named colleague, and refuses while the colleague is not available', async () => {
    await available('us_thomas', 'us_marleen');
    const id = await start('nl');
    const first = (await stored(id)).offeredAgentId!;
    await acceptOffer(app.deps, agent(first), id);
    const colleague = first === 'us_thomas' ? 'us_marleen' : 'us_thomas';
    await setAgentStatus(app.deps, agent(colleague), colleague, 'away');
    await expect(transferConversation(app.deps, agent(first), { conversationId: id, toAgentId: colleague })).rejects.toMatchObject({ code: 'TRANSFER_TARGET_UNAVAILABLE', status: 409 });
    expect(await stored(id)).toMatchObject({ state: 'active', assignedAgentId: first });
    await available(colleague);
    await transferConversation(app.deps, agent(first), { conversationId: id, toAgentId: colleague, note: 'Graag overnemen' });
    expect(await stored(id)).toMatchObject({ state: 'offered', offeredAgentId: colleague });
    await acceptOffer(app.deps, agent(colleague), id);
    await closeConversation(app.deps, agent(colleague), id, 'opgelost');
  });

  it('rebuilds routing after a restart: waiting stays waiting, assigned stays assigned', async () => {
    await available('us_thomas');
    const assigned = await start('nl');
    await acceptOffer(app.deps, agent('us_thomas'), assigned);
    await setAgentStatus(app.deps, agent('us_thomas'), 'us_thomas', 'away');
    const waiting = await start('en');
    await app.stop();
    app = await createApp({ config: loadConfig({ DATA_DIR: database.env.DATA_DIR }), db, clock });
    const engine = app.deps.routing.engine(DEMO_TENANT_ID);
    expect(engine.agentState('us_thomas').assignedConversationIds).toEqual([assigned]);
    expect(engine.conversationState(waiting)?.phase).toBe('waiting');
    await available('us_lucas');
    expect((await stored(waiting)).offeredAgentId).toBe('us_lucas');
    await endByCustomer(app.deps, waiting);
    await closeConversation(app.deps, agent('us_thomas'), assigned, 'opgelost');
  });
});
