import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setAgentStatus } from '../../src/app/agent/agent-status.js';
import { ManualClock } from '../../src/app/clock.js';
import { closeConversation } from '../../src/app/conversation/close.js';
import { acceptOffer } from '../../src/app/conversation/offer-response.js';
import { startConversation } from '../../src/app/conversation/start-conversation.js';
import { createApp, type CentraalApp } from '../../src/app/create-app.js';
import { loadConfig } from '../../src/config/config.js';
import type { Db } from '../../src/storage/index.js';
import { seedDemoTenant, DEMO_TENANT_ID } from '../../src/storage/seed/demo-tenant.seed.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/databases.js';

/**
 * A complaint wrap-up and its follow-up row commit in one transaction. The failure is real: the
 * follow-up table is renamed away, so the insert fails inside the close's transaction.
 */
describe.each(testDialects())('complaint follow-up commits with the close on %s', (dialect) => {
  let database: TestDatabase;
  let db: Db;
  let app: CentraalApp;
  const clock = new ManualClock();

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    db = await database.open();
    await seedDemoTenant(db, clock.now());
    app = await createApp({ config: loadConfig({ DATA_DIR: database.env.DATA_DIR }), db, clock });
  });

  afterAll(async () => {
    await app?.stop();
    await db?.close();
    await database?.destroy();
  });

  const thomas = () => app.deps.directory.agent(DEMO_TENANT_ID, 'us_thomas');
  const followUpsOf = async (conversationId: string) =>
    db.kysely.selectFrom('complaint_followups').select(['conversation_id', 'source', 'agent_id']).where('conversation_id', '=', conversationId).execute();
  const assignedChat = async () => {
    await setAgentStatus(app.deps, thomas(), 'us_thomas', 'available');
    await app.deps.routing.settled();
    const { conversationId } = await startConversation(app.deps, { lineId: 'ln_bankzuid', channel: 'chat', language: 'nl', identifier: { kind: 'visitor', value: `v-${Math.random()}` } });
    await app.deps.routing.settled();
    await acceptOffer(app.deps, thomas(), conversationId);
    return conversationId;
  };

  it('stores the follow-up with the close', async () => {
    const id = await assignedChat();
    await closeConversation(app.deps, thomas(), id, 'klacht');
    expect((await app.deps.repos.conversations.get(DEMO_TENANT_ID, id))?.state).toBe('closed');
    expect(await followUpsOf(id)).toEqual([{ conversation_id: id, source: 'wrap_up', agent_id: 'us_thomas' }]);
  });

  it('stores neither when the follow-up cannot be written, and a retried close creates it exactly once', async () => {
    const id = await assignedChat();
    await sql`alter table complaint_followups rename to complaint_followups_away`.execute(db.kysely);
    try {
      await expect(closeConversation(app.deps, thomas(), id, 'klacht')).rejects.toMatchObject({ code: 'STORAGE_UNAVAILABLE' });
    } finally {
      await sql`alter table complaint_followups_away rename to complaint_followups`.execute(db.kysely);
    }
    // Nothing half-done: the conversation is still open in the database, without a closed event.
    expect((await app.deps.repos.conversations.get(DEMO_TENANT_ID, id))?.state).toBe('active');
    const events = await app.deps.repos.events.listAfter(id, 0, 50);
    expect(events.map((e) => e.type)).not.toContain('conversation.closed');
    expect(await followUpsOf(id)).toEqual([]);

    // The agent presses close again: now both are stored, once.
    await closeConversation(app.deps, thomas(), id, 'klacht');
    expect((await app.deps.repos.conversations.get(DEMO_TENANT_ID, id))?.state).toBe('closed');
    expect(await followUpsOf(id)).toHaveLength(1);
    const after = await app.deps.repos.events.listAfter(id, 0, 50);
    expect(after.filter((e) => e.type === 'conversation.closed')).toHaveLength(1);
  });

  it('adds no follow-up for an ordinary wrap-up', async () => {
    const id = await assignedChat();
    await closeConversation(app.deps, thomas(), id, 'opgelost');
    expect(await followUpsOf(id)).toEqual([]);
  });
});
