import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WhatsAppAdapter } from '../../src/channels/whatsapp/whatsapp-adapter.js';
import { signBody } from '../../src/channels/whatsapp/webhook-signature.js';
import { StaffClient } from '../support/api-client.js';
import { testDialects } from '../support/databases.js';
import type { FrameSocket } from '../support/frame-socket.js';
import { LocalGraphApi } from '../support/local-graph-api.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const APP_SECRET = 'test-app-secret-0123456789';
const VERIFY_TOKEN = 'verify-token-abcdef';
const ACCESS_TOKEN = 'EAAG-test-access-token';
const PHONE_NUMBER_ID = '100200300400500';
const CUSTOMER = '32471112233';

type Payload = { entry: Array<{ changes: Array<{ value: { messages?: Array<Record<string, unknown>>; statuses?: Array<Record<string, unknown>>; contacts?: Array<{ wa_id: string }> } }> }> };
type WireEvent = { conversationId: string; seq: number; type: string; actor: { kind: string }; data: Record<string, unknown> };

/** A recorded Cloud API webhook payload from test/fixtures/whatsapp, with its message times set to `at` (seconds). */
function fixture(name: string, change: (value: Payload['entry'][0]['changes'][0]['value']) => void = () => undefined): Payload {
  const payload = JSON.parse(readFileSync(new URL(`../fixtures/whatsapp/${name}.json`, import.meta.url), 'utf8')) as Payload;
  const value = payload.entry[0]!.changes[0]!.value;
  for (const m of value.messages ?? []) m.timestamp = String(Math.floor(Date.now() / 1000));
  change(value);
  return payload;
}

function fromNumber(number: string, id: string) {
  return (value: Payload['entry'][0]['changes'][0]['value']) => {
    for (const m of value.messages ?? []) {
      m.from = number;
      m.id = id;
    }
    for (const c of value.contacts ?? []) c.wa_id = number;
  };
}

describe.each(testDialects())('the WhatsApp channel on %s', (dialect) => {
  let graph: LocalGraphApi;
  let server: TestServer;
  let thomas: StaffClient;
  let socket: FrameSocket;

  beforeAll(async () => {
    graph = await LocalGraphApi.start(ACCESS_TOKEN);
    server = await startTestServer(dialect, {
      WHATSAPP_GRAPH_BASE_URL: graph.url,
      WHATSAPP_APP_SECRET: APP_SECRET,
      WHATSAPP_VERIFY_TOKEN: VERIFY_TOKEN,
      WHATSAPP_ACCESS_TOKEN: ACCESS_TOKEN,
      CHANNEL_OUTBOX_INTERVAL_MS: '50',
    });
    thomas = await StaffClient.login(server.url, 'thomas@contactpunt.example');
    socket = await thomas.socket();
    await socket.request({ t: 'status.set', status: 'available' });
  });

  afterAll(async () => {
    await socket?.close();
    await server?.stop();
    await graph?.close();
  });

  async function post(payload: unknown, signature: string | null = `sha256=${signBody(APP_SECRET, JSON.stringify(payload))}`) {
    const body = JSON.stringify(payload);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (signature !== null) headers['x-hub-signature-256'] = signature;
    const response = await fetch(`${server.url}/api/channels/whatsapp/webhook`, { method: 'POST', headers, body });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> & { error?: { code: string; message: string } } };
  }

  async function events(conversationId: string): Promise<WireEvent[]> {
    return (await thomas.request<{ events: WireEvent[] }>('GET', `/api/conversations/${conversationId}/events?after=0`)).body.events;
  }

  async function acceptNextOffer(): Promise<string> {
    const offer = await socket.next((f) => f.t === 'offer');
    expect((offer.offer as { channel: string }).channel).toBe('whatsapp');
    await socket.request({ t: 'offer.accept', conversationId: offer.conversationId });
    return String(offer.conversationId);
  }

  it('answers the verification handshake only with the right verify token', async () => {
    const ok = await fetch(`${server.url}/api/channels/whatsapp/webhook?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1158201444`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('1158201444');
    const wrong = await fetch(`${server.url}/api/channels/whatsapp/webhook?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1`);
    expect(wrong.status).toBe(403);
    expect(((await wrong.json()) as { error: { code: string } }).error.code).toBe('WEBHOOK_VERIFY_TOKEN_INVALID');
  });

  it('refuses a payload with a bad or missing signature and stores nothing', async () => {
    const payload = fixture('text');
    const forged = await post(payload, `sha256=${signBody('not-the-app-secret', JSON.stringify(payload))}`);
    expect(forged.status).toBe(401);
    expect(forged.body.error?.code).toBe('WEBHOOK_SIGNATURE_INVALID');
    const missing = await post(payload, null);
    expect(missing.status).toBe(401);
    // A body changed after signing does not pass either.
    const tampered = await fetch(`${server.url}/api/channels/whatsapp/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${signBody(APP_SECRET, JSON.stringify(payload))}` },
      body: JSON.stringify(payload).replace('werkt niet', 'werkt wel'),
    });
    expect(tampered.status).toBe(401);
    const db = await server.database.open();
    const rows = await db.kysely.selectFrom('conversations').select('id').where('channel', '=', 'whatsapp').execute();
    await db.close();
    expect(rows).toHaveLength(0);
  });

  it('routes a text, threads media, location and button replies into it, and sends the agent reply through the Cloud API', async () => {
    const first = await post(fixture('text'));
    expect(first.status).toBe(200);
    const conversationId = await acceptNextOffer();
    expect(first.body.conversations).toEqual([conversationId]);
    // A redelivered webhook (Meta retries) is stored once.
    expect((await post(fixture('text'))).status).toBe(200);

    for (const name of ['image', 'location', 'interactive']) expect((await post(fixture(name))).status).toBe(200);
    const log = await events(conversationId);
    const customer = log.filter((e) => e.type === 'message.created' && e.actor.kind === 'customer');
    expect(customer.map((e) => e.data.text)).toEqual([
      'Hallo, mijn bankkaart werkt niet meer in de winkel.',
      'Foto van de foutmelding op de terminal',
      '📍 Winkel Grote Markt, Grote Markt 1, 2000 Antwerpen',
      'Kaart blokkeren',
    ]);
    expect(customer[1]!.data.channelContent).toMatchObject({ media: { kind: 'image', mediaId: '1234567890123456', mimeType: 'image/jpeg' } });
    expect(customer[2]!.data.channelContent).toMatchObject({ location: { latitude: 51.2211, longitude: 4.3997 } });
    expect(customer[3]!.data.channelContent).toMatchObject({ interactive: { type: 'button_reply', id: 'kaart_blokkeren' } });
    const details = await thomas.request<{ contact: { identifier?: string; displayName?: string } }>('GET', `/api/conversations/${conversationId}`);
    expect(details.body.contact).toMatchObject({ identifier: CUSTOMER, displayName: 'Lotte Peeters' });

    const reply = await thomas.request<{ seq: number }>('POST', `/api/conversations/${conversationId}/messages`, { clientId: 'wa-r1', text: 'Ik blokkeer uw kaart nu. U krijgt een nieuwe kaart per post.' });
    expect(reply.status).toBe(201);
    const sent = await graph.next((r) => r.body.type === 'text' && r.body.to === CUSTOMER);
    expect(sent.path).toBe(`/v21.0/${PHONE_NUMBER_ID}/messages`);
    expect(sent.authorization).toBe(`Bearer ${ACCESS_TOKEN}`);
    expect(sent.body).toEqual({ messaging_product: 'whatsapp', recipient_type: 'individual', to: CUSTOMER, type: 'text', text: { preview_url: false, body: 'Ik blokkeer uw kaart nu. U krijgt een nieuwe kaart per post.' } });
    await socket.event('message.delivery', (e) => e.conversationId === conversationId && (e.data as { status: string }).status === 'sent');

    // Meta reports delivered and read for the wamid it returned.
    const wamid = `wamid.LOCAL${String(graph.requests.length).padStart(6, '0')}`;
    const statuses = fixture('statuses', (value) => value.statuses!.forEach((s) => (s.id = wamid)));
    expect((await post(statuses)).status).toBe(200);
    await socket.event('message.delivery', (e) => e.conversationId === conversationId && (e.data as { status: string }).status === 'delivered');
    const read = await socket.event('message.delivery', (e) => e.conversationId === conversationId && (e.data as { status: string }).status === 'read');
    expect(read.data).toMatchObject({ seq: reply.body.seq });
    const failed = fixture('status-failed', (value) => value.statuses!.forEach((s) => (s.id = wamid)));
    expect((await post(failed)).status).toBe(200);
    const failure = await socket.event('message.delivery', (e) => e.conversationId === conversationId && (e.data as { status: string }).status === 'failed');
    expect(failure.data).toMatchObject({ seq: reply.body.seq, error: { code: '131047' } });
  });

  it('refuses free text outside the 24-hour window with a clear error, and sends a template instead', async () => {
    const dayAndAHourAgo = String(Math.floor(Date.now() / 1000) - 25 * 3600);
    const old = fixture('text', (value) => {
      fromNumber('32475556677', 'wamid.OLD0001')(value);
      value.messages![0]!.timestamp = dayAndAHourAgo;
    });
    expect((await post(old)).status).toBe(200);
    const conversationId = await acceptNextOffer();
    const refused = await thomas.request<{ error: { code: string; message: string } }>('POST', `/api/conversations/${conversationId}/messages`, { clientId: 'wa-late', text: 'Sorry voor het late antwoord.' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('CHANNEL_WINDOW_CLOSED');
    expect(refused.body.error.message).toMatch(/24 hours after the customer's last message.*template/);
    expect(graph.requests.some((r) => r.body.to === '32475556677')).toBe(false);

    const channel = await thomas.request<{ replyWindow: { open: boolean }; templates: Array<{ name: string; parameters: number }> }>('GET', `/api/conversations/${conversationId}/channel`);
    expect(channel.body.replyWindow.open).toBe(false);
    expect(channel.body.templates).toEqual([expect.objectContaining({ name: 'vraag_opvolging', parameters: 1 })]);
    const badParameters = await thomas.request<{ error: { code: string } }>('POST', `/api/conversations/${conversationId}/templates`, { clientId: 't0', name: 'vraag_opvolging', parameters: [] });
    expect(badParameters.body.error.code).toBe('CHANNEL_TEMPLATE_PARAMETERS');
    const template = await thomas.request('POST', `/api/conversations/${conversationId}/templates`, { clientId: 't1', name: 'vraag_opvolging', parameters: ['uw bankkaart'] });
    expect(template.status).toBe(201);
    const sent = await graph.next((r) => r.body.to === '32475556677');
    expect(sent.body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '32475556677',
      type: 'template',
      template: { name: 'vraag_opvolging', language: { code: 'nl' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'uw bankkaart' }] }] },
    });
    const log = await events(conversationId);
    expect(log.some((e) => e.type === 'message.created' && e.data.text === 'Hallo, we komen terug op uw vraag over uw bankkaart. Wilt u hier antwoorden om verder te gaan?')).toBe(true);
  });

  it('puts two quick messages from a new number, delivered in parallel, into one conversation', async () => {
    const number = '32476660000';
    const [a, b] = await Promise.all([
      post(fixture('text', fromNumber(number, 'wamid.PAR0001'))),
      post(fixture('image', fromNumber(number, 'wamid.PAR0002'))),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body.conversations).toEqual(b.body.conversations);
    const db = await server.database.open();
    const threads = await db.kysely.selectFrom('channel_messages').select('conversation_id').where('external_id', 'in', ['wamid.PAR0001', 'wamid.PAR0002']).execute();
    await db.close();
    expect(new Set(threads.map((t) => t.conversation_id)).size).toBe(1);
    const conversationId = await acceptNextOffer();
    // Thomas closes it: his WhatsApp capacity (3) is needed for the next test.
    expect((await thomas.request('POST', `/api/conversations/${conversationId}/close`, { wrapUpCode: 'opgelost' })).status).toBe(200);
  });

  it('stores the provider error on the message when the Cloud API refuses the send', async () => {
    expect((await post(fixture('text', fromNumber('32491234567', 'wamid.UNDELIVERABLE1')))).status).toBe(200);
    const conversationId = await acceptNextOffer();
    const reply = await thomas.request<{ seq: number }>('POST', `/api/conversations/${conversationId}/messages`, { clientId: 'wa-x', text: 'Hallo?' });
    const failure = await socket.event('message.delivery', (e) => e.conversationId === conversationId && (e.data as { status: string }).status === 'failed');
    expect(failure.data).toMatchObject({ seq: reply.body.seq, error: { code: '131026', message: 'The recipient number is not on WhatsApp.' } });
  });

  it("lets the line's customer bot answer WhatsApp messages like chat", async () => {
    const beheer = await StaffClient.login(server.url, 'beheer@contactpunt.example');
    const config = await beheer.request<{ lines: Array<Record<string, unknown> & { id: string; bot: { enabled: boolean } }> }>('GET', '/api/admin/config');
    const bank = config.body.lines.find((l) => l.id === 'ln_bankzuid')!;
    const { id: _id, tenantId: _tenant, ...input } = bank;
    const invalid = await beheer.request<{ error: { code: string } }>('PUT', '/api/admin/lines/ln_bankzuid', { ...input, whatsapp: { phoneNumberId: '+32 470' } });
    expect(invalid.status).toBe(400);
    const saved = await beheer.request('PUT', '/api/admin/lines/ln_bankzuid', { ...input, bot: { ...bank.bot, enabled: true } });
    expect(saved.status).toBe(200);

    const number = '32478889900';
    expect((await post(fixture('text', (value) => {
      fromNumber(number, 'wamid.BOT0001')(value);
      (value.messages![0]!.text as { body: string }).body = 'Mijn bankkaart is gestolen, hoe blokkeer ik die?';
    }))).status).toBe(200);
    const greeting = await graph.next((r) => r.body.to === number && String((r.body.text as { body: string }).body).startsWith('Hallo'));
    expect(greeting.body.type).toBe('text');
    const answer = await graph.next((r) => r.body.to === number && /blokkeer/i.test(String((r.body.text as { body: string }).body)) && r !== greeting);
    expect(answer.body.type).toBe('text');

    // Asking for a person hands over to the queue, and the customer reads that on WhatsApp too.
    expect((await post(fixture('text', (value) => {
      fromNumber(number, 'wamid.BOT0002')(value);
      (value.messages![0]!.text as { body: string }).body = 'ik wil een medewerker spreken';
    }))).status).toBe(200);
    await graph.next((r) => r.body.to === number && /medewerker/i.test(String((r.body.text as { body: string }).body)));
  });

  it('sends media through the Cloud API in its documented shape', async () => {
    const line = server.running.app.deps.directory.line('ln_bankzuid');
    const adapter = new WhatsAppAdapter({ lines: () => [line], graphBaseUrl: graph.url, graphVersion: 'v21.0', appSecret: APP_SECRET, accessToken: ACCESS_TOKEN });
    const result = await adapter.send({
      line,
      conversationId: 'cv_media',
      seq: 1,
      language: 'nl',
      to: CUSTOMER,
      text: '',
      media: { kind: 'document', link: 'https://bankzuid.example/tarieven.pdf', caption: 'Onze tarieven', filename: 'tarieven.pdf' },
      thread: { subject: null, replyToken: 'abcdefghjk', inReplyTo: null, references: [] },
    });
    expect(result.externalId).toMatch(/^wamid\./);
    const sent = await graph.next((r) => r.body.type === 'document');
    expect(sent.body.document).toEqual({ link: 'https://bankzuid.example/tarieven.pdf', caption: 'Onze tarieven', filename: 'tarieven.pdf' });
  });
});
