import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../support/databases.js';
import { startInProcess, type InProcessServer } from '../support/in-process-server.js';
import { seedSecondTenant, TENANT_B } from '../support/second-tenant.js';

const ARTICLE = 'kb_iso_versions_nl';
const BANK = 'ln_bankzuid';

interface VersionList {
  articleId: string;
  currentVersion: number;
  versions: Array<{ version: number; title: string; savedAt: string; savedBy: { id: string; name: string } | null; note: string | null; restoredFrom: number | null }>;
}
interface DiffResult {
  from: number;
  to: number;
  diff: { changed: boolean; fields: Array<{ field: string; changed: boolean; lines: Array<{ op: string; text: string; step?: number; part?: string }> }> };
}

const content = (version: number, change: Record<string, unknown> = {}) => ({
  lineId: BANK,
  language: 'nl',
  title: 'Spaarrekening openen',
  body: 'Open een spaarrekening in de app.\nDe rente is variabel.\nZeldzaamwoordeen staat alleen in versie een.',
  topicId: 'app',
  visibility: 'internal',
  version,
  tags: ['spaarrekening'],
  ...change,
});

/**
 * The knowledge base's version history over HTTP, on both databases: every save is kept with its
 * author; a content manager lists, reads and compares versions and restores one, which saves a
 * new version that search then serves; a stale restore and other tenants' ids are refused.
 */
describe.each(testDialects())('knowledge article versions on %s', (dialect) => {
  let server: InProcessServer;
  let ines: Awaited<ReturnType<InProcessServer['login']>>;
  let beheer: Awaited<ReturnType<InProcessServer['login']>>;

  beforeAll(async () => {
    server = await startInProcess(dialect, { LOGINS_PER_MINUTE: '100' }, { prepare: (db) => seedSecondTenant(db) });
    ines = await server.login('ines@contactpunt.example');
    beheer = await server.login('beheer@contactpunt.example');
  });

  afterAll(async () => server?.stop());

  const json = <T>(response: { json: () => unknown }) => response.json() as T;
  const search = async (q: string) =>
    json<{ hits: Array<{ id: string }> }>(await server.as(ines, 'GET', `/api/knowledge/search?lineId=${BANK}&q=${encodeURIComponent(q)}`)).hits.map((h) => h.id);

  it('keeps every saved version with its author and note, shows one, compares two and restores one as a new version', async () => {
    const v1 = await server.as(ines, 'PUT', `/api/knowledge/articles/${ARTICLE}`, { ...content(1), changeNote: 'Eerste versie' });
    expect(v1.statusCode, v1.body).toBe(200);
    const v2 = await server.as(beheer, 'PUT', `/api/knowledge/articles/${ARTICLE}`, {
      ...content(2, { title: 'Spaarrekening openen of sluiten', steps: [{ title: 'Open de app', body: 'Ga naar Sparen.' }] }),
    });
    expect(v2.statusCode, v2.body).toBe(200);
    const v3 = await server.as(ines, 'PUT', `/api/knowledge/articles/${ARTICLE}`, {
      ...content(3, { title: 'Spaarrekening openen of sluiten', body: 'Open een spaarrekening in de app.\nDe rente is vast: Kwartaalrentewoord.', visibility: 'public', steps: [{ title: 'Open de app', body: 'Ga naar Sparen.', tip: 'Ook op de website.' }] }),
      changeNote: 'Rente aangepast',
    });
    expect(v3.statusCode, v3.body).toBe(200);

    // The history, newest first, with who saved each version.
    const list = await server.as(ines, 'GET', `/api/knowledge/articles/${ARTICLE}/versions`);
    expect(list.statusCode).toBe(200);
    const history = json<VersionList>(list);
    expect(history.currentVersion).toBe(3);
    expect(history.versions.map((v) => [v.version, v.savedBy?.id, v.savedBy?.name, v.note, v.restoredFrom])).toEqual([
      [3, 'us_ines', 'Ines Claes', 'Rente aangepast', null],
      [2, 'us_beheer', 'Beheerder', null, null],
      [1, 'us_ines', 'Ines Claes', 'Eerste versie', null],
    ]);
    expect(Date.parse(history.versions[0]!.savedAt)).toBeGreaterThan(Date.now() - 60_000);

    // One old version with its full content.
    const one = await server.as(ines, 'GET', `/api/knowledge/articles/${ARTICLE}/versions/1`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ id: ARTICLE, version: 1, title: 'Spaarrekening openen', visibility: 'internal', steps: [], savedBy: { id: 'us_ines' }, note: 'Eerste versie' });
    expect(one.json().body).toContain('Zeldzaamwoordeen');
    expect(one.json()).not.toHaveProperty('tenantId');

    // The diff of version 1 against the current one, field by field.
    const diffed = await server.as(ines, 'GET', `/api/knowledge/articles/${ARTICLE}/diff?from=1`);
    expect(diffed.statusCode).toBe(200);
    const { from, to, diff } = json<DiffResult>(diffed);
    expect([from, to, diff.changed]).toEqual([1, 3, true]);
    const field = (name: string) => diff.fields.find((f) => f.field === name)!;
    expect(diff.fields.filter((f) => f.changed).map((f) => f.field)).toEqual(['title', 'body', 'steps', 'visibility']);
    expect(field('title').lines).toEqual([{ op: 'removed', text: 'Spaarrekening openen' }, { op: 'added', text: 'Spaarrekening openen of sluiten' }]);
    expect(field('body').lines).toEqual([
      { op: 'same', text: 'Open een spaarrekening in de app.' },
      { op: 'removed', text: 'De rente is variabel.' },
      { op: 'removed', text: 'Zeldzaamwoordeen staat alleen in versie een.' },
      { op: 'added', text: 'De rente is vast: Kwartaalrentewoord.' },
    ]);
    expect(field('steps').lines).toEqual([
      { op: 'added', text: 'Open de app', step: 1, part: 'title' },
      { op: 'added', text: 'Ga naar Sparen.', step: 1, part: 'body' },
      { op: 'added', text: 'Ook op de website.', step: 1, part: 'tip' },
    ]);
    const between = json<DiffResult>(await server.as(ines, 'GET', `/api/knowledge/articles/${ARTICLE}/diff?from=2&to=3`));
    expect(between.diff.fields.filter((f) => f.changed).map((f) => f.field)).toEqual(['body', 'steps', 'visibility']);

    // Search serves version 3: the word only version 1 had is not found.
    expect(await search('Zeldzaamwoordeen')).not.toContain(ARTICLE);
    expect(await search('Kwartaalrentewoord')).toContain(ARTICLE);

    // Restore version 1: a new version 4 with version 1's content; the history keeps all four.
    const restored = await server.as(ines, 'POST', `/api/knowledge/articles/${ARTICLE}/versions/1/restore`, { currentVersion: 3, note: 'Terug naar de eerste tekst' });
    expect(restored.statusCode, restored.body).toBe(200);
    expect(restored.json()).toMatchObject({ id: ARTICLE, version: 4, title: 'Spaarrekening openen', visibility: 'internal', steps: [] });
    const after = json<VersionList>(await server.as(ines, 'GET', `/api/knowledge/articles/${ARTICLE}/versions`));
    expect(after.currentVersion).toBe(4);
    expect(after.versions.map((v) => [v.version, v.savedBy?.id, v.note, v.restoredFrom])).toEqual([
      [4, 'us_ines', 'Terug naar de eerste tekst', 1],
      [3, 'us_ines', 'Rente aangepast', null],
      [2, 'us_beheer', null, null],
      [1, 'us_ines', 'Eerste versie', null],
    ]);
    const current = await server.as(ines, 'GET', `/api/knowledge/articles/${ARTICLE}`);
    expect(current.json()).toMatchObject({ version: 4, title: 'Spaarrekening openen', body: content(1).body });
    expect(json<DiffResult>(await server.as(ines, 'GET', `/api/knowledge/articles/${ARTICLE}/diff?from=1`)).diff.changed).toBe(false);
    // The index serves version 4's content.
    expect(await search('Zeldzaamwoordeen')).toContain(ARTICLE);
    expect(await search('Kwartaalrentewoord')).not.toContain(ARTICLE);
    // The stored article row and its history agree (same transaction).
    const { repos } = server.running.app.deps;
    expect((await repos.knowledge.get('tn_contactpunt', ARTICLE))?.version).toBe(4);
    expect((await repos.knowledge.getVersion('tn_contactpunt', ARTICLE, 4))?.article.title).toBe('Spaarrekening openen');
  });

  it('refuses a stale restore or save, and names unknown articles and versions', async () => {
    const stale = await server.as(ines, 'POST', `/api/knowledge/articles/${ARTICLE}/versions/2/restore`, { currentVersion: 3 });
    expect([stale.statusCode, stale.json().error.code]).toEqual([409, 'KNOWLEDGE_STALE_VERSION']);
    const staleSave = await server.as(ines, 'PUT', `/api/knowledge/articles/${ARTICLE}`, content(4));
    expect([staleSave.statusCode, staleSave.json().error.code]).toEqual([409, 'KNOWLEDGE_STALE_VERSION']);
    // Nothing was added to the history by the refused requests.
    expect(json<VersionList>(await server.as(ines, 'GET', `/api/knowledge/articles/${ARTICLE}/versions`)).versions).toHaveLength(4);

    const noVersion = await server.as(ines, 'GET', `/api/knowledge/articles/${ARTICLE}/versions/99`);
    expect([noVersion.statusCode, noVersion.json().error.code]).toEqual([404, 'KNOWLEDGE_ARTICLE_VERSION_NOT_FOUND']);
    const noVersionRestore = await server.as(ines, 'POST', `/api/knowledge/articles/${ARTICLE}/versions/99/restore`, { currentVersion: 4 });
    expect([noVersionRestore.statusCode, noVersionRestore.json().error.code]).toEqual([404, 'KNOWLEDGE_ARTICLE_VERSION_NOT_FOUND']);
    const noDiff = await server.as(ines, 'GET', `/api/knowledge/articles/${ARTICLE}/diff?from=1&to=99`);
    expect([noDiff.statusCode, noDiff.json().error.code]).toEqual([404, 'KNOWLEDGE_ARTICLE_VERSION_NOT_FOUND']);
    const noArticle = await server.as(ines, 'GET', '/api/knowledge/articles/kb_does_not_exist/versions');
    expect([noArticle.statusCode, noArticle.json().error.code]).toEqual([404, 'KNOWLEDGE_ARTICLE_NOT_FOUND']);
    const badVersion = await server.as(ines, 'GET', `/api/knowledge/articles/${ARTICLE}/versions/zero`);
    expect([badVersion.statusCode, badVersion.json().error.code]).toEqual([400, 'INVALID_INPUT']);
    // A new article with a version past nine digits would overflow PostgreSQL's integer column: refused up front.
    const hugeVersion = await server.as(ines, 'PUT', '/api/knowledge/articles/kb_huge_version', content(2 ** 40));
    expect([hugeVersion.statusCode, hugeVersion.json().error.code]).toEqual([400, 'INVALID_INPUT']);
    const badBody = await server.as(ines, 'POST', `/api/knowledge/articles/${ARTICLE}/versions/1/restore`, {});
    expect([badBody.statusCode, badBody.json().error.code]).toEqual([400, 'INVALID_INPUT']);
  });

  it('is for content managers and admins only, and another tenant sees nothing of it', async () => {
    const marleen = await server.login('marleen@contactpunt.example');
    const forbidden = await server.as(marleen, 'GET', `/api/knowledge/articles/${ARTICLE}/versions`);
    expect([forbidden.statusCode, forbidden.json().error.code]).toEqual([403, 'FORBIDDEN']);
    expect((await server.as(beheer, 'GET', `/api/knowledge/articles/${ARTICLE}/versions`)).statusCode).toBe(200);

    const bAdmin = await server.login(`${TENANT_B.adminId}@tenant-b.example`, TENANT_B.password);
    for (const [method, url, body] of [
      ['GET', `/api/knowledge/articles/${ARTICLE}/versions`],
      ['GET', `/api/knowledge/articles/${ARTICLE}/versions/1`],
      ['GET', `/api/knowledge/articles/${ARTICLE}/diff?from=1`],
      ['POST', `/api/knowledge/articles/${ARTICLE}/versions/1/restore`, { currentVersion: 4 }],
    ] as const) {
      const response = await server.as(bAdmin, method, url, body);
      expect([url, response.statusCode, response.json().error.code]).toEqual([url, 404, 'KNOWLEDGE_ARTICLE_NOT_FOUND']);
    }
    // And tenant A's content manager cannot reach tenant B's article history.
    const other = await server.as(ines, 'POST', `/api/knowledge/articles/${TENANT_B.articleId}/versions/1/restore`, { currentVersion: 1 });
    expect([other.statusCode, other.json().error.code]).toEqual([404, 'KNOWLEDGE_ARTICLE_NOT_FOUND']);
    expect((await server.running.app.deps.repos.knowledge.get('tn_contactpunt', ARTICLE))?.version).toBe(4);
  });

  it('writes the article row and its history entry in one transaction, and knows the seeded articles from their first version', async () => {
    const { repos } = server.running.app.deps;
    const seeded = await repos.knowledge.listVersions('tn_contactpunt', 'kb_kaart_blokkeren_nl');
    expect(seeded.map((v) => [v.version, v.savedBy])).toEqual([[1, null]]);
    // A history row that is in the way (written behind the repository's back) fails the save as a whole.
    const article = (await repos.knowledge.get('tn_contactpunt', ARTICLE))!;
    await server.running.db.kysely
      .insertInto('knowledge_article_versions')
      .values({ tenant_id: 'tn_contactpunt', article_id: ARTICLE, version: 5, line_id: BANK, language: 'nl', title: 'x', body: '', topic_id: 'app', subtopic_id: null, visibility: 'internal', tags: '[]', steps: '[]', warnings: '[]', saved_at: Date.now(), saved_by: null, note: null, restored_from: null })
      .execute();
    await expect(repos.knowledge.save({ ...article, version: 5, title: 'Mag niet blijven staan' }, { savedBy: 'us_ines' })).rejects.toThrow();
    expect((await repos.knowledge.get('tn_contactpunt', ARTICLE))?.title).toBe(article.title);
    expect((await repos.knowledge.get('tn_contactpunt', ARTICLE))?.version).toBe(4);
  });
});
