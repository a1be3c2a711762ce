import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { startCentraal, type RunningCentraal } from '../../src/start-centraal.js';
import { StaffClient } from '../support/api-client.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';

/**
 * Several nodes: the history is in the database, so every node lists the same versions; a
 * restore on one node is announced like a save (`knowledge.saved`), and the other node's search
 * index serves the restored content.
 */
const ARTICLE = 'kb_limiet_wijzigen_nl';

async function until(what: string, check: () => boolean | Promise<boolean>, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('article versions on several nodes', () => {
  let database: TestDatabase;
  const nodes: RunningCentraal[] = [];

  beforeAll(async () => {
    const redisUrl = process.env.TEST_REDIS_URL;
    if (!redisUrl || !process.env.TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL and TEST_REDIS_URL must be set: run the suite with `npm test` (scripts/test-all.sh)');
    database = await createTestDatabase('postgres');
    const run = `${process.pid}-${Date.now().toString(36)}`;
    const start = (name: string) =>
      startCentraal(
        loadConfig({ ...database.env, REDIS_URL: redisUrl, NODE_ID: `${name}-${run}`, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'fatal', DEMO_CUSTOMER_BOT: 'false', LEASE_TTL_SECONDS: '2', CONFIG_CHECK_SECONDS: '3600' }),
        { quiet: true },
      );
    nodes.push(await start('kv-a'));
    nodes.push(await start('kv-b'));
  });

  afterAll(async () => {
    for (const node of nodes) await node.stop().catch(() => undefined);
    await database?.destroy();
  });

  it('lists the same history on every node, and a restore on one node is served by the other', async () => {
    const [a, b] = nodes as [RunningCentraal, RunningCentraal];
    const onA = await StaffClient.login(a.url, 'ines@contactpunt.example');
    const onB = await StaffClient.login(b.url, 'ines@contactpunt.example');
    const tenantId = a.app.deps.directory.line('ln_bankzuid').tenantId;
    const original = a.app.deps.knowledge.get(tenantId, ARTICLE)!;

    const saved = await onA.request('PUT', `/api/knowledge/articles/${ARTICLE}`, { ...withoutIds(original), version: 2, title: 'Kaartlimiet aanpassen (Kwartaalnodewoord)', changeNote: 'op node A' });
    expect(saved.status, saved.text).toBe(200);
    await until('node B to serve version 2', () => b.app.deps.knowledge.get(tenantId, ARTICLE)?.version === 2, 10_000);

    const history = await onB.request<{ currentVersion: number; versions: Array<{ version: number; note: string | null }> }>('GET', `/api/knowledge/articles/${ARTICLE}/versions`);
    expect(history.body.currentVersion).toBe(2);
    expect(history.body.versions.map((v) => [v.version, v.note])).toEqual([[2, 'op node A'], [1, null]]);

    const restored = await onB.request('POST', `/api/knowledge/articles/${ARTICLE}/versions/1/restore`, { currentVersion: 2 });
    expect(restored.status, restored.text).toBe(200);
    await until('node A to serve the restored version 3', () => a.app.deps.knowledge.get(tenantId, ARTICLE)?.version === 3, 10_000);
    expect(a.app.deps.knowledge.get(tenantId, ARTICLE)?.title).toBe(original.title);
    const search = (node: RunningCentraal, q: string) => node.app.deps.knowledge.search({ tenantId, lineId: 'ln_bankzuid', text: q, visibility: 'all', limit: 10 }).hits.map((h) => h.id);
    expect(search(a, 'Kwartaalnodewoord')).not.toContain(ARTICLE);
    expect(search(a, original.title)).toContain(ARTICLE);
    // A restore from node A with the version node B already replaced is stale.
    const stale = await onA.request<{ error: { code: string } }>('POST', `/api/knowledge/articles/${ARTICLE}/versions/2/restore`, { currentVersion: 2 });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'KNOWLEDGE_STALE_VERSION']);
  });
});

function withoutIds<T extends { id: string; tenantId: string; updatedAt: number }>(article: T): Omit<T, 'id' | 'tenantId' | 'updatedAt'> {
  const { id: _id, tenantId: _tenant, updatedAt: _at, ...rest } = article;
  return rest;
}
