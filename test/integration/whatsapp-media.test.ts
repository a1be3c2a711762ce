import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChannelSendError } from '../../src/channels/channel-contract.js';
import { WhatsAppAdapter } from '../../src/channels/whatsapp/whatsapp-adapter.js';
import { signBody } from '../../src/channels/whatsapp/webhook-signature.js';
import { loadConfig } from '../../src/config/config.js';
import { startCentraal, type RunningCentraal } from '../../src/start-centraal.js';
import { StaffClient } from '../support/api-client.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/databases.js';
import type { FrameSocket } from '../support/frame-socket.js';
import { LocalGraphApi } from '../support/local-graph-api.js';
import { seedSecondTenant, TENANT_B } from '../support/second-tenant.js';

const APP_SECRET = 'test-app-secret-0123456789';
const ACCESS_TOKEN = 'EAAG-test-access-token';
const PHONE_NUMBER_ID = '100200300400500';
/** Small, so "too large" needs no megabytes. */
const MAX_BYTES = 4096;
const MAX_ATTEMPTS = 3;

/** A real 1×1 PNG (what a phone sends is bigger, but the rules look at the first bytes). */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const JPEG = Buffer.concat([Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'), Buffer.alloc(200, 0x11)]);
const EXE = Buffer.concat([Buffer.from('4d5a90000300000004000000ffff0000b800000000000000400000000000000000', 'hex'), Buffer.from('This program cannot be run in DOS mode.')]);

/** The start of a WhatsApp voice note: an Ogg page carrying an Opus header. */
const VOICE_NOTE = Buffer.concat([Buffer.from('OggS', 'latin1'), Buffer.from('0002000000000000000012345678000000000000000001', 'hex'), Buffer.from('OpusHead'), Buffer.alloc(300, 0x2a)]);

type Media = { kind: string; id: string; mime: string; caption?: string; filename?: string };
type MediaEvent = { seq: number; status: string; attachment?: { id: string; filename: string; contentType: string; size: number }; error?: { code: string; message: string } };
type FetchRow = { status: string; attempts: number; attachment_id: string | null; last_error: string | null; media_id: string };

/** A Cloud API webhook body (Meta's format) with one media message from `from`. */
function mediaWebhook(from: string, wamid: string, media: Media) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '32470000000', phone_number_id: PHONE_NUMBER_ID },
              contacts: [{ profile: { name: 'Klant Test' }, wa_id: from }],
              messages: [
                {
                  from,
                  id: wamid,
                  timestamp: String(Math.floor(Date.now() / 1000)),
                  type: media.kind,
                  [media.kind]: { id: media.id, mime_type: media.mime, sha256: 'x', ...(media.caption ? { caption: media.caption } : {}), ...(media.filename ? { filename: media.filename } : {}) },
                },
              ],
            },
          },
        ],
      },
    ],
  };
}

describe('the Cloud API media endpoints (local Graph API)', () => {
  it('answer info and bytes only with the bearer token; a wrong token is a final error 190', async () => {
    const graph = await LocalGraphApi.start(ACCESS_TOKEN);
    try {
      graph.addMedia('2000000000000100', 'image/png', PNG);
      const adapter = (token: string) => new WhatsAppAdapter({ lines: () => [], graphBaseUrl: graph.url, graphVersion: 'v21.0', appSecret: undefined, accessToken: token });
      const info = await adapter(ACCESS_TOKEN).mediaInfo('2000000000000100');
      expect(info).toEqual({ url: `${graph.url}/media-download/2000000000000100`, mimeType: 'image/png', size: PNG.length });
      expect((await adapter(ACCESS_TOKEN).downloadMedia(info.url, 1024)).equals(PNG)).toBe(true);
      const wrong = await adapter('EAAG-wrong-token-000').mediaInfo('2000000000000100').catch((e: unknown) => e);
      expect(wrong).toBeInstanceOf(ChannelSendError);
      expect((wrong as ChannelSendError).providerError).toMatchObject({ code: '190', retryable: false });
      const noBytes = await adapter('EAAG-wrong-token-000').downloadMedia(info.url, 1024).catch((e: unknown) => e);
      expect((noBytes as ChannelSendError).providerError).toMatchObject({ code: '190', retryable: false });
      // The download stops at the limit, whatever the info said.
      const cut = await adapter(ACCESS_TOKEN).downloadMedia(info.url, 10).catch((e: unknown) => e);
      expect((cut as ChannelSendError).providerError).toMatchObject({ code: 'ATTACHMENT_TOO_LARGE', retryable: false });
    } finally {
      await graph.close();
    }
  });
});

describe.each(testDialects())('WhatsApp media fetched from the Cloud API on %s', (dialect) => {
  let graph: LocalGraphApi;
  let database: TestDatabase;
  let running: RunningCentraal;
  let url: string;
  let thomas: StaffClient;
  let socket: FrameSocket;

  beforeAll(async () => {
    graph = await LocalGraphApi.start(ACCESS_TOKEN);
    database = await createTestDatabase(dialect);
    const db = await database.open();
    await seedSecondTenant(db);
    await db.close();
    const config = loadConfig({
      ...database.env,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'fatal',
      SQLITE_SYNCHRONOUS: 'NORMAL',
      DEMO_CUSTOMER_BOT: 'false',
      WHATSAPP_GRAPH_BASE_URL: graph.url,
      WHATSAPP_APP_SECRET: APP_SECRET,
      WHATSAPP_ACCESS_TOKEN: ACCESS_TOKEN,
      CHANNEL_OUTBOX_INTERVAL_MS: '50',
      CHANNEL_OUTBOX_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
      EMAIL_MAX_ATTACHMENT_BYTES: String(MAX_BYTES),
    });
    running = await startCentraal(config, { quiet: true });
    url = running.url;
    thomas = await StaffClient.login(url, 'thomas@contactpunt.example');
    socket = await thomas.socket();
    await socket.request({ t: 'status.set', status: 'available' });
  });

  afterAll(async () => {
    await socket?.close();
    await running?.stop();
    await database?.destroy();
    await graph?.close();
  });

  async function post(payload: unknown): Promise<{ status: number; conversations: string[] }> {
    const body = JSON.stringify(payload);
    const response = await fetch(`${url}/api/channels/whatsapp/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${signBody(APP_SECRET, body)}` },
      body,
    });
    const answer = (await response.json()) as { conversations?: string[] };
    return { status: response.status, conversations: answer.conversations ?? [] };
  }

  /** The fetch row of one media id once it left `pending` (the worker runs every 50 ms). */
  async function settled(mediaId: string, timeoutMs = 10_000): Promise<FetchRow> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const row = await running.db.kysely.selectFrom('channel_media_fetches').select(['status', 'attempts', 'attachment_id', 'last_error', 'media_id']).where('media_id', '=', mediaId).executeTakeFirst();
      if (row && row.status !== 'pending') return row;
      if (Date.now() > until) throw new Error(`media ${mediaId} still ${row?.status ?? 'not queued'} after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async function mediaEvents(conversationId: string): Promise<MediaEvent[]> {
    const rows = await running.db.kysely.selectFrom('events').select(['type', 'data']).where('conversation_id', '=', conversationId).orderBy('seq').execute();
    return rows.filter((r) => r.type === 'message.media').map((r) => (typeof r.data === 'string' ? JSON.parse(r.data) : r.data) as MediaEvent);
  }

  const downloads = (mediaId: string) => graph.mediaRequests.filter((r) => r.path === `/media-download/${mediaId}`).length;

  it('fetches an inbound picture after the webhook is acknowledged; the agent sees it and downloads the same bytes; another tenant cannot', async () => {
    graph.addMedia('2000000000000001', 'image/png', PNG);
    const answer = await post(mediaWebhook('32471230001', 'wamid.MEDIA0001', { kind: 'image', id: '2000000000000001', mime: 'image/png', caption: 'Foto van de meter' }));
    expect(answer.status).toBe(200);
    const offer = await socket.next((f) => f.t === 'offer');
    const conversationId = String(offer.conversationId);
    expect(answer.conversations).toEqual([conversationId]);
    await socket.request({ t: 'offer.accept', conversationId });

    // The desktop learns of the file through the conversation's events.
    const event = await socket.event('message.media', (e) => e.conversationId === conversationId);
    const data = event.data as MediaEvent;
    const message = (await thomas.request<{ events: Array<{ seq: number; type: string; data: Record<string, unknown> }> }>('GET', `/api/conversations/${conversationId}/events?after=0`)).body.events.find(
      (e) => e.type === 'message.created' && e.data.text === 'Foto van de meter',
    );
    expect(data).toMatchObject({ seq: message!.seq, status: 'fetched', attachment: { filename: `image-${message!.seq}.png`, contentType: 'image/png', size: PNG.length } });
    // Meta's endpoints were called with the bearer token: the info, then the URL it gave.
    expect(graph.mediaRequests.filter((r) => r.path.endsWith('2000000000000001'))).toEqual([
      { path: '/v21.0/2000000000000001', authorised: true },
      { path: '/media-download/2000000000000001', authorised: true },
    ]);

    const download = await fetch(`${url}/api/conversations/${conversationId}/attachments/${data.attachment!.id}`, { headers: { cookie: thomas.cookie } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(download.headers.get('content-disposition')).toContain('attachment;');
    expect(Buffer.from(await download.arrayBuffer()).equals(PNG)).toBe(true);

    // Another tenant's agent, and an agent of this tenant who is not on the conversation, get nothing.
    const stranger = await StaffClient.login(url, `${TENANT_B.agentId}@tenant-b.example`, TENANT_B.password);
    const foreign = await fetch(`${url}/api/conversations/${conversationId}/attachments/${data.attachment!.id}`, { headers: { cookie: stranger.cookie } });
    expect(foreign.status).toBe(404);
    expect(Buffer.from(await foreign.arrayBuffer()).includes(PNG.subarray(0, 8))).toBe(false);
    const emma = await StaffClient.login(url, 'emma@contactpunt.example');
    const colleague = await fetch(`${url}/api/conversations/${conversationId}/attachments/${data.attachment!.id}`, { headers: { cookie: emma.cookie } });
    expect(colleague.status).toBe(403);

    // GDPR: the export carries the picture, the erasure removes it and the fetch row.
    const closed = await thomas.request('POST', `/api/conversations/${conversationId}/close`, { wrapUpCode: 'opgelost' });
    expect(closed.status, closed.text).toBe(200);
    const karim = await StaffClient.login(url, 'karim@contactpunt.example');
    const exported = await karim.request<{ attachments: Array<{ id: string; contentBase64: string }> }>('POST', '/api/privacy/contacts/export', { identifier: { kind: 'whatsapp', value: '32471230001' } });
    expect(exported.status, exported.text).toBe(200);
    expect(exported.body.attachments.map((a) => [a.id, Buffer.from(a.contentBase64, 'base64').equals(PNG)])).toEqual([[data.attachment!.id, true]]);
    const erased = await karim.request<{ erased: Record<string, number> }>('POST', '/api/privacy/contacts/erase', { identifier: { kind: 'whatsapp', value: '32471230001' } });
    expect(erased.status, erased.text).toBe(200);
    expect(erased.body.erased).toMatchObject({ channel_attachments: 1, channel_media_fetches: 1 });
  });

  it('fetches a voice note (audio/ogg, Opus) that the agent on the conversation downloads byte for byte', async () => {
    graph.addMedia('2000000000000009', 'audio/ogg; codecs=opus', VOICE_NOTE);
    expect((await post(mediaWebhook('32471230009', 'wamid.MEDIA0009', { kind: 'audio', id: '2000000000000009', mime: 'audio/ogg; codecs=opus' }))).status).toBe(200);
    const offer = await socket.next((f) => f.t === 'offer');
    const conversationId = String(offer.conversationId);
    await socket.request({ t: 'offer.accept', conversationId });
    const data = (await socket.event('message.media', (e) => e.conversationId === conversationId)).data as MediaEvent;
    expect(data).toMatchObject({ status: 'fetched', attachment: { filename: `audio-${data.seq}.ogg`, contentType: 'audio/ogg', size: VOICE_NOTE.length } });
    const download = await fetch(`${url}/api/conversations/${conversationId}/attachments/${data.attachment!.id}`, { headers: { cookie: thomas.cookie } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('audio/ogg');
    expect(Buffer.from(await download.arrayBuffer()).equals(VOICE_NOTE)).toBe(true);
    const closed = await thomas.request('POST', `/api/conversations/${conversationId}/close`, { wrapUpCode: 'opgelost' });
    expect(closed.status, closed.text).toBe(200);
  });

  it('retries a failing provider with back-off and fetches the file once; after the last attempt the message shows failed', async () => {
    graph.addMedia('2000000000000002', 'application/pdf', Buffer.from('%PDF-1.4\n%%EOF\n'), { failFirst: 2 });
    graph.addMedia('2000000000000003', 'image/jpeg', JPEG, { failFirst: 100 });
    expect((await post(mediaWebhook('32471230002', 'wamid.MEDIA0002', { kind: 'document', id: '2000000000000002', mime: 'application/pdf', filename: 'meterstand.pdf' }))).status).toBe(200);
    expect((await post(mediaWebhook('32471230003', 'wamid.MEDIA0003', { kind: 'image', id: '2000000000000003', mime: 'image/jpeg' }))).status).toBe(200);
    const [recovered, lost] = await Promise.all([settled('2000000000000002'), settled('2000000000000003')]);
    expect(recovered).toMatchObject({ status: 'fetched', attempts: 3 });
    expect(downloads('2000000000000002')).toBe(1);
    const file = await running.db.kysely.selectFrom('channel_attachments').selectAll().where('id', '=', recovered.attachment_id!).executeTakeFirstOrThrow();
    expect([file.filename, file.content_type, Buffer.from(file.content_base64, 'base64').toString()]).toEqual(['meterstand.pdf', 'application/pdf', '%PDF-1.4\n%%EOF\n']);

    expect(lost).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, attachment_id: null });
    expect(downloads('2000000000000003')).toBe(0);
    const conversation = await running.db.kysely.selectFrom('channel_media_fetches').select('conversation_id').where('media_id', '=', '2000000000000003').executeTakeFirstOrThrow();
    expect(await mediaEvents(conversation.conversation_id)).toEqual([{ seq: expect.any(Number), status: 'failed', kind: 'image', error: { code: '2', message: 'Service temporarily unavailable' } }]);
  });

  it('refuses a type outside the rules, a file too large (reported or real) and renamed programs (as PDF, as a voice note): nothing stored, a clear state, not fetched again', async () => {
    const from = '32471230004';
    graph.addMedia('2000000000000004', 'video/quicktime', Buffer.from('\u0000\u0000\u0000\u0014ftypqt  '));
    graph.addMedia('2000000000000005', 'image/jpeg', Buffer.concat([JPEG, Buffer.alloc(MAX_BYTES)]));
    graph.addMedia('2000000000000006', 'image/jpeg', Buffer.concat([JPEG, Buffer.alloc(MAX_BYTES)]), { reportedSize: 1000 });
    graph.addMedia('2000000000000007', 'application/pdf', EXE);
    graph.addMedia('2000000000000010', 'audio/ogg', EXE);
    const sent: Media[] = [
      { kind: 'video', id: '2000000000000004', mime: 'video/quicktime' },
      { kind: 'image', id: '2000000000000005', mime: 'image/jpeg' },
      { kind: 'image', id: '2000000000000006', mime: 'image/jpeg' },
      { kind: 'document', id: '2000000000000007', mime: 'application/pdf', filename: 'factuur.pdf' },
      { kind: 'audio', id: '2000000000000010', mime: 'audio/ogg' },
    ];
    for (const [index, media] of sent.entries()) expect((await post(mediaWebhook(from, `wamid.MEDIA01${index}`, media))).status).toBe(200);
    const rows = await Promise.all(sent.map((m) => settled(m.id)));
    expect(rows.map((r) => [r.status, (JSON.parse(r.last_error!) as { code: string }).code])).toEqual([
      ['refused', 'ATTACHMENT_TYPE_REFUSED'],
      ['refused', 'ATTACHMENT_TOO_LARGE'],
      ['refused', 'ATTACHMENT_TOO_LARGE'],
      ['refused', 'ATTACHMENT_TYPE_REFUSED'],
      ['refused', 'ATTACHMENT_TYPE_REFUSED'],
    ]);
    // Type and reported size are checked before any byte is downloaded.
    expect([downloads('2000000000000004'), downloads('2000000000000005')]).toEqual([0, 0]);
    const conversationId = (await running.db.kysely.selectFrom('channel_media_fetches').select('conversation_id').where('media_id', '=', '2000000000000004').executeTakeFirstOrThrow()).conversation_id;
    expect(await running.db.kysely.selectFrom('channel_attachments').select('id').where('conversation_id', '=', conversationId).execute()).toEqual([]);
    const events = await mediaEvents(conversationId);
    expect(events.map((e) => e.status)).toEqual(['refused', 'refused', 'refused', 'refused', 'refused']);
    // The program declared as a voice note was looked at (downloaded) and refused by its first bytes.
    expect(downloads('2000000000000010')).toBe(1);
    expect(events[4]!.error!.message).toBe('The content of "audio" is not a audio/ogg file');
    expect(events[3]!.error!.message).toContain('factuur.pdf');
    expect(events[1]!.error!.message).toMatch(/limit is 4 kB/);

    // Refused for good: later passes do not ask the provider again.
    const before = graph.mediaRequests.length;
    await running.app.mediaFetch.pass();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(graph.mediaRequests.length).toBe(before);
  });

  it('answers the webhook at once even when the Cloud API is down, and a redelivered webhook queues the media once', async () => {
    graph.addMedia('2000000000000008', 'image/png', PNG, { failFirst: 1 });
    const payload = mediaWebhook('32471230005', 'wamid.MEDIA0008', { kind: 'image', id: '2000000000000008', mime: 'image/png' });
    expect((await post(payload)).status).toBe(200);
    expect((await post(payload)).status).toBe(200);
    const row = await settled('2000000000000008');
    expect(row.status).toBe('fetched');
    const queued = await running.db.kysely.selectFrom('channel_media_fetches').select('id').where('media_id', '=', '2000000000000008').execute();
    expect(queued).toHaveLength(1);
  });
});
