import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../src/storage/migrations/migrate.js';
import { createRepositories, createScratchPostgresDatabase, migrateToLatest, openDatabase, type Db, type DialectName } from '../../src/storage/index.js';
import { testDialects } from '../support/databases.js';

/**
 * Upgrading a database that has articles and unanswered questions to migration 0013: every
 * article gets its current version as the first history entry, the unanswered questions survive
 * the table rebuild (SQLite) or the new check (PostgreSQL), and the new reasons are accepted.
 */
async function openEmpty(dialect: DialectName): Promise<{ db: Db; destroy: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'centraal-upgrade-'));
  if (dialect === 'sqlite') {
    const db = await openDatabase({ dataDir, synchronous: 'NORMAL' });
    return { db, destroy: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const scratch = await createScratchPostgresDatabase(process.env.TEST_DATABASE_URL!, 'centraal_upgrade');
  const db = await openDatabase({ databaseUrl: scratch.url });
  return {
    db,
    destroy: async () => {
      await scratch.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

describe.each(testDialects())('migration 0013 on a database with data (%s)', (dialect) => {
  let db: Db;
  let destroy: () => Promise<void>;
  const now = 1_700_000_000_000;

  beforeAll(async () => {
    ({ db, destroy } = await openEmpty(dialect));
    const before = new Migrator({ db: db.kysely, provider: { getMigrations: async () => migrations(db.flags) }, allowUnorderedMigrations: true });
    const { error } = await before.migrateTo('0012-config-versions');
    if (error) throw error;
    const k = db.kysely;
    await k.insertInto('tenants').values({ id: 'tn_up', name: 'Upgrade', secret: 's', created_at: now }).execute();
    await k.insertInto('clients').values({ id: 'cl_up', tenant_id: 'tn_up', name: 'Upgrade' }).execute();
    await k.insertInto('lines').values({ id: 'ln_up', tenant_id: 'tn_up', client_id: 'cl_up', name: 'Upgrade', anonymous: 0, settings: '{}' }).execute();
    for (const [id, version] of [['kb_one', 1], ['kb_three', 3]] as const) {
      await k
        .insertInto('knowledge_articles')
        .values({ id, tenant_id: 'tn_up', line_id: 'ln_up', language: 'nl', title: `Titel ${id}`, body: 'Tekst', topic_id: 't', subtopic_id: null, visibility: 'public', version, updated_at: now + version, tags: '["x"]', steps: '[]', warnings: '[]' })
        .execute();
    }
    await k
      .insertInto('bot_unanswered')
      .values({ id: 'uq_up', tenant_id: 'tn_up', line_id: 'ln_up', conversation_id: 'cv_up', language: 'nl', text: 'Oude vraag', reason: 'out_of_scope', top_intent: null, top_confidence: null, status: 'open', resolved_intent: null, created_at: now, resolved_at: null })
      .execute();
    await migrateToLatest(db);
  });

  afterAll(async () => {
    await db?.close();
    await destroy?.();
  });

  it('copies every article in as its first history entry, author unknown', async () => {
    const repos = createRepositories(db);
    const three = await repos.knowledge.listVersions('tn_up', 'kb_three');
    expect(three).toEqual([{ articleId: 'kb_three', version: 3, title: 'Titel kb_three', visibility: 'public', savedAt: now + 3, savedBy: null, note: null, restoredFrom: null }]);
    expect((await repos.knowledge.getVersion('tn_up', 'kb_one', 1))?.article).toMatchObject({ id: 'kb_one', tenantId: 'tn_up', tags: ['x'], steps: [], version: 1 });
    // And the next save appends to it.
    const current = (await repos.knowledge.get('tn_up', 'kb_one'))!;
    expect(await repos.knowledge.save({ ...current, version: 2, title: 'Nieuw' }, { savedBy: 'us_x', note: 'na de upgrade' })).toBe(true);
    expect((await repos.knowledge.listVersions('tn_up', 'kb_one')).map((v) => [v.version, v.savedBy])).toEqual([[2, 'us_x'], [1, null]]);
  });

  it('keeps the unanswered questions and accepts the new reasons, still refusing unknown ones', async () => {
    const repos = createRepositories(db);
    expect(await repos.unanswered.get('tn_up', 'uq_up')).toMatchObject({ text: 'Oude vraag', reason: 'out_of_scope', status: 'open' });
    for (const reason of ['repeat', 'max_turns'] as const) {
      await repos.unanswered.insert({ id: `uq_${reason}`, tenantId: 'tn_up', lineId: 'ln_up', conversationId: 'cv_up', language: 'nl', text: reason, reason, topIntent: null, topConfidence: null, status: 'open', resolvedIntent: null, createdAt: now, resolvedAt: null });
    }
    expect((await repos.unanswered.list('tn_up', 'ln_up', 'open', 10, 'repeat')).map((q) => q.id)).toEqual(['uq_repeat']);
    await expect(sql`insert into bot_unanswered (id, tenant_id, line_id, conversation_id, language, text, reason, status, created_at) values ('uq_bad', 'tn_up', 'ln_up', 'cv_up', 'nl', 'x', 'bogus', 'open', ${now})`.execute(db.kysely)).rejects.toThrow();
    await expect(sql`insert into bot_unanswered (id, tenant_id, line_id, conversation_id, language, text, reason, status, created_at) values ('uq_bad2', 'tn_up', 'ln_up', 'cv_up', 'nl', 'x', 'repeat', 'weird', ${now})`.execute(db.kysely)).rejects.toThrow();
  });
});
