import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaffClient, WidgetClient } from '../support/api-client.js';
import { testDialects } from '../support/databases.js';
import type { FrameSocket } from '../support/frame-socket.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const BANK = 'ln_bankzuid';

type Mode = 'ok' | 'slow' | 'error' | 'garbage';

/** A local stand-in for an OpenAI-compatible provider: answers per `mode`, records what it was sent. */
async function startFakeProvider(): Promise<{ url: string; mode: Mode; received: Array<{ path: string; auth: string | undefined; body: { model: string; messages: Array<{ role: string; content: string }> } }>; close(): Promise<void> }> {
  const state = { mode: 'ok' as Mode, received: [] as Array<{ path: string; auth: string | undefined; body: { model: string; messages: Array<{ role: string; content: string }> } }> };
  const read = (req: IncomingMessage) => new Promise<string>((resolve) => {
    let data = '';
    req.on('data', (chunk) => (data += chunk));
    req.on('end', () => resolve(data));
  });
  const server: Server = createServer(async (req, res) => {
    state.received.push({ path: req.url ?? '', auth: req.headers.authorization, body: JSON.parse(await read(req)) });
    if (state.mode === 'error') return void res.writeHead(500).end('{"error":"down"}');
    if (state.mode === 'garbage') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"choices":[{"message":{"content":"not json at all"}}]}');
    if (state.received.at(-1)!.body.messages[0]!.content.includes('internal helpdesk')) {
      return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ choices: [{ message: { role: 'assistant', content: 'Blokkeer de kaart meteen en meld de fraude.' } }] }));
    }
    const answer = { question: 'De klant is zijn kaart kwijt.', outcome: 'De kaart is geblokkeerd.', summary: ['De klant meldde een gestolen kaart.', 'De medewerker blokkeerde de kaart.'] };
    const send = () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ choices: [{ message: { role: 'assistant', content: JSON.stringify(answer) } }] }));
    if (state.mode === 'slow') setTimeout(send, 1_500);
    else send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    get mode() {
      return state.mode;
    },
    set mode(m: Mode) {
      state.mode = m;
    },
    received: state.received,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

interface Summary {
  question: string | null;
  outcome: string | null;
  sentences: string[];
  source: string;
  fallback?: string;
}

describe.each(testDialects())('helpdesk bot and conversation summaries on %s', (dialect) => {
  let server: TestServer;
  let provider: Awaited<ReturnType<typeof startFakeProvider>>;
  let thomas: StaffClient;
  let thomasSocket: FrameSocket;

  beforeAll(async () => {
    provider = await startFakeProvider();
    server = await startTestServer(dialect, { LLM_BASE_URL: provider.url, LLM_API_KEY: 'test-key-123', LLM_MODEL: 'summariser-small', LLM_TIMEOUT_MS: '400' });
    thomas = await StaffClient.login(server.url, 'thomas@contactpunt.example');
    thomasSocket = await thomas.socket();
    await thomasSocket.request({ t: 'status.set', status: 'available' });
  });

  afterAll(async () => {
    await thomasSocket?.close();
    await server?.stop();
    await provider?.close();
  });

  const ask = (question: string, language = 'nl') => thomas.request<{ answer: { id: string; confidence: number; procedure: boolean } | null; results: Array<{ id: string }>; ranked: unknown[]; draft: { text: string | null; fallback?: string } | null }>('POST', '/api/knowledge/helpdesk', { lineId: BANK, language, question });

  it('does name the best article with its confidence, or say it is not sure and give search results', async () => {
    const sure = await ask('wat zijn signalen van phishing bij een klant?');
    expect(sure.status).toBe(200);
    expect(sure.body.answer?.id).toBe('kb_fraude_signalen_nl');
    expect(sure.body.answer!.confidence).toBeGreaterThanOrEqual(0.5);

    const procedure = await ask('how do I help a customer block a stolen card', 'en');
    expect(procedure.body.answer).toMatchObject({ id: 'kb_kaart_blokkeren_en', procedure: true });

    const unsure = await ask('vraag over verzekering of kaart');
    expect(unsure.body.answer).toBeNull();
    expect(unsure.body.results.length).toBeGreaterThan(0);
    expect(unsure.body.results.length).toBeLessThanOrEqual(3);

    // With a provider, a short draft answer from the found articles; the question leaves anonymised.
    provider.mode = 'ok';
    const drafted = await ask('klant Jan Peeters (0470 12 34 56) gaf zijn pincode door aan iemand die belde namens de bank');
    expect(drafted.body.answer?.id).toBe('kb_fraude_signalen_nl');
    expect(drafted.body.draft).toEqual({ text: 'Blokkeer de kaart meteen en meld de fraude.' });
    const sentQuestion = provider.received.at(-1)!.body.messages;
    expect(sentQuestion[0]!.content).toMatch(/Fraude-signalen herkennen/);
    expect(sentQuestion[1]!.content).toMatch(/pincode door/);
    expect(sentQuestion[1]!.content).not.toMatch(/Peeters|0470/);
    provider.mode = 'error';
    expect((await ask('klant gaf pincode door aan iemand die belde namens de bank')).body.draft).toEqual({ text: null, fallback: 'http' });
    provider.mode = 'ok';

    const ines = await StaffClient.login(server.url, 'ines@contactpunt.example');
    expect((await ines.request('POST', '/api/knowledge/helpdesk', { lineId: 'ln_nope', language: 'nl', question: 'x' })).status).toBe(404);
    expect((await ines.request('POST', '/api/knowledge/helpdesk', { lineId: BANK, language: 'nl', question: '' })).status).toBe(400);
  });

  it('does summarise with the provider from anonymised text, and fall back to extractive when it is slow, down or talks nonsense', async () => {
    const customer = await WidgetClient.start(server.url, BANK, { language: 'nl', visitorId: `visitor-summary-${dialect}` });
    const socket = await customer.socket();
    await thomasSocket.next((f) => f.t === 'offer' && f.conversationId === customer.conversationId, 10_000, 'offer');
    await thomasSocket.request({ t: 'offer.accept', conversationId: customer.conversationId });
    const say = (text: string) => socket.request({ t: 'message.send', conversationId: customer.conversationId, text });
    await say('Goedemiddag. Ik ben Jan Peeters en mijn bankkaart is vanochtend gestolen in de trein.');
    await say('Mijn nummer is 0470 12 34 56 als dat helpt.');
    const reply = (clientId: string, text: string, internal = false) => thomas.request('POST', `/api/conversations/${customer.conversationId}/messages`, { clientId, text, internal });
    await reply('a1', 'Vervelend om te horen, ik help je meteen.');
    await reply('a2', 'Notitie: klant klonk erg overstuur.', true);
    await reply('a3', 'Ik heb je kaart geblokkeerd en een nieuwe kaart besteld die binnen vijf werkdagen aankomt.');
    const path = `/api/conversations/${customer.conversationId}/summary`;

    provider.mode = 'ok';
    const llm = await thomas.request<Summary>('GET', path);
    expect(llm.status).toBe(200);
    expect(llm.body).toMatchObject({ source: 'llm', outcome: 'De kaart is geblokkeerd.' });
    const sent = provider.received.at(-1)!;
    expect(sent.path).toBe('/v1/chat/completions');
    expect(sent.auth).toBe('Bearer test-key-123');
    expect(sent.body.model).toBe('summariser-small');
    const transcript = sent.body.messages.map((m) => m.content).join('\n');
    expect(transcript).toMatch(/bankkaart is vanochtend gestolen/);
    // Nothing identifying, and no internal note, leaves for the provider.
    expect(transcript).not.toMatch(/Peeters|0470|overstuur/);

    for (const [mode, reason] of [['slow', 'timeout'], ['error', 'http'], ['garbage', 'invalid']] as const) {
      provider.mode = mode;
      const started = Date.now();
      const fallback = await thomas.request<Summary>('GET', path);
      expect(fallback.status).toBe(200);
      expect(fallback.body).toMatchObject({ source: 'extractive', fallback: reason });
      expect(fallback.body.question).toMatch(/bankkaart is vanochtend gestolen/);
      expect(fallback.body.outcome).toBe('Ik heb je kaart geblokkeerd en een nieuwe kaart besteld die binnen vijf werkdagen aankomt.');
      expect(fallback.body.sentences.join(' ')).not.toMatch(/overstuur/);
      if (mode === 'slow') expect(Date.now() - started).toBeLessThan(1_400);
    }

    // Another agent does not handle this contact and may not read the summary.
    const camille = await StaffClient.login(server.url, 'camille@contactpunt.example');
    expect((await camille.request('GET', path)).body).toMatchObject({ error: { code: 'NOT_PARTICIPANT' } });
    expect((await thomas.request('GET', '/api/conversations/cv_nope/summary')).status).toBe(404);

    // The history panel: once closed, Thomas reads its summary while handling the contact's next chat.
    provider.mode = 'error';
    await thomas.request('POST', `/api/conversations/${customer.conversationId}/close`, { wrapUpCode: 'opgelost' });
    const next = await WidgetClient.start(server.url, BANK, { language: 'nl', visitorId: `visitor-summary-${dialect}` });
    await thomasSocket.next((f) => f.t === 'offer' && f.conversationId === next.conversationId, 10_000, 'offer');
    await thomasSocket.request({ t: 'offer.accept', conversationId: next.conversationId });
    const lucas = await StaffClient.login(server.url, 'lucas@contactpunt.example');
    expect((await lucas.request('GET', path)).body).toMatchObject({ error: { code: 'NOT_PARTICIPANT' } });
    const history = await thomas.request<{ conversations: Array<{ id: string }> }>('GET', `/api/conversations/${next.conversationId}/history`);
    expect(history.body.conversations.map((c) => c.id)).toContain(customer.conversationId);
    const earlier = await thomas.request<Summary>('GET', path);
    expect(earlier.status).toBe(200);
    expect(earlier.body.outcome).toMatch(/kaart geblokkeerd/);
    await next.request('POST', '/end');
    await socket.close();
  });
});
