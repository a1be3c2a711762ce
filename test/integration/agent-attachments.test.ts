import { readFileSync } from 'node:fs';
import nodemailer, { type Transporter } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signBody } from '../../src/channels/whatsapp/webhook-signature.js';
import { StaffClient, WidgetClient } from '../support/api-client.js';
import { testDialects } from '../support/databases.js';
import type { FrameSocket } from '../support/frame-socket.js';
import { LocalGraphApi } from '../support/local-graph-api.js';
import { SmtpSink } from '../support/smtp-sink.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const MAX_ATTACHMENT = 64 * 1024;
const APP_SECRET = 'test-app-secret-0123456789';
const ACCESS_TOKEN = 'EAAG-test-access-token';
const MAILBOX = 'klantenservice@energienoord.example';
const BANK = 'ln_bankzuid';

/** A real (1×1) PNG and a small real PDF: the server sniffs the first bytes. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
/** The start of a Windows program ("MZ" header, DOS stub). */
const EXE = Buffer.concat([Buffer.from('4d5a90000300000004000000ffff0000b800000000000000400000000000000000', 'hex'), Buffer.from('This program cannot be run in DOS mode.')]);

type Ref = { id: string; filename: string; contentType: string; size: number };
type ErrorBody = { error: { code: string; message: string } };

describe.each(testDialects())('agents attach files on chat, email and WhatsApp (%s)', (dialect) => {
  let sink: SmtpSink;
  let graph: LocalGraphApi;
  let server: TestServer;
  let thomas: StaffClient;
  let emma: StaffClient;
  let thomasSocket: FrameSocket;
  let emmaSocket: FrameSocket;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    graph = await LocalGraphApi.start(ACCESS_TOKEN);
    server = await startTestServer(dialect, {
      SMTP_INBOUND_PORT: '0',
      SMTP_OUTBOUND_URL: sink.url,
      EMAIL_MAX_ATTACHMENT_BYTES: String(MAX_ATTACHMENT),
      CHANNEL_OUTBOX_INTERVAL_MS: '50',
      WHATSAPP_GRAPH_BASE_URL: graph.url,
      WHATSAPP_APP_SECRET: APP_SECRET,
      WHATSAPP_ACCESS_TOKEN: ACCESS_TOKEN,
    });
    thomas = await StaffClient.login(server.url, 'thomas@contactpunt.example');
    emma = await StaffClient.login(server.url, 'emma@contactpunt.example');
    thomasSocket = await thomas.socket();
    emmaSocket = await emma.socket();
    await thomasSocket.request({ t: 'status.set', status: 'available' });
    await emmaSocket.request({ t: 'status.set', status: 'available' });
  });

  afterAll(async () => {
    await thomasSocket?.close();
    await emmaSocket?.close();
    await server?.stop();
    await graph?.close();
    await sink?.close();
  });

  const upload = (agent: StaffClient, conversationId: string, filename: string, contentType: string, bytes: Buffer) =>
    agent.request<Ref & ErrorBody>('POST', `/api/conversations/${conversationId}/attachments`, { filename, contentType, contentBase64: bytes.toString('base64') });

  async function storedFiles(conversationId: string): Promise<number> {
    const db = await server.database.open();
    const rows = await db.kysely.selectFrom('channel_attachments').select('id').where('conversation_id', '=', conversationId).execute();
    await db.close();
    return rows.length;
  }

  async function chatWithThomas(visitorId: string): Promise<{ customer: WidgetClient; socket: FrameSocket }> {
    const customer = await WidgetClient.start(server.url, BANK, { language: 'nl', visitorId });
    const socket = await customer.socket();
    await thomasSocket.next((f) => f.t === 'offer' && f.conversationId === customer.conversationId, 10_000, 'offer');
    await thomasSocket.request({ t: 'offer.accept', conversationId: customer.conversationId });
    await socket.event('conversation.assigned');
    return { customer, socket };
  }

  it('chat: the customer receives the picture and downloads it; another conversation’s token cannot; export and erasure include it', async () => {
    const { customer, socket } = await chatWithThomas('visitor-attach-0001');
    const stored = await upload(thomas, customer.conversationId, 'C:\\Users\\thomas\\stappen <1>.png', 'image/png', PNG);
    expect(stored.status, stored.text).toBe(201);
    // Nothing about the agent is stored with or said about the file (the name is the agent's choice, cleaned of its path).
    expect(stored.body).toEqual({ id: expect.stringMatching(/^at_/), filename: 'stappen _1_.png', contentType: 'image/png', size: PNG.length });
    // Uploaded but not sent yet: the customer cannot fetch it.
    expect((await customer.request<ErrorBody>('GET', `/attachments/${stored.body.id}`)).body.error.code).toBe('ATTACHMENT_NOT_FOUND');

    await thomasSocket.request({ t: 'message.send', conversationId: customer.conversationId, text: 'Zo ziet het scherm eruit.', attachmentIds: [stored.body.id] });
    const received = await socket.event('message.created', (e) => (e.actor as { kind: string }).kind === 'agent');
    expect(received.data).toEqual({ text: 'Zo ziet het scherm eruit.', attachments: [{ id: stored.body.id, filename: 'stappen _1_.png', contentType: 'image/png', size: PNG.length }] });
    // A picture alone (no words) is a message too.
    const second = await upload(thomas, customer.conversationId, 'formulier.pdf', 'application/pdf', PDF);
    await thomasSocket.request({ t: 'message.send', conversationId: customer.conversationId, text: '', attachmentIds: [second.body.id] });
    await socket.event('message.created', (e) => (e.data as { attachments?: Ref[] }).attachments?.[0]?.id === second.body.id);

    const download = await fetch(`${server.url}/api/widget/v1/conversations/${customer.conversationId}/attachments/${stored.body.id}`, { headers: { authorization: `Bearer ${customer.token}` } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(download.headers.get('content-disposition')).toContain('attachment; filename="stappen _1_.png"');
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await download.arrayBuffer()).equals(PNG)).toBe(true);
    expect(JSON.stringify([...download.headers.entries()]).toLowerCase()).not.toMatch(/thomas|us_thomas/);

    // Another customer: their token does not open this conversation, and this file is not in theirs.
    const other = await WidgetClient.start(server.url, BANK, { language: 'nl', visitorId: 'visitor-attach-0002' });
    const foreign = await fetch(`${server.url}/api/widget/v1/conversations/${customer.conversationId}/attachments/${stored.body.id}`, { headers: { authorization: `Bearer ${other.token}` } });
    expect([foreign.status, ((await foreign.json()) as ErrorBody).error.code]).toEqual([401, 'TOKEN_INVALID']);
    const crossed = await other.request<ErrorBody>('GET', `/attachments/${stored.body.id}`);
    expect([crossed.status, crossed.body.error.code]).toEqual([404, 'ATTACHMENT_NOT_FOUND']);
    const noToken = await fetch(`${server.url}/api/widget/v1/conversations/${customer.conversationId}/attachments/${stored.body.id}`);
    expect(noToken.status).toBe(401);

    // Another agent cannot upload to (or attach in) Thomas's conversation.
    const intruder = await upload(emma, customer.conversationId, 'x.pdf', 'application/pdf', PDF);
    expect([intruder.status, intruder.body.error.code]).toEqual([403, 'NOT_PARTICIPANT']);
    // A file of another conversation cannot be attached.
    const { customer: third } = await chatWithThomas('visitor-attach-0003');
    const misplaced = await thomas.request<ErrorBody>('POST', `/api/conversations/${third.conversationId}/messages`, { clientId: 'misplaced-1', text: 'kijk', attachmentIds: [stored.body.id] });
    expect([misplaced.status, misplaced.body.error.code]).toEqual([404, 'ATTACHMENT_NOT_FOUND']);
    // The desktop reads it too.
    const staffDownload = await fetch(`${server.url}/api/conversations/${customer.conversationId}/attachments/${stored.body.id}`, { headers: { cookie: thomas.cookie } });
    expect(Buffer.from(await staffDownload.arrayBuffer()).equals(PNG)).toBe(true);
    await socket.close();

    // GDPR: the export carries the files, the erasure removes them.
    const closed = await thomas.request('POST', `/api/conversations/${customer.conversationId}/close`, { wrapUpCode: 'opgelost' });
    expect(closed.status, closed.text).toBe(200);
    const karim = await StaffClient.login(server.url, 'karim@contactpunt.example');
    const exported = await karim.request<{ attachments: Array<{ id: string; filename: string; contentBase64: string }> }>('POST', '/api/privacy/contacts/export', { identifier: { kind: 'visitor', value: 'visitor-attach-0001' } });
    expect(exported.status, exported.text).toBe(200);
    expect(exported.body.attachments.map((a) => a.id).sort()).toEqual([stored.body.id, second.body.id].sort());
    expect(Buffer.from(exported.body.attachments.find((a) => a.id === stored.body.id)!.contentBase64, 'base64').equals(PNG)).toBe(true);
    expect(await storedFiles(customer.conversationId)).toBe(2);
    const erased = await karim.request<{ erased: Record<string, number> }>('POST', '/api/privacy/contacts/erase', { identifier: { kind: 'visitor', value: 'visitor-attach-0001' } });
    expect(erased.status, erased.text).toBe(200);
    expect(erased.body.erased.channel_attachments).toBe(2);
    expect(await storedFiles(customer.conversationId)).toBe(0);
  });

  it('refuses a type outside the allow-list (415), a renamed program (415), a file over the limit (413); nothing is stored', async () => {
    const { customer, socket } = await chatWithThomas('visitor-attach-0004');
    const exe = await upload(thomas, customer.conversationId, 'setup.exe', 'application/x-msdownload', EXE);
    expect([exe.status, exe.body.error.code]).toEqual([415, 'ATTACHMENT_TYPE_REFUSED']);
    const renamed = await upload(thomas, customer.conversationId, 'formulier.pdf', 'application/pdf', EXE);
    expect([renamed.status, renamed.body.error.code]).toEqual([415, 'ATTACHMENT_TYPE_REFUSED']);
    expect(renamed.body.error.message).toContain('formulier.pdf');
    const asText = await upload(thomas, customer.conversationId, 'uitleg.txt', 'text/plain', EXE);
    expect([asText.status, asText.body.error.code]).toEqual([415, 'ATTACHMENT_TYPE_REFUSED']);
    const big = Buffer.concat([PDF, Buffer.alloc(MAX_ATTACHMENT, 0x20)]);
    const tooLarge = await upload(thomas, customer.conversationId, 'groot.pdf', 'application/pdf', big);
    expect([tooLarge.status, tooLarge.body.error.code]).toEqual([413, 'ATTACHMENT_TOO_LARGE']);
    expect(tooLarge.body.error.message).toContain('groot.pdf');
    const huge = await upload(thomas, customer.conversationId, 'enorm.pdf', 'application/pdf', Buffer.alloc(MAX_ATTACHMENT * 3, 0x20));
    expect(huge.status).toBe(413);
    const notBase64 = await thomas.request<ErrorBody>('POST', `/api/conversations/${customer.conversationId}/attachments`, { filename: 'a.pdf', contentType: 'application/pdf', contentBase64: '%%%not base64' });
    expect(notBase64.status).toBe(400);
    expect(await storedFiles(customer.conversationId)).toBe(0);
    // An empty message without a file is still refused.
    const empty = await thomas.request<ErrorBody>('POST', `/api/conversations/${customer.conversationId}/messages`, { clientId: 'empty-1', text: '  ' });
    expect([empty.status, empty.body.error.code]).toEqual([400, 'INVALID_INPUT']);
    await socket.close();
  });

  it('email: the reply reaches the customer’s mail server with the file as a MIME attachment', async () => {
    const customer: Transporter = nodemailer.createTransport({ host: '127.0.0.1', port: server.running.smtpPort!, secure: false, ignoreTLS: true });
    await customer.sendMail({ from: 'lies.peeters@klant.example', to: MAILBOX, subject: 'Formulier verhuis', text: 'Welk formulier moet ik invullen voor mijn verhuis?', messageId: '<verhuis.lies@klant.example>' });
    customer.close();
    const offer = await emmaSocket.next((f) => f.t === 'offer', 10_000, 'email offer');
    const conversationId = String(offer.conversationId);
    await emmaSocket.request({ t: 'offer.accept', conversationId });
    const stored = await upload(emma, conversationId, 'verhuisformulier.pdf', 'application/pdf', PDF);
    expect(stored.status, stored.text).toBe(201);
    const sent = await emma.request('POST', `/api/conversations/${conversationId}/messages`, { clientId: 'mail-attach-1', text: 'Hierbij het formulier.', attachmentIds: [stored.body.id] });
    expect(sent.status, sent.text).toBe(201);
    const mail = await sink.next((m) => m.envelopeTo.includes('lies.peeters@klant.example'));
    expect(mail.parsed.text).toContain('Hierbij het formulier.');
    expect(mail.parsed.attachments).toHaveLength(1);
    const [file] = mail.parsed.attachments;
    expect(file!.filename).toBe('verhuisformulier.pdf');
    expect(file!.contentType).toBe('application/pdf');
    expect(Buffer.from(file!.content).equals(PDF)).toBe(true);
    // The agent's identity is not in the mail: the line sends it.
    expect(mail.raw).not.toContain('Emma');
  });

  it('WhatsApp: each file is uploaded to the media endpoint and sent as a media message', async () => {
    const payload = JSON.parse(readFileSync(new URL('../fixtures/whatsapp/text.json', import.meta.url), 'utf8')) as {
      entry: Array<{ changes: Array<{ value: { messages: Array<Record<string, unknown>>; contacts?: Array<{ wa_id: string }> } }> }>;
    };
    const value = payload.entry[0]!.changes[0]!.value;
    for (const m of value.messages) {
      m.timestamp = String(Math.floor(Date.now() / 1000));
      m.from = '32471999888';
      m.id = 'wamid.attach-inbound-1';
    }
    for (const c of value.contacts ?? []) c.wa_id = '32471999888';
    const body = JSON.stringify(payload);
    const posted = await fetch(`${server.url}/api/channels/whatsapp/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${signBody(APP_SECRET, body)}` }, body });
    expect(posted.status).toBe(200);
    const offer = await thomasSocket.next((f) => f.t === 'offer' && (f.offer as { channel: string }).channel === 'whatsapp', 10_000, 'whatsapp offer');
    const conversationId = String(offer.conversationId);
    await thomasSocket.request({ t: 'offer.accept', conversationId });
    const picture = await upload(thomas, conversationId, 'scherm.png', 'image/png', PNG);
    const form = await upload(thomas, conversationId, 'aanvraag.pdf', 'application/pdf', PDF);
    await thomasSocket.request({ t: 'message.send', conversationId, text: 'Zie de schermafbeelding en het formulier.', attachmentIds: [picture.body.id, form.body.id] });

    const image = await graph.next((r) => r.body.type === 'image' && r.body.to === '32471999888');
    const document = await graph.next((r) => r.body.type === 'document' && r.body.to === '32471999888');
    const uploads = graph.uploads.slice(-2);
    expect(uploads.map((u) => [u.type, u.filename, u.contentType])).toEqual([
      ['image/png', 'scherm.png', 'image/png'],
      ['application/pdf', 'aanvraag.pdf', 'application/pdf'],
    ]);
    expect(uploads[0]!.bytes.equals(PNG)).toBe(true);
    expect(uploads[1]!.bytes.equals(PDF)).toBe(true);
    expect(image.body.image).toEqual({ id: uploads[0]!.id, caption: 'Zie de schermafbeelding en het formulier.' });
    expect(document.body.document).toEqual({ id: uploads[1]!.id, filename: 'aanvraag.pdf' });
    expect(image.path).toMatch(/\/100200300400500\/messages$/);
    const delivered = await thomasSocket.event('message.delivery', (e) => e.conversationId === conversationId);
    expect((delivered.data as { status: string }).status).toBe('sent');
  });
});
