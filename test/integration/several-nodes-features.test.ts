import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepositories } from '../../src/storage/index.js';
import { StaffClient, WidgetClient } from '../support/api-client.js';
import { startTestNodes, type TestNodes } from '../support/cluster-nodes.js';
import type { Frame, FrameSocket } from '../support/frame-socket.js';
import { SmtpSink } from '../support/smtp-sink.js';
import { TEST_PUBLIC_BASE_URL, TEST_TWILIO_TOKEN, TwilioClient } from '../support/twilio-client.js';
import { readTwiml } from '../support/twiml-rules.js';

/**
 * The features built single-node (browser calls, email, content and IVR changes) on three
 * nodes: node 0 holds the demo tenant's routing lease; customers and agents are on nodes 1
 * and 2, so every write they make is forwarded, and every live frame crosses Redis.
 */
const BANK = 'ln_bankzuid';
const ENERGIE = 'ln_energienoord';
const MAILBOX = 'klantenservice@energienoord.example';
const WEBHOOK_SECRET = 'inbound-webhook-secret-0123';
const SDP_OFFER = 'v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n';
const SDP_ANSWER = 'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n';
const CANDIDATE = { candidate: 'candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host', sdpMid: '0', sdpMLineIndex: 0 };

const signalFor = (conversationId: string, t: string) => (f: Frame) => f.t === t && f.conversationId === conversationId;
const promptWith = (text: string) => (e: Record<string, unknown>) => String((e.data as { text: string }).text).includes(text);

async function until(what: string, check: () => boolean | Promise<boolean>, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('browser calls, email and configuration changes on several nodes', () => {
  let cluster: TestNodes;
  let sink: SmtpSink;
  let tenantId: string;
  const sockets: FrameSocket[] = [];
  const url = (i: number) => cluster.nodes[i]!.url;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    cluster = await startTestNodes(3, { SMTP_INBOUND_PORT: '0', SMTP_OUTBOUND_URL: sink.url, CHANNEL_OUTBOX_INTERVAL_MS: '50', EMAIL_INBOUND_WEBHOOK_SECRET: WEBHOOK_SECRET, TWILIO_AUTH_TOKEN: TEST_TWILIO_TOKEN, PUBLIC_BASE_URL: TEST_PUBLIC_BASE_URL });
    tenantId = cluster.nodes[0]!.app.deps.directory.line(BANK).tenantId;
    expect(await cluster.holderIndex(tenantId)).toBe(0);
  });

  afterAll(async () => {
    for (const socket of sockets) await socket.close();
    await cluster?.stop();
    await sink?.close();
  });

  async function storedTypes(conversationId: string): Promise<string[]> {
    const events = await createRepositories(cluster.nodes[0]!.db).events.listAfter(conversationId, 0, 1000);
    return events.map((e) => e.type);
  }

  it('runs a browser call with the customer on one node and the agent on another: IVR by keys, accept, signalling both ways, hold, hang-up', async () => {
    const thomas = await StaffClient.login(url(2), 'thomas@contactpunt.example');
    const agentSocket = await thomas.socket();
    sockets.push(agentSocket);
    await agentSocket.request({ t: 'status.set', status: 'available' });

    const customer = await WidgetClient.start(url(1), BANK, { channel: 'voice', language: 'nl', visitorId: 'cluster-voice-0001' });
    const id = customer.conversationId;
    const socket = await customer.socket();
    sockets.push(socket);
    await socket.event('call.started');
    await socket.event('ivr.prompt', promptWith('Voor Nederlands, druk 1.'));
    // Keys go to the holder, where the caller’s place in the IVR is kept.
    await socket.request({ t: 'call.dtmf', conversationId: id, digits: '1' });
    await socket.event('ivr.prompt', promptWith('andere vraag'));
    await socket.request({ t: 'call.dtmf', conversationId: id, digits: '2' });
    await socket.event('conversation.queued');

    await agentSocket.next(signalFor(id, 'offer'), 10_000, 'offer');
    await agentSocket.request({ t: 'offer.accept', conversationId: id });
    await socket.event('call.answered');

    // Customer (node 1) → agent (node 2) and back, unchanged, through the holder's checks and Redis.
    socket.send({ t: 'call.offer', conversationId: id, sdp: SDP_OFFER });
    expect(await agentSocket.next(signalFor(id, 'call.offer'))).toEqual({ t: 'call.offer', conversationId: id, sdp: SDP_OFFER });
    agentSocket.send({ t: 'call.answer', conversationId: id, sdp: SDP_ANSWER });
    expect(await socket.next(signalFor(id, 'call.answer'))).toEqual({ t: 'call.answer', conversationId: id, sdp: SDP_ANSWER });
    socket.send({ t: 'call.ice', conversationId: id, candidate: CANDIDATE });
    expect((await agentSocket.next(signalFor(id, 'call.ice'))).candidate).toEqual(CANDIDATE);
    agentSocket.send({ t: 'call.ice', conversationId: id, candidate: null });
    expect((await socket.next(signalFor(id, 'call.ice'))).candidate).toBeNull();
    // A customer may not ask for a renegotiation; the refusal comes back from the holder.
    socket.send({ t: 'call.renegotiate', conversationId: id });
    await socket.next((f) => f.t === 'error' && f.code === 'FORBIDDEN');

    await agentSocket.request({ t: 'call.hold', conversationId: id });
    await socket.event('call.held');
    await agentSocket.request({ t: 'call.unhold', conversationId: id });
    await socket.event('call.resumed');
    await agentSocket.request({ t: 'call.mute', conversationId: id, muted: true });
    await socket.request({ t: 'call.dtmf', conversationId: id, digits: '4' });
    expect((await agentSocket.next(signalFor(id, 'call.dtmf'))).digits).toBe('4');

    await socket.request({ t: 'call.hangup', conversationId: id });
    await agentSocket.event('call.ended', (e) => e.conversationId === id);
    const types = await storedTypes(id);
    expect(types).toEqual(expect.arrayContaining(['call.started', 'ivr.input', 'conversation.queued', 'call.answered', 'call.held', 'call.resumed', 'call.muted', 'call.dtmf', 'call.ended']));
    // The call's memory is on the holder only.
    expect(cluster.nodes[1]!.app.deps.calls.get(id)).toBeUndefined();
    expect(cluster.nodes[2]!.app.deps.calls.get(id)).toBeUndefined();
  });

  it('stores and routes mail that reaches a node without the lease (SMTP and webhook), and sends the reply once', async () => {
    const emma = await StaffClient.login(url(2), 'emma@contactpunt.example');
    const agentSocket = await emma.socket();
    sockets.push(agentSocket);
    await agentSocket.request({ t: 'status.set', status: 'available' });

    const mailer = nodemailer.createTransport({ host: '127.0.0.1', port: cluster.nodes[1]!.smtpPort!, secure: false, ignoreTLS: true });
    const sent = await mailer.sendMail({
      from: 'cluster.klant@klant.example',
      to: MAILBOX,
      subject: 'Meterstand via node 1',
      text: 'Mijn meterstand is 4242.',
      messageId: '<cluster.1@klant.example>',
      attachments: [{ filename: 'meter.txt', content: Buffer.from('4242'), contentType: 'text/plain' }],
    });
    mailer.close();
    expect(sent.response).toMatch(/^250/);
    const offer = await agentSocket.next((f) => f.t === 'offer', 10_000, 'offer of the mail');
    const conversationId = String(offer.conversationId);
    await agentSocket.request({ t: 'offer.accept', conversationId });
    const events = await emma.request<{ events: Array<{ type: string; data: { text?: string; attachments?: Array<{ id: string }> } }> }>('GET', `/api/conversations/${conversationId}/events?after=0`);
    const first = events.body.events.find((e) => e.type === 'message.created')!;
    expect(first.data.text).toContain('4242');
    const download = await fetch(`${url(2)}/api/conversations/${conversationId}/attachments/${first.data.attachments![0]!.id}`, { headers: { cookie: emma.cookie } });
    expect(await download.text()).toBe('4242');

    // Every node runs an outbox worker; the reply leaves once.
    const reply = await emma.request('POST', `/api/conversations/${conversationId}/messages`, { clientId: 'cluster-r1', text: 'Dank u, genoteerd.' });
    expect(reply.status).toBe(201);
    await sink.next((m) => m.envelopeTo.includes('cluster.klant@klant.example'));
    await agentSocket.event('message.delivery', (e) => e.conversationId === conversationId);
    await new Promise((r) => setTimeout(r, 500));
    expect(sink.mails.filter((m) => m.envelopeTo.includes('cluster.klant@klant.example'))).toHaveLength(1);

    // A provider's webhook on the third node.
    const body = { from: { address: 'webhook.klant@klant.example', name: 'Wim' }, to: [MAILBOX], subject: 'Via de provider', text: 'Webhook op node 2.', messageId: '<cluster.wh.1@klant.example>' };
    const post = () => fetch(`${url(2)}/api/channels/email/inbound`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${WEBHOOK_SECRET}` }, body: JSON.stringify(body) });
    const accepted = await post();
    expect(accepted.status).toBe(201);
    const outcome = (await accepted.json()) as { outcome: string; conversationId: string };
    expect(outcome.outcome).toBe('new_conversation');
    expect(((await (await post()).json()) as { outcome: string }).outcome).toBe('duplicate');
    expect(await storedTypes(outcome.conversationId)).toEqual(expect.arrayContaining(['conversation.started', 'message.created', 'conversation.queued']));
  });

  it('answers phone-call webhooks on any node from the holder, which keeps the place of the caller in the IVR', async () => {
    // Each webhook of the call lands on another node; the signature still holds after forwarding.
    const onNode1 = new TwilioClient(url(1), BANK);
    const incoming = readTwiml((await onNode1.post('incoming', { CallStatus: 'ringing', Direction: 'inbound' })).text);
    expect(incoming[0]?.text).toBe('Welkom bij Bank Zuid.');
    const onNode2 = new TwilioClient(url(2), BANK, onNode1.callSid);
    const menu = await onNode2.post('gather', { Digits: '1' });
    expect(menu.status).toBe(200);
    expect(readTwiml(menu.text).some((e) => e.name === 'Gather')).toBe(true);
    const queued = readTwiml((await onNode1.post('gather', { Digits: '2' })).text);
    expect(queued.some((e) => e.name === 'Enqueue')).toBe(true);
  });

  it('makes content and IVR changes saved through one node current on the others, also after the holder stops', async () => {
    const ines = await StaffClient.login(url(1), 'ines@contactpunt.example');
    const intent = {
      label: { nl: 'Reisverzekering', en: 'Travel insurance' },
      examples: { nl: ['Ben ik verzekerd op reis?', 'Dekt mijn kaart een reisverzekering?', 'Reisverzekering bij Bank Zuid'], en: ['Am I insured when I travel?', 'Does my card include travel insurance?'] },
      answer: { nl: 'Met een Zuid Gold-kaart ben je verzekerd op reis.', en: 'With a Zuid Gold card you are insured when you travel.' },
    };
    expect((await ines.request('PUT', `/api/content/lines/${BANK}/bot/intents/reisverzekering`, intent)).status).toBe(200);
    const inesElsewhere = await StaffClient.login(url(2), 'ines@contactpunt.example');
    const intentsOn2 = async () => {
      const lines = await inesElsewhere.request<{ lines: Array<{ id: string; bot: { intents: Array<{ id: string }> } | null }> }>('GET', '/api/content/lines');
      return lines.body.lines.find((l) => l.id === BANK)?.bot?.intents.map((i) => i.id) ?? [];
    };
    await until('node 2 to know the new intent', async () => (await intentsOn2()).includes('reisverzekering'), 3000);

    const beheer = await StaffClient.login(url(1), 'beheer@contactpunt.example');
    const flow = {
      languages: ['nl', 'fr'],
      defaultLanguage: 'nl',
      start: 'welkom',
      nodes: {
        welkom: { type: 'message', prompt: { nl: 'Welkom bij Energie Noord, versie van node 1.', fr: 'Bienvenue chez Energie Noord, version du noeud 1.' }, next: 'wachtrij' },
        wachtrij: { type: 'enqueue' },
      },
    };
    expect((await beheer.request('PUT', `/api/admin/lines/${ENERGIE}/ivr`, { flow })).status).toBe(200);
    const beheerOn2 = await StaffClient.login(url(2), 'beheer@contactpunt.example');
    await until('node 2 to serve the new IVR flow', async () => (await beheerOn2.request<{ flow: { start: string } }>('GET', `/api/admin/lines/${ENERGIE}/ivr`)).body.flow.start === 'welkom', 3000);

    // The holder stops; a node that only heard of the changes takes over and uses them.
    await cluster.stopNode(0);
    await until('another node to take the routing lease', async () => (await cluster.holderIndex(tenantId)) > 0 && cluster.nodes.some((n, i) => i > 0 && n.app.deps.routing.runs(tenantId)), 10_000);
    let caller: WidgetClient | undefined;
    await until('a call to start on the new holder', async () => {
      caller = await WidgetClient.start(url(2), ENERGIE, { channel: 'voice', language: 'nl', visitorId: 'cluster-voice-0002' }).catch(() => undefined);
      return caller !== undefined;
    }, 10_000);
    const socket = await caller!.socket();
    sockets.push(socket);
    await socket.event('ivr.prompt', promptWith('versie van node 1'));
    const bankLine = cluster.nodes[1]!.app.deps.directory.line(BANK);
    const ranking = cluster.nodes[1]!.app.deps.botModels.rank(bankLine, bankLine.bot!, 'Ben ik verzekerd op reis?', 'nl');
    expect(ranking.ranked[0]?.intent).toBe('reisverzekering');
  });
});
