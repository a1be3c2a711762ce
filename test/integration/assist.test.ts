import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaffClient, WidgetClient } from '../support/api-client.js';
import { testDialects } from '../support/databases.js';
import type { FrameSocket } from '../support/frame-socket.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const BANK = 'ln_bankzuid';
interface Hit { id: string; title: string; snippet: string; visibility: string; topicId: string; subtopicId: string | null; procedure: boolean }
interface Search { hits: Hit[]; total: number; facets: { topics: Array<{ id: string; count: number }>; subtopics: Array<{ id: string; topicId: string; count: number }> } }
interface Assist {
  intents: string[];
  warnings: Array<{ id: string; severity: string; advice: Record<string, string> }>;
  articles: Array<Hit & { reason: string }>;
  procedure: { articleId: string; steps: Array<{ title: string; screen?: string; tip?: string; warning?: string }>; warnings: string[] } | null;
}

describe.each(testDialects())('knowledge search and the assist panel on %s', (dialect) => {
  let server: TestServer;
  let thomas: StaffClient;
  let thomasSocket: FrameSocket;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    thomas = await StaffClient.login(server.url, 'thomas@contactpunt.example');
    thomasSocket = await thomas.socket();
    await thomasSocket.request({ t: 'status.set', status: 'available' });
  });

  afterAll(async () => {
    await thomasSocket?.close();
    await server?.stop();
  });

  const search = (query: string) => thomas.request<Search>('GET', `/api/knowledge/search?${query}`);

  it('does find the card-blocking article for a query with a typo, with topic and subtopic facets', async () => {
    const result = await search(`lineId=${BANK}&language=nl&q=${encodeURIComponent('kaart blokeren')}`);
    expect(result.status).toBe(200);
    expect(result.body.hits[0]).toMatchObject({ id: 'kb_kaart_blokkeren_nl', visibility: 'public', topicId: 'kaart', subtopicId: 'blokkeren', procedure: true });
    expect(result.body.facets.topics.find((t) => t.id === 'kaart')?.count).toBeGreaterThanOrEqual(1);
    expect(result.body.facets.subtopics).toContainEqual(expect.objectContaining({ id: 'blokkeren', topicId: 'kaart' }));

    const filtered = await search(`lineId=${BANK}&language=nl&q=&topicId=verzekering`);
    expect(filtered.body.hits.map((h) => h.id)).toEqual(['kb_ziekenhuisopname_nl']);
    // Facets are counted before the topic filter, so every chip keeps its count.
    expect(filtered.body.facets.topics.map((t) => t.id).sort()).toEqual(['app', 'kaart', 'verzekering']);
  });

  it('does show agents internal articles, and keeps them out of a public search', async () => {
    const staff = await search(`lineId=${BANK}&language=en&q=${encodeURIComponent('fraud signals phishing')}`);
    expect(staff.body.hits[0]).toMatchObject({ id: 'kb_fraude_signalen_en', visibility: 'internal' });
    const publicOnly = server.running.app.deps.knowledge.search({ tenantId: 'tn_contactpunt', lineId: BANK, language: 'en', text: 'fraud signals phishing', visibility: 'public', limit: 10 });
    expect(publicOnly.hits.every((h) => h.visibility === 'public')).toBe(true);
    expect(publicOnly.hits.some((h) => h.id === 'kb_fraude_signalen_en')).toBe(false);
  });

  it('does refuse a line of no tenant of the caller and a missing article', async () => {
    expect((await search('lineId=ln_elsewhere&q=kaart')).body).toMatchObject({ error: { code: 'LINE_NOT_FOUND' } });
    expect((await thomas.request('GET', '/api/knowledge/articles/kb_missing')).status).toBe(404);
    const article = await thomas.request<{ steps: unknown[]; warnings: string[] }>('GET', '/api/knowledge/articles/kb_kaart_blokkeren_fr');
    expect(article.body.steps).toHaveLength(4);
    expect(article.body.warnings[0]).toMatch(/Hameçonnage/);
  });

  it('does let a content manager save a newer version that search finds at once, and refuses an older one', async () => {
    const ines = await StaffClient.login(server.url, 'ines@contactpunt.example');
    const article = { lineId: BANK, language: 'nl', title: 'Beleggingsrekening openen', body: 'Een beleggingsrekening open je in de Zuid App onder Beleggen.', topicId: 'beleggen', visibility: 'public', version: 1 };
    expect((await ines.request('PUT', `/api/knowledge/articles/kb_beleggen_${dialect}`, article)).status).toBe(200);
    expect((await search(`lineId=${BANK}&q=beleggingsrekening`)).body.hits[0]?.id).toBe(`kb_beleggen_${dialect}`);
    const stale = await ines.request('PUT', `/api/knowledge/articles/kb_beleggen_${dialect}`, article);
    expect(stale.body).toMatchObject({ error: { code: 'KNOWLEDGE_STALE_VERSION' } });
    expect((await thomas.request('PUT', `/api/knowledge/articles/kb_beleggen_${dialect}`, { ...article, version: 2 })).status).toBe(403);
  });

  it('does suggest the card-blocking procedure and a phishing warning for a stolen card after a fake bank call', async () => {
    const customer = await WidgetClient.start(server.url, BANK, { language: 'nl', visitorId: `visitor-assist-${dialect}-0001` });
    const socket = await customer.socket();
    await thomasSocket.next((f) => f.t === 'offer' && f.conversationId === customer.conversationId, 10_000, 'offer');
    await thomasSocket.request({ t: 'offer.accept', conversationId: customer.conversationId });
    const before = await thomas.request<Assist>('GET', `/api/conversations/${customer.conversationId}/assist`);
    expect(before.body).toMatchObject({ warnings: [], articles: [], procedure: null });

    await socket.request({ t: 'message.send', conversationId: customer.conversationId, text: 'Mijn kaart is gestolen' });
    await socket.request({ t: 'message.send', conversationId: customer.conversationId, text: 'iemand belde namens de bank en ik heb mijn code gegeven' });
    const assist = await thomas.request<Assist>('GET', `/api/conversations/${customer.conversationId}/assist`);
    expect(assist.status).toBe(200);
    expect(assist.body.procedure?.articleId).toBe('kb_kaart_blokkeren_nl');
    expect(assist.body.procedure?.steps).toHaveLength(4);
    expect(assist.body.procedure?.steps.some((s) => s.warning && s.tip === undefined)).toBe(true);
    expect(assist.body.warnings.map((w) => w.id)).toEqual(['code_shared', 'caller_posing_as_bank']);
    expect(assist.body.warnings[0]?.advice.nl).toMatch(/blokkeer meteen/);
    expect(assist.body.articles.length).toBeLessThanOrEqual(3);
    // Both the procedure and the internal fraud guidance are among the three suggestions.
    expect(assist.body.articles.map((a) => a.id)).toEqual(expect.arrayContaining(['kb_kaart_blokkeren_nl', 'kb_fraude_signalen_nl']));

    // Another agent of the tenant, not assigned, may not read the suggestions.
    const camille = await StaffClient.login(server.url, 'camille@contactpunt.example');
    expect((await camille.request('GET', `/api/conversations/${customer.conversationId}/assist`)).body).toMatchObject({ error: { code: 'NOT_PARTICIPANT' } });
    await customer.request('POST', '/end');
    await socket.close();
  });
});
