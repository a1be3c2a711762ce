import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { startCentraal } from '../../src/start-centraal.js';
import { StaffClient } from '../support/api-client.js';
import { createTestDatabase, testDialects } from '../support/databases.js';
import { FAKE_ACCOUNT_SID, FakeVoiceProvider } from '../support/fake-voice-provider.js';
import type { FrameSocket } from '../support/frame-socket.js';
import { seedSecondTenant, TENANT_B } from '../support/second-tenant.js';
import type { TestServer } from '../support/test-server.js';
import { TEST_PUBLIC_BASE_URL, TEST_TWILIO_TOKEN, TwilioClient, type TwimlResponse } from '../support/twilio-client.js';
import { checkTwiml, readTwiml, type TwimlElement } from '../support/twiml-rules.js';

const BANK = 'ln_bankzuid';
const VOICE_BASE = `${TEST_PUBLIC_BASE_URL}/api/voice/twilio/${BANK}`;

function twiml(response: TwimlResponse | string): TwimlElement[] {
  const text = typeof response === 'string' ? response : response.text;
  if (typeof response !== 'string') expect(response.status, text).toBe(200);
  expect(checkTwiml(text), text).toEqual([]);
  return readTwiml(text);
}
const names = (verbs: TwimlElement[]) => verbs.map((v) => v.name);

/** The demo tenant plus tenant B, on a listening server (sockets for the agents). */
async function startServer(dialect: Parameters<typeof createTestDatabase>[0], env: Record<string, string>): Promise<TestServer> {
  const database = await createTestDatabase(dialect);
  const db = await database.open();
  await seedSecondTenant(db);
  await db.close();
  const config = loadConfig({ ...database.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'fatal', SQLITE_SYNCHRONOUS: 'NORMAL', DEMO_CUSTOMER_BOT: 'false', ...env });
  const running = await startCentraal(config, { quiet: true });
  return {
    url: running.url,
    running,
    database,
    async stop() {
      await running.stop();
      await database.destroy();
    },
  };
}

type Details = { state: string; assignedAgentId: string | null; phoneCall: { status: string } | null };
type Log = { events: Array<{ type: string; actor: { id?: string }; data: Record<string, unknown> }> };

describe.each(testDialects())('phone-line call controls through the provider REST API on %s', (dialect) => {
  let server: TestServer;
  let provider: FakeVoiceProvider;
  let thomas: StaffClient;
  let lucas: StaffClient;
  let thomasSocket: FrameSocket;
  let lucasSocket: FrameSocket;

  beforeAll(async () => {
    provider = await new FakeVoiceProvider(FAKE_ACCOUNT_SID, TEST_TWILIO_TOKEN).start();
    server = await startServer(dialect, {
      TWILIO_AUTH_TOKEN: TEST_TWILIO_TOKEN,
      TWILIO_ACCOUNT_SID: FAKE_ACCOUNT_SID,
      TWILIO_API_BASE_URL: provider.baseUrl,
      TWILIO_API_TIMEOUT_MS: '2000',
      PUBLIC_BASE_URL: TEST_PUBLIC_BASE_URL,
    });
    thomas = await StaffClient.login(server.url, 'thomas@contactpunt.example');
    lucas = await StaffClient.login(server.url, 'lucas@contactpunt.example');
    thomasSocket = await thomas.socket();
    lucasSocket = await lucas.socket();
  });

  afterAll(async () => {
    await thomasSocket?.close();
    await lucasSocket?.close();
    await server?.stop();
    await provider?.stop();
  });

  /** A caller through the IVR into the general queue, accepted by Thomas and dialled through to his client. */
  async function connectedCall(): Promise<{ call: TwilioClient; conversationId: string }> {
    const call = new TwilioClient(server.url, BANK);
    twiml(await call.post('incoming', { CallStatus: 'ringing' }));
    expect((await call.post('status', { CallStatus: 'in-progress' })).status).toBe(204);
    twiml(await call.post('gather', { Digits: '3' }));
    expect(names(twiml(await call.post('gather', { Digits: '2' })))).toEqual(['Say', 'Enqueue']);
    await thomasSocket.request({ t: 'status.set', status: 'available' });
    const offer = await thomasSocket.next((f) => f.t === 'offer', 10_000, 'offer');
    const conversationId = offer.conversationId as string;
    await thomasSocket.request({ t: 'offer.accept', conversationId });
    // Put through at once with the provider's REST API: the caller's leg gets the Dial to Thomas's client.
    const connect = await connectRequest(call.callSid, thomas.agentId);
    expect(names(connect)).toEqual(['Say', 'Dial', 'Hangup']);
    expect(connect[1]).toMatchObject({ attributes: { action: `${VOICE_BASE}/dial-result` } });
    // A hold request already under way when the update landed still answers sensibly (and logs nothing twice).
    expect(names(twiml(await call.post('hold')))).toEqual(['Leave']);
    expect(names(twiml(await call.post('queue-result', { QueueResult: 'leave' })))).toEqual(['Say', 'Dial', 'Hangup']);
    return { call, conversationId };
  }

  /** The REST update that dials `agentId`'s client for this call (it is sent just after the accept). */
  async function connectRequest(callSid: string, agentId: string): Promise<TwimlElement[]> {
    const isConnect = (r: { callSid: string; form: Record<string, string> }) => r.callSid === callSid && (r.form.Twiml ?? '').includes(`<Client>${agentId}</Client>`) && (r.form.Twiml ?? '').includes('<Say');
    await expect.poll(() => provider.requests.some(isConnect), { timeout: 5_000 }).toBe(true);
    return twiml(provider.requests.find(isConnect)!.form.Twiml!);
  }

  const details = async (who: StaffClient, id: string) => (await who.request<Details>('GET', `/api/conversations/${id}`)).body;
  const eventTypes = async (who: StaffClient, id: string) => (await who.request<Log>('GET', `/api/conversations/${id}/events`)).body.events;

  it('hold → resume → blind transfer to a queue → the colleague hangs up; each step reaches the provider and the log', async () => {
    const { call, conversationId } = await connectedCall();
    expect(await details(thomas, conversationId)).toMatchObject({ state: 'active', phoneCall: { status: 'in-progress' } });
    const path = `/2010-04-01/Accounts/${FAKE_ACCOUNT_SID}/Calls/${call.callSid}.json`;
    const before = provider.requests.length;

    // Hold: the caller's leg gets TwiML that loops the hold music.
    expect((await thomas.request('POST', `/api/conversations/${conversationId}/phone/hold`)).status).toBe(200);
    const hold = provider.requests[before]!;
    expect(hold).toMatchObject({ path, callSid: call.callSid });
    expect(Object.keys(hold.form)).toEqual(['Twiml']);
    expect(twiml(hold.form.Twiml!)).toEqual([{ name: 'Play', attributes: { loop: '0' }, text: `${TEST_PUBLIC_BASE_URL}/voice/hold-music.wav`, children: [] }]);
    expect((await details(thomas, conversationId)).state).toBe('on_hold');
    // Should the provider still report the end of Thomas's leg, the held caller keeps the music (no hang-up).
    expect(twiml(await call.post('dial-result', { DialCallStatus: 'completed' }))).toMatchObject([{ name: 'Play', attributes: { loop: '0' } }]);

    // Resume: dialled through to Thomas's softphone client again.
    expect((await thomas.request('POST', `/api/conversations/${conversationId}/phone/resume`)).status).toBe(200);
    const resume = twiml(provider.requests[before + 1]!.form.Twiml!);
    expect(names(resume)).toEqual(['Dial', 'Hangup']);
    expect(resume[0]).toMatchObject({ attributes: { action: `${VOICE_BASE}/dial-result` }, children: [{ name: 'Client', text: thomas.agentId }] });
    expect((await details(thomas, conversationId)).state).toBe('active');

    // Blind transfer to the card queue: the caller is enqueued again through the adapter's hold loop.
    await thomasSocket.request({ t: 'status.set', status: 'away' });
    const transfer = await thomas.request('POST', `/api/conversations/${conversationId}/phone/transfer`, { toQueueId: 'qu_bank_kaart', note: 'Card blocked' });
    expect(transfer.status, JSON.stringify(transfer.body)).toBe(200);
    const enqueue = twiml(provider.requests[before + 2]!.form.Twiml!);
    expect(enqueue).toEqual([{ name: 'Enqueue', attributes: { action: `${VOICE_BASE}/queue-result`, method: 'POST', waitUrl: `${VOICE_BASE}/hold`, waitUrlMethod: 'POST' }, text: 'qu_bank_kaart', children: [] }]);
    // Waiting again: hold music (no reconnect to Thomas).
    expect(names(twiml(await call.post('hold')))).toContain('Redirect');

    // Lucas takes it; the hold loop leaves the queue and the queue result dials his client.
    await lucasSocket.request({ t: 'status.set', status: 'available' });
    const offer = await lucasSocket.next((f) => f.t === 'offer' && f.conversationId === conversationId, 10_000, 'offer to Lucas');
    expect(offer.offer).toMatchObject({ queueId: 'qu_bank_kaart' });
    await lucasSocket.request({ t: 'offer.accept', conversationId });
    expect((await connectRequest(call.callSid, lucas.agentId))[1]).toMatchObject({ name: 'Dial', children: [{ name: 'Client', text: lucas.agentId }] });
    expect(names(twiml(await call.post('hold')))).toEqual(['Leave']);
    const toLucas = twiml(await call.post('queue-result', { QueueResult: 'leave' }));
    expect(toLucas[1]).toMatchObject({ name: 'Dial', children: [{ name: 'Client', text: lucas.agentId }] });
    // Thomas no longer controls it.
    expect((await thomas.request('POST', `/api/conversations/${conversationId}/phone/hold`)).status).toBe(403);

    // Hang-up: Status=completed, the conversation to wrap-up; the provider's status callback is logged as before.
    expect((await lucas.request('POST', `/api/conversations/${conversationId}/phone/hangup`)).status).toBe(200);
    expect(provider.requests[before + 4]).toMatchObject({ path, form: { Status: 'completed' } });
    expect(Object.keys(provider.requests[before + 4]!.form)).toEqual(['Status']);
    expect((await details(lucas, conversationId)).state).toBe('wrap_up');
    expect((await call.post('status', { CallStatus: 'completed' })).status).toBe(204);
    expect(await details(lucas, conversationId)).toMatchObject({ state: 'wrap_up', phoneCall: { status: 'completed' } });
    // Nothing more to control.
    expect((await lucas.request<{ error: { code: string } }>('POST', `/api/conversations/${conversationId}/phone/hold`)).body.error.code).toBe('CALL_NOT_CONNECTED');
    expect(provider.requests).toHaveLength(before + 5);
    expect((await lucas.request('POST', `/api/conversations/${conversationId}/close`, { wrapUpCode: 'opgelost' })).status).toBe(200);

    const events = await eventTypes(lucas, conversationId);
    const controls = events.filter((e) => ['call.held', 'call.resumed', 'conversation.transferred', 'call.ended', 'call.connecting'].includes(e.type));
    expect(controls.map((e) => [e.type, e.actor.id ?? null])).toEqual([
      ['call.connecting', null],
      ['call.held', thomas.agentId],
      ['call.resumed', thomas.agentId],
      ['conversation.transferred', thomas.agentId],
      ['call.connecting', null],
      ['call.ended', lucas.agentId],
    ]);
    expect(controls[3]!.data).toMatchObject({ toQueueId: 'qu_bank_kaart', mode: 'blind' });
    expect(events.filter((e) => e.type === 'call.status').map((e) => e.data.status)).toEqual(['ringing', 'in-progress', 'completed']);
    expect(provider.refused).toEqual([]);
    await thomasSocket.request({ t: 'status.set', status: 'away' });
    await lucasSocket.request({ t: 'status.set', status: 'away' });
  });

  it('provider down when an agent accepts: the hold loop still puts the caller through', async () => {
    const call = new TwilioClient(server.url, BANK);
    twiml(await call.post('incoming', { CallStatus: 'ringing' }));
    twiml(await call.post('gather', { Digits: '3' }));
    twiml(await call.post('gather', { Digits: '2' }));
    provider.mode = 'error';
    try {
      await thomasSocket.request({ t: 'status.set', status: 'available' });
      const offer = await thomasSocket.next((f) => f.t === 'offer', 10_000, 'offer');
      const conversationId = offer.conversationId as string;
      await thomasSocket.request({ t: 'offer.accept', conversationId });
      expect(names(twiml(await call.post('hold')))).toEqual(['Leave']);
      const connect = twiml(await call.post('queue-result', { QueueResult: 'leave' }));
      expect(connect[1]).toMatchObject({ name: 'Dial', children: [{ name: 'Client', text: thomas.agentId }] });
      expect((await eventTypes(thomas, conversationId)).filter((e) => e.type === 'call.connecting')).toHaveLength(1);
      expect(await details(thomas, conversationId)).toMatchObject({ state: 'active', assignedAgentId: thomas.agentId });
      provider.mode = 'ok';
      expect((await thomas.request('POST', `/api/conversations/${conversationId}/phone/hangup`)).status).toBe(200);
      expect((await thomas.request('POST', `/api/conversations/${conversationId}/close`, { wrapUpCode: 'opgelost' })).status).toBe(200);
    } finally {
      provider.mode = 'ok';
    }
  });

  it('provider down: 502 with a code, the call and the log unchanged; other agents and tenants cannot control the call', async () => {
    const { call, conversationId } = await connectedCall();
    const eventsBefore = (await eventTypes(thomas, conversationId)).length;
    const requestsBefore = provider.requests.length;

    for (const mode of ['error', 'reset'] as const) {
      provider.mode = mode;
      const held = await thomas.request<{ error: { code: string } }>('POST', `/api/conversations/${conversationId}/phone/hold`);
      expect([mode, held.status, held.body.error.code]).toEqual([mode, 502, 'VOICE_PROVIDER_UNAVAILABLE']);
      const hungUp = await thomas.request<{ error: { code: string } }>('POST', `/api/conversations/${conversationId}/phone/hangup`);
      expect([mode, hungUp.status, hungUp.body.error.code]).toEqual([mode, 502, 'VOICE_PROVIDER_UNAVAILABLE']);
      const moved = await thomas.request<{ error: { code: string } }>('POST', `/api/conversations/${conversationId}/phone/transfer`, { toQueueId: 'qu_bank_kaart' });
      expect([mode, moved.status, moved.body.error.code]).toEqual([mode, 502, 'VOICE_PROVIDER_UNAVAILABLE']);
    }
    provider.mode = 'ok';
    expect(await details(thomas, conversationId)).toMatchObject({ state: 'active', assignedAgentId: thomas.agentId });
    expect(await eventTypes(thomas, conversationId)).toHaveLength(eventsBefore);
    // The caller's hold loop still belongs to Thomas: it reconnects him, not the queue.
    expect(names(twiml(await call.post('hold')))).toEqual(['Leave']);

    // A colleague of the same tenant who does not hold the call, and an agent of another tenant.
    const camille = await StaffClient.login(server.url, 'camille@contactpunt.example');
    const other = await StaffClient.login(server.url, `${TENANT_B.agentId}@tenant-b.example`, TENANT_B.password);
    for (const action of ['hold', 'resume', 'hangup']) {
      const colleague = await camille.request<{ error: { code: string } }>('POST', `/api/conversations/${conversationId}/phone/${action}`);
      expect([action, colleague.status, colleague.body.error.code]).toEqual([action, 403, 'NOT_PARTICIPANT']);
      const stranger = await other.request<{ error: { code: string } }>('POST', `/api/conversations/${conversationId}/phone/${action}`);
      expect([action, stranger.status, stranger.body.error.code]).toEqual([action, 404, 'CONVERSATION_NOT_FOUND']);
    }
    const strangerTransfer = await other.request('POST', `/api/conversations/${conversationId}/phone/transfer`, { toNumber: '+3225550199' });
    expect(strangerTransfer.status).toBe(404);
    expect(provider.requests).toHaveLength(requestsBefore);

    // A bad number never reaches the provider; a real one is dialled and the conversation goes to wrap-up.
    expect((await thomas.request('POST', `/api/conversations/${conversationId}/phone/transfer`, { toNumber: '0470 12 34 56' })).status).toBe(400);
    expect((await thomas.request('POST', `/api/conversations/${conversationId}/phone/transfer`, { toNumber: '+3225550199' })).status).toBe(200);
    const dial = twiml(provider.requests[requestsBefore]!.form.Twiml!);
    expect(dial[0]).toMatchObject({ name: 'Dial', attributes: { timeout: '30' }, children: [{ name: 'Number', text: '+3225550199' }] });
    expect((await details(thomas, conversationId)).state).toBe('wrap_up');
    const transferred = (await eventTypes(thomas, conversationId)).find((e) => e.type === 'conversation.transferred');
    expect(transferred?.data).toMatchObject({ toNumberEnding: '0199', mode: 'blind' });
    expect(JSON.stringify(transferred)).not.toContain('+3225550199');
    expect(provider.refused).toEqual([]);
  });
});
