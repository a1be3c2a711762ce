import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepositories } from '../../src/storage/index.js';
import { StaffClient, WidgetClient } from '../support/api-client.js';
import { testDialects } from '../support/databases.js';
import type { Frame, FrameSocket } from '../support/frame-socket.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const BANK = 'ln_bankzuid';
const ENERGIE = 'ln_energienoord';
const SDP_OFFER = 'v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n';
const SDP_ANSWER = 'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n';
const CANDIDATE = { candidate: 'candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host', sdpMid: '0', sdpMLineIndex: 0 };

const isError = (code: string) => (f: Frame) => f.t === 'error' && f.code === code;
const signalFor = (conversationId: string, t: string) => (f: Frame) => f.t === t && f.conversationId === conversationId;

/** Waits a little and asserts no frame of this kind arrived (a relay must not leak to bystanders). */
async function expectNoFrame(socket: FrameSocket, match: (f: Frame) => boolean): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(socket.frames.filter(match)).toEqual([]);
}

describe.each(testDialects())('voice calls in the browser: signalling relay and call log on %s', (dialect) => {
  let server: TestServer;
  let thomas: StaffClient;
  let camille: StaffClient;
  let marleen: StaffClient;
  let thomasSocket: FrameSocket;
  let camilleSocket: FrameSocket;
  let marleenSocket: FrameSocket;

  beforeAll(async () => {
    server = await startTestServer(dialect, { ICE_SERVERS: '[{"urls":"stun:stun.example.org:3478"}]' });
    thomas = await StaffClient.login(server.url, 'thomas@contactpunt.example');
    camille = await StaffClient.login(server.url, 'camille@contactpunt.example');
    marleen = await StaffClient.login(server.url, 'marleen@contactpunt.example');
    thomasSocket = await thomas.socket();
    camilleSocket = await camille.socket();
    marleenSocket = await marleen.socket();
    await thomasSocket.request({ t: 'status.set', status: 'available' });
  });

  afterAll(async () => {
    for (const socket of [thomasSocket, camilleSocket, marleenSocket]) await socket?.close();
    await server?.stop();
  });

  async function storedTypes(conversationId: string): Promise<string[]> {
    const events = await createRepositories(server.running.db).events.listAfter(conversationId, 0, 1000);
    return events.map((e) => e.type);
  }

  it('runs the IVR on DTMF, rings, relays SDP and ICE only between customer and assigned agent, transfers blind, and logs every step durably', async () => {
    const customer = await WidgetClient.start(server.url, BANK, { channel: 'voice', language: 'nl', visitorId: 'voice-visitor-0001' });
    const socket = await customer.socket();
    const hello = await socket.next((f) => f.t === 'hello');
    expect(hello.iceServers).toEqual([{ urls: 'stun:stun.example.org:3478' }]);
    await socket.event('call.started');
    // The demo flow: welcome, language choice (one line per language), then the menu.
    const languages = await socket.event('ivr.prompt', (e) => (e.data as { expectsDigits: boolean }).expectsDigits);
    expect((languages.data as { text: string }).text).toBe('Voor Nederlands, druk 1.');
    await socket.request({ t: 'call.dtmf', conversationId: customer.conversationId, digits: '1' });
    const menu = await socket.event('ivr.prompt', (e) => String((e.data as { text: string }).text).includes('andere vraag'));
    expect((menu.data as { expectsDigits: boolean }).expectsDigits).toBe(true);

    // Nothing to relay before an agent picked up.
    socket.send({ t: 'call.offer', conversationId: customer.conversationId, sdp: SDP_OFFER });
    await socket.next(isError('CALL_NOT_CONNECTED'));

    // A key that is not on the menu: told so, and asked again; then "2" queues the call.
    await socket.request({ t: 'call.dtmf', conversationId: customer.conversationId, digits: '7' });
    await socket.event('ivr.prompt', (e) => String((e.data as { text: string }).text).includes('Die keuze kennen we niet'));
    await socket.request({ t: 'call.dtmf', conversationId: customer.conversationId, digits: '2' });
    const queued = await socket.event('conversation.queued');
    expect(queued.data).toEqual({});

    const offer = await thomasSocket.next(signalFor(customer.conversationId, 'offer'), 10_000, 'offer');
    expect(offer.offer).toMatchObject({ channel: 'voice', queueId: 'qu_bank' });
    await socket.event('call.ringing');
    await thomasSocket.request({ t: 'offer.accept', conversationId: customer.conversationId });
    const answered = await socket.event('call.answered');
    expect(answered.data).toEqual({ agentName: 'Thomas' });

    // The supervisor follows the conversation: she sees events, never the media signalling.
    await marleenSocket.send({ t: 'resume', conversationId: customer.conversationId, afterSeq: 0 });
    await marleenSocket.event('call.answered');

    // Customer → assigned agent and back, unchanged.
    socket.send({ t: 'call.offer', conversationId: customer.conversationId, sdp: SDP_OFFER });
    const relayedOffer = await thomasSocket.next(signalFor(customer.conversationId, 'call.offer'));
    expect(relayedOffer).toEqual({ t: 'call.offer', conversationId: customer.conversationId, sdp: SDP_OFFER });
    thomasSocket.send({ t: 'call.answer', conversationId: customer.conversationId, sdp: SDP_ANSWER });
    expect(await socket.next(signalFor(customer.conversationId, 'call.answer'))).toEqual({ t: 'call.answer', conversationId: customer.conversationId, sdp: SDP_ANSWER });
    socket.send({ t: 'call.ice', conversationId: customer.conversationId, candidate: CANDIDATE });
    expect((await thomasSocket.next(signalFor(customer.conversationId, 'call.ice'))).candidate).toEqual(CANDIDATE);
    thomasSocket.send({ t: 'call.ice', conversationId: customer.conversationId, candidate: null });
    expect((await socket.next(signalFor(customer.conversationId, 'call.ice'))).candidate).toBeNull();
    // The agent's browser lost its media (a reload): the customer is asked to offer again; a customer cannot ask that.
    thomasSocket.send({ t: 'call.renegotiate', conversationId: customer.conversationId });
    await socket.next(signalFor(customer.conversationId, 'call.renegotiate'));
    socket.send({ t: 'call.renegotiate', conversationId: customer.conversationId });
    await socket.next(isError('FORBIDDEN'));

    // Someone else's call: another agent and another customer are refused, and nothing reaches the parties.
    camilleSocket.send({ t: 'call.answer', conversationId: customer.conversationId, sdp: 'v=0 forged' });
    await camilleSocket.next(isError('NOT_PARTICIPANT'));
    const stranger = await WidgetClient.start(server.url, BANK, { language: 'nl', visitorId: 'voice-visitor-0002' });
    const strangerSocket = await stranger.socket();
    strangerSocket.send({ t: 'call.offer', conversationId: customer.conversationId, sdp: 'v=0 forged' });
    await strangerSocket.next(isError('NOT_PARTICIPANT'));
    await expectNoFrame(socket, (f) => f.t === 'call.answer' && f.sdp === 'v=0 forged');
    await expectNoFrame(thomasSocket, (f) => f.t === 'call.offer' && f.sdp === 'v=0 forged');
    expect(marleenSocket.frames.filter((f) => f.t.startsWith('call.'))).toEqual([]);
    expect(camilleSocket.frames.filter((f) => f.t === 'call.offer' || f.t === 'call.ice')).toEqual([]);
    await strangerSocket.close();
    expect((await stranger.request('POST', '/end')).status).toBe(200);
    // A flood of signalling is refused once the budget (50 a second) is spent.
    for (let i = 0; i < 80; i++) socket.send({ t: 'call.ice', conversationId: customer.conversationId, candidate: CANDIDATE });
    await socket.next(isError('RATE_LIMITED'));
    await new Promise((resolve) => setTimeout(resolve, 1100));
    // A bad frame is refused by the schema, not relayed.
    socket.send({ t: 'call.dtmf', conversationId: customer.conversationId, clientId: 'x1', digits: 'abc' });
    await socket.next(isError('FRAME_INVALID'));

    // Hold, mute, keys to an outside line: recorded; the customer sees hold, not mute or keys.
    await thomasSocket.request({ t: 'call.hold', conversationId: customer.conversationId });
    await socket.event('call.held');
    await thomasSocket.request({ t: 'call.unhold', conversationId: customer.conversationId });
    await socket.event('call.resumed');
    await thomasSocket.request({ t: 'call.mute', conversationId: customer.conversationId, muted: true });
    await thomasSocket.request({ t: 'call.dtmf', conversationId: customer.conversationId, digits: '12#' });
    await socket.request({ t: 'call.dtmf', conversationId: customer.conversationId, digits: '4' });
    const keys = await thomasSocket.next(signalFor(customer.conversationId, 'call.dtmf'));
    expect(keys.digits).toBe('4');

    // Blind transfer to a colleague: she answers, and from then on the signalling goes to her.
    await camilleSocket.request({ t: 'status.set', status: 'available' });
    await thomasSocket.request({ t: 'call.transfer', conversationId: customer.conversationId, step: 'blind', toAgentId: 'us_camille', note: 'Kaartvraag' });
    await socket.event('conversation.transferred');
    await camilleSocket.next(signalFor(customer.conversationId, 'offer'));
    await camilleSocket.request({ t: 'offer.accept', conversationId: customer.conversationId });
    expect((await socket.event('call.answered')).data).toEqual({ agentName: 'Camille' });
    socket.send({ t: 'call.offer', conversationId: customer.conversationId, sdp: SDP_OFFER });
    await camilleSocket.next(signalFor(customer.conversationId, 'call.offer'));
    thomasSocket.send({ t: 'call.answer', conversationId: customer.conversationId, sdp: SDP_ANSWER });
    await thomasSocket.next(isError('NOT_PARTICIPANT'));

    // Hang-up closes the call: no more relaying, and the agent finishes the registration.
    await socket.request({ t: 'call.hangup', conversationId: customer.conversationId });
    await socket.event('call.ended');
    camilleSocket.send({ t: 'call.answer', conversationId: customer.conversationId, sdp: SDP_ANSWER });
    await camilleSocket.next(isError('CALL_NOT_CONNECTED'));
    const details = await camille.request<{ state: string; channel: string }>('GET', `/api/conversations/${customer.conversationId}`);
    expect(details.body).toMatchObject({ state: 'wrap_up', channel: 'voice' });
    expect((await camille.request('POST', `/api/conversations/${customer.conversationId}/close`, { wrapUpCode: 'opgelost' })).status).toBe(200);

    // Read back from the database: every step, in order.
    const types = await storedTypes(customer.conversationId);
    const steps = ['conversation.started', 'call.started', 'ivr.prompt', 'ivr.input', 'conversation.queued', 'conversation.offered', 'call.ringing', 'conversation.assigned', 'call.answered', 'call.held', 'call.resumed', 'call.muted', 'call.dtmf', 'conversation.transferred', 'call.answered', 'call.ended', 'conversation.ended_by_customer', 'conversation.closed'];
    let at = -1;
    for (const step of steps) {
      const next = types.indexOf(step, at + 1);
      expect(next, `${step} after position ${at} in ${types.join(',')}`).toBeGreaterThan(at);
      at = next;
    }
    const events = await createRepositories(server.running.db).events.listAfter(customer.conversationId, 0, 1000);
    expect(events.filter((e) => e.type === 'ivr.input').map((e) => e.data)).toEqual([
      { nodeId: 'language', event: 'language', choice: 'nl' },
      { nodeId: 'menu', event: 'invalid', choice: '7' },
      { nodeId: 'menu', event: 'chose', choice: '2' },
    ]);
    expect(events.find((e) => e.type === 'call.dtmf' && e.data.from === 'customer')?.data).toEqual({ from: 'customer', count: 1 });
    expect(events.find((e) => e.type === 'conversation.transferred')?.data).toMatchObject({ toAgentId: 'us_camille', mode: 'blind' });
  });

  it('turns an active chat into a call that rings its agent, consults a colleague (warm transfer) and completes', async () => {
    await camilleSocket.request({ t: 'status.set', status: 'away' });
    const customer = await WidgetClient.start(server.url, BANK, { language: 'nl', visitorId: 'voice-visitor-0003' });
    const socket = await customer.socket();
    // Still waiting: a chat becomes a call only once an agent talks with the customer.
    const early = await socket.request({ t: 'call.start', conversationId: customer.conversationId }).catch((error: Error) => error.message);
    expect(String(early)).toContain('CALL_STATE_INVALID');
    await thomasSocket.next(signalFor(customer.conversationId, 'offer'));
    await thomasSocket.request({ t: 'offer.accept', conversationId: customer.conversationId });
    await socket.event('conversation.assigned');

    const engine = server.running.app.deps.routing.engine('tn_contactpunt');
    const before = { ...engine.agentState('us_thomas').load };
    await socket.request({ t: 'call.start', conversationId: customer.conversationId });
    expect((await socket.event('conversation.channel_switched')).data).toEqual({ from: 'chat', to: 'voice' });
    await thomasSocket.event('call.ringing', (e) => e.conversationId === customer.conversationId);
    socket.send({ t: 'call.offer', conversationId: customer.conversationId, sdp: SDP_OFFER });
    await socket.next(isError('CALL_NOT_CONNECTED'));
    await thomasSocket.request({ t: 'call.answered', conversationId: customer.conversationId });
    await socket.event('call.answered');
    socket.send({ t: 'call.offer', conversationId: customer.conversationId, sdp: SDP_OFFER });
    await thomasSocket.next(signalFor(customer.conversationId, 'call.offer'));
    // Thomas's load moved from the chat channel to the voice channel.
    const after = engine.agentState('us_thomas').load;
    expect([after.voice - before.voice, after.chat - before.chat]).toEqual([1, -1]);

    // Warm: Thomas consults Camille first (the customer waits on hold), then hands the call over.
    await camilleSocket.request({ t: 'status.set', status: 'available' });
    await thomasSocket.request({ t: 'call.transfer', conversationId: customer.conversationId, step: 'consult', toAgentId: 'us_camille', note: 'Wil een lening' });
    await socket.event('call.held');
    const consult = await camilleSocket.next(signalFor(customer.conversationId, 'call.consult'));
    expect(consult).toMatchObject({ active: true, fromAgentName: 'Thomas Janssens', note: 'Wil een lening' });
    await thomasSocket.request({ t: 'call.transfer', conversationId: customer.conversationId, step: 'complete' });
    await camilleSocket.next(signalFor(customer.conversationId, 'offer'));
    await camilleSocket.request({ t: 'offer.accept', conversationId: customer.conversationId });
    expect((await socket.event('call.answered')).data).toEqual({ agentName: 'Camille' });

    // The agent hangs up: the call ends, the conversation waits for her wrap-up.
    await camilleSocket.request({ t: 'call.hangup', conversationId: customer.conversationId });
    expect((await socket.event('call.ended')).data).toEqual({ by: 'agent' });
    expect((await camille.request('POST', `/api/conversations/${customer.conversationId}/close`, { wrapUpCode: 'opgelost' })).status).toBe(200);
    const types = await storedTypes(customer.conversationId);
    for (const step of ['conversation.channel_switched', 'call.started', 'call.ringing', 'call.answered', 'call.held', 'call.consult_started', 'conversation.transferred', 'call.ended', 'conversation.closed']) expect(types).toContain(step);
  });

  it('runs the default flow on a line without a saved one (a welcome, then the queue), and a hang-up while waiting abandons it', async () => {
    // Energie Noord has no saved IVR flow; its opening hours are lifted so the test runs at any hour.
    const admin = await StaffClient.login(server.url, 'beheer@contactpunt.example');
    const config = await admin.request<{ lines: Array<Record<string, unknown> & { id: string }> }>('GET', '/api/admin/config');
    const { id: _id, tenantId: _tenant, ...energie } = config.body.lines.find((l) => l.id === ENERGIE)!;
    expect((await admin.request('PUT', `/api/admin/lines/${ENERGIE}`, { ...energie, openingHours: null })).status).toBe(200);

    await camilleSocket.request({ t: 'status.set', status: 'away' });
    const customer = await WidgetClient.start(server.url, ENERGIE, { channel: 'voice', language: 'fr', visitorId: 'voice-visitor-0004' });
    const socket = await customer.socket();
    const welcome = await socket.event('ivr.prompt');
    expect(welcome.data).toEqual({ text: 'Bienvenue chez Energie Noord. Un instant, nous vous mettons en relation avec un conseiller.', language: 'fr', expectsDigits: false });
    await socket.event('conversation.queued');
    await socket.request({ t: 'call.hangup', conversationId: customer.conversationId });
    await socket.event('call.ended');
    const types = await storedTypes(customer.conversationId);
    expect(types).toEqual(['conversation.started', 'call.started', 'ivr.prompt', 'conversation.queued', 'call.ended', 'conversation.ended_by_customer', 'conversation.abandoned']);
  });

  it('closes the call when the caller hangs up in the IVR', async () => {
    const customer = await WidgetClient.start(server.url, BANK, { channel: 'voice', language: 'en', visitorId: 'voice-visitor-0005' });
    const socket = await customer.socket();
    await socket.event('ivr.prompt', (e) => (e.data as { expectsDigits: boolean }).expectsDigits);
    await socket.request({ t: 'call.hangup', conversationId: customer.conversationId });
    expect((await socket.event('conversation.closed')).data).toEqual({ reason: 'ended_in_ivr' });
    // Keys after the end are refused.
    const late = await socket.request({ t: 'call.dtmf', conversationId: customer.conversationId, digits: '1' }).catch((error: Error) => error.message);
    expect(String(late)).toContain('CALL_NOT_CONNECTED');
  });
});
