import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Journal } from '../../src/app/journal.js';
import type { Conversation, ConversationEvent } from '../../src/core/model/index.js';
import { EMPTY_REGISTRATION } from '../../src/core/model/index.js';
import { createRepositories, migrateToLatest, type Db, type Repositories } from '../../src/storage/index.js';
import { seedDemoTenant, DEMO_TENANT_ID, DEMO_LINES } from '../../src/storage/seed/demo-tenant.seed.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/databases.js';

function conversation(id: string, overrides: Partial<Conversation> = {}): Conversation {
  return {
    id, tenantId: DEMO_TENANT_ID, lineId: DEMO_LINES.bank, queueId: 'qu_bank', contactId: 'ct_1', channel: 'chat', language: 'nl', state: 'queued', priority: 0,
    assignedAgentId: null, offeredAgentId: null, offerExpiresAt: null, createdAt: 1_795_000_000_000, enqueuedAt: 1_795_000_000_000, acceptedAt: null, closedAt: null,
    registration: EMPTY_REGISTRATION, context: { page: '/kaart' }, ...overrides,
  };
}

function event(conversationId: string, seq: number, text = `m${seq}`): ConversationEvent {
  return { tenantId: DEMO_TENANT_ID, conversationId, seq, type: 'message.created', visibility: 'public', actor: { kind: 'customer' }, data: { text }, at: 1_795_000_000_000 + seq, clientId: `c${seq}` };
}

describe.each(testDialects())('storage on %s', (dialect) => {
  let database: TestDatabase;
  let db: Db;
  let repos: Repositories;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    db = await database.open();
    repos = createRepositories(db);
    await seedDemoTenant(db);
    await repos.contacts.insertOrGet({ id: 'ct_1', tenantId: DEMO_TENANT_ID, key: 'k1', pseudonym: 'AAAA-BBBB', identifierKind: 'visitor', identifier: 'v1', displayName: null }, 1);
  });

  afterAll(async () => {
    await db?.close();
    await database?.destroy();
  });

  it('runs the migrations again without changing anything', async () => {
    await migrateToLatest(db);
    expect((await repos.tenants.list()).map((t) => t.id)).toEqual([DEMO_TENANT_ID]);
  });

  it('seeds the demo tenant once: three lines, one anonymous, queues and agents', async () => {
    await seedDemoTenant(db);
    const lines = await repos.lines.listLines(DEMO_TENANT_ID);
    expect(lines).toHaveLength(3);
    expect(lines.filter((l) => l.anonymous).map((l) => l.name)).toEqual(['Kinderlijn']);
    expect(lines.find((l) => l.id === DEMO_LINES.kinderlijn)!.phases).toHaveLength(5);
    expect((await repos.lines.listQueues(DEMO_TENANT_ID)).length).toBeGreaterThanOrEqual(4);
    expect((await repos.users.listByTenant(DEMO_TENANT_ID)).length).toBeGreaterThanOrEqual(8);
  });

  it('seeds the knowledge articles once and keeps a newer version over an older one', async () => {
    const bank = await repos.knowledge.listByLine(DEMO_TENANT_ID, DEMO_LINES.bank);
    expect(bank.length).toBe(15);
    const card = await repos.knowledge.get(DEMO_TENANT_ID, 'kb_kaart_blokkeren_nl');
    expect(card?.steps).toHaveLength(4);
    expect(card?.steps[2]?.warning).toMatch(/Zuid-code/);
    expect(card?.warnings[0]).toMatch(/Phishing/);
    expect(typeof card?.updatedAt).toBe('number');
    expect((await repos.knowledge.listByLine(DEMO_TENANT_ID, DEMO_LINES.kinderlijn)).every((a) => a.visibility === 'internal')).toBe(true);

    expect(await repos.knowledge.save({ ...card!, version: 2, title: 'Kaart blokkeren (v2)' })).toBe(true);
    expect(await repos.knowledge.save({ ...card!, version: 1, title: 'oud' })).toBe(false);
    expect(await repos.knowledge.save({ ...card!, tenantId: 'tn_other', version: 9 })).toBe(false);
    expect((await repos.knowledge.get(DEMO_TENANT_ID, card!.id))?.title).toBe('Kaart blokkeren (v2)');
    expect(await repos.knowledge.get('tn_other', card!.id)).toBeUndefined();
  });

  it('keeps one contact per key when the same key is inserted twice', async () => {
    const again = await repos.contacts.insertOrGet({ id: 'ct_other', tenantId: DEMO_TENANT_ID, key: 'k1', pseudonym: 'X', identifierKind: 'visitor', identifier: null, displayName: null }, 2);
    expect(again.id).toBe('ct_1');
  });

  it('commits events and the conversation row together through the journal, in order', async () => {
    const journal = new Journal(db, repos);
    const c = conversation('cv_journal');
    const writes = [journal.write({ events: [event(c.id, 1)], conversation: c })];
    for (let seq = 2; seq <= 50; seq++) writes.push(journal.write({ events: [event(c.id, seq)] }));
    writes.push(journal.write({ events: [], conversation: { ...c, state: 'active', assignedAgentId: 'us_thomas' } }));
    await Promise.all(writes);
    const stored = await repos.events.listAfter(c.id, 0, 500);
    expect(stored.map((e) => e.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(stored[0]).toEqual(event(c.id, 1));
    expect(await repos.events.lastSeq(c.id)).toBe(50);
    expect((await repos.events.listAfter(c.id, 47, 500)).map((e) => e.seq)).toEqual([48, 49, 50]);
    const row = await repos.conversations.get(DEMO_TENANT_ID, c.id);
    expect(row).toMatchObject({ state: 'active', assignedAgentId: 'us_thomas', context: { page: '/kaart' } });
  });

  it('rejects a whole batch, and acknowledges none of it, when one event repeats a sequence number', async () => {
    const journal = new Journal(db, repos);
    const c = conversation('cv_dup');
    await journal.write({ events: [event(c.id, 1)], conversation: c });
    const results = await Promise.allSettled([journal.write({ events: [event(c.id, 2)] }), journal.write({ events: [event(c.id, 2, 'again')] })]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect((results[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'STORAGE_UNAVAILABLE', retryable: true });
    expect((await repos.events.listAfter(c.id, 0, 10)).map((e) => e.seq)).toEqual([1]);
  });

  it('lists open conversations and a contact’s history on one line', async () => {
    await repos.conversations.upsert(conversation('cv_closed', { state: 'closed', createdAt: 1_795_000_000_500 }));
    const open = await repos.conversations.listOpen(DEMO_TENANT_ID);
    expect(open.map((c) => c.id)).toContain('cv_journal');
    expect(open.map((c) => c.id)).not.toContain('cv_closed');
    const history = await repos.conversations.listByContactOnLine(DEMO_TENANT_ID, 'ct_1', DEMO_LINES.bank, 10);
    expect(history[0]!.id).toBe('cv_closed');
    expect(await repos.conversations.listByContactOnLine(DEMO_TENANT_ID, 'ct_1', DEMO_LINES.energie, 10)).toEqual([]);
  });

  it('returns recent client ids with their sequence numbers for duplicate detection', async () => {
    expect((await repos.events.recentClientIds('cv_journal', 3)).map((r) => r.seq)).toEqual([50, 49, 48]);
  });
});
