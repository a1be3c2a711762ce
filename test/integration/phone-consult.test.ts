import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { startCentraal, type RunningCentraal } from '../../src/start-centraal.js';
import { createRepositories } from '../../src/storage/index.js';
import { StaffClient } from '../support/api-client.js';
import { createTestDatabase, testDialects } from '../support/databases.js';
import { FAKE_ACCOUNT_SID, FakeVoiceProvider } from '../support/fake-voice-provider.js';
import type { FrameSocket } from '../support/frame-socket.js';
import { seedSecondTenant, TENANT_B } from '../support/second-tenant.js';
import { TEST_PUBLIC_BASE_URL, TEST_TWILIO_TOKEN, TwilioClient, type TwimlResponse } from '../support/twilio-client.js';
import { checkTwiml, readTwiml, type TwimlElement } from '../support/twiml-rules.js';

const BANK = 'ln_bankzuid';
const VOICE_BASE = `${TEST_PUBLIC_BASE_URL}/api/voice/twilio/${BANK}`;
const HOLD_MUSIC = `${TEST_PUBLIC_BASE_URL}/voice/hold-music.wav`;

function twiml(response: TwimlResponse | string): TwimlElement[] {
  const text = typeof response === 'string' ? response : response.text;
  if (typeof response !== 'string') expect(response.status, text).toBe(200);
  expect(checkTwiml(text), text).toEqual([]);
  return readTwiml(text);
}
const names = (verbs: TwimlElement[]) => verbs.map((v) => v.name);

interface RestartableServer {
  readonly url: string;
  running: RunningCentraal;
  /** Stops the server (its memory goes) and starts a new one on the same database. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

async function startServer(dialect: Parameters<typeof createTestDatabase>[0], env: Record<string, string>): Promise<RestartableServer> {
  const database = await createTestDatabase(dialect);
  const db = await database.open();
  await seedSecondTenant(db);
  await db.close();
  const config = loadConfig({ ...database.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'fatal', SQLITE_SYNCHRONOUS: 'NORMAL', DEMO_CUSTOMER_BOT: 'false', ...env });
  const server: RestartableServer = {
    running: await startCentraal(config, { quiet: true }),
    get url() {
      return this.running.url;
    },
    async restart() {
      await this.running.stop();
      this.running = await startCentraal(config, { quiet: true });
    },
    async stop() {
      await this.running.stop();
      await database.destroy();
    },
  };
  return server;
}

type Details = { state: string; assignedAgentId: string | null };
type Log = { events: Array<{ type: string; actor: { id?: string }; data: Record<string, unknown> }> };
type Failure = { error: { code: string } };

describe.each(testDialects())('warm transfer of a phone-line call (provider conference) on %s', (dialect) => {
  let server: RestartableServer;
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

  /** A caller through the IVR, accepted by Thomas and put through to his client; then Lucas becomes available. */
  async function connectedCall(): Promise<{ call: TwilioClient; conversationId: string }> {
    await lucasSocket.request({ t: 'status.set', status: 'away' });
    const call = new TwilioClient(server.url, BANK);
    twiml(await call.post('incoming', { CallStatus: 'ringing' }));
    expect((await call.post('status', { CallStatus: 'in-progress' })).status).toBe(204);
    twiml(await call.post('gather', { Digits: '3' }));
    twiml(await call.post('gather', { Digits: '2' }));
    await thomasSocket.request({ t: 'status.set', status: 'available' });
    const offer = await thomasSocket.next((f) => f.t === 'offer', 10_000, 'offer');
    const conversationId = offer.conversationId as string;
    await thomasSocket.request({ t: 'offer.accept', conversationId });
    await expect.poll(async () => (await events(thomas, conversationId)).some((e) => e.type === 'call.connecting'), { timeout: 5_000 }).toBe(true);
    await thomasSocket.request({ t: 'status.set', status: 'away' });
    await lucasSocket.request({ t: 'status.set', status: 'available' });
    return { call, conversationId };
  }

  const details = async (who: StaffClient, id: string) => (await who.request<Details>('GET', `/api/conversations/${id}`)).body;
  const events = async (who: StaffClient, id: string) => (await who.request<Log>('GET', `/api/conversations/${id}/events`)).body.events;
  const callPath = (sid: string) => `/2010-04-01/Accounts/${FAKE_ACCOUNT_SID}/Calls/${sid}.json`;

  /** Consult Lucas: the caller waits with music in the conference; a new call rings Lucas and dials Thomas. */
  async function consultLucas(call: TwilioClient, conversationId: string): Promise<string> {
    const before = provider.requests.length;
    const consulted = await thomas.request('POST', `/api/conversations/${conversationId}/phone/consult`, { toAgentId: lucas.agentId, note: 'Mortgage question' });
    expect(consulted.status, JSON.stringify(consulted.body)).toBe(200);
    const [moveCaller, ringColleague] = provider.requests.slice(before);
    expect(provider.requests).toHaveLength(before + 2);
    expect(moveCaller).toMatchObject({ path: callPath(call.callSid) });
    expect(twiml(moveCaller!.form.Twiml!)).toEqual([
      {
        name: 'Dial',
        attributes: {},
        text: '',
        children: [{ name: 'Conference', attributes: { startConferenceOnEnter: 'false', endConferenceOnExit: 'true', beep: 'false', waitUrl: HOLD_MUSIC, waitMethod: 'GET' }, text: `consult-${conversationId}`, children: [] }],
      },
      { name: 'Hangup', attributes: {}, text: '', children: [] },
    ]);
    expect(ringColleague).toMatchObject({ path: `/2010-04-01/Accounts/${FAKE_ACCOUNT_SID}/Calls.json`, form: { To: `client:${lucas.agentId}`, From: `client:${thomas.agentId}` } });
    expect(twiml(ringColleague!.form.Twiml!)[0]).toMatchObject({ name: 'Dial', children: [{ name: 'Client', text: thomas.agentId }] });
    const frame = await lucasSocket.next((f) => f.t === 'call.consult' && f.conversationId === conversationId && f.active === true, 5_000, 'consult frame');
    expect(frame).toMatchObject({ fromAgentId: thomas.agentId, note: 'Mortgage question' });
    expect(await details(thomas, conversationId)).toMatchObject({ state: 'on_hold', assignedAgentId: thomas.agentId });
    return ringColleague!.callSid;
  }

  it('consult → complete: the colleague joins the caller in the conference and gets the conversation; the log tells it', async () => {
    const { call, conversationId } = await connectedCall();
    const legSid = await consultLucas(call, conversationId);
    // Should the provider still report the end of Thomas's leg, the caller goes back into the room, not to plain music.
    const late = twiml(await call.post('dial-result', { DialCallStatus: 'completed' }));
    expect(late[0]).toMatchObject({ name: 'Dial', children: [{ name: 'Conference', attributes: { startConferenceOnEnter: 'false' }, text: `consult-${conversationId}` }] });

    // While consulting, only complete, cancel and hang-up apply.
    for (const [action, body] of [['resume', undefined], ['transfer', { toQueueId: 'qu_bank_kaart' }], ['consult', { toAgentId: lucas.agentId }]] as const) {
      const refused = await thomas.request<Failure>('POST', `/api/conversations/${conversationId}/phone/${action}`, body);
      expect([action, refused.status, refused.body.error.code]).toEqual([action, 409, 'CALL_STATE_INVALID']);
    }

    const before = provider.requests.length;
    const completed = await thomas.request('POST', `/api/conversations/${conversationId}/phone/consult/complete`, { note: 'Knows the case' });
    expect(completed.status, JSON.stringify(completed.body)).toBe(200);
    // Lucas's leg leaves Thomas and starts the conference with the caller.
    expect(provider.requests[before]).toMatchObject({ path: callPath(legSid) });
    expect(twiml(provider.requests[before]!.form.Twiml!)[0]).toMatchObject({
      name: 'Dial',
      children: [{ name: 'Conference', attributes: { startConferenceOnEnter: 'true', endConferenceOnExit: 'true', beep: 'false' }, text: `consult-${conversationId}` }],
    });
    // Handed over but not yet accepted: a late Dial action still keeps the caller in the room (not the hold loop).
    expect(twiml(await call.post('dial-result', { DialCallStatus: 'completed' }))[0]!.children[0]).toMatchObject({ name: 'Conference', text: `consult-${conversationId}` });
    // The conversation is offered to Lucas; accepting does not dial the caller again (they are already talking).
    await lucasSocket.next((f) => f.t === 'offer' && f.conversationId === conversationId, 10_000, 'offer to Lucas');
    await lucasSocket.request({ t: 'offer.accept', conversationId });
    await expect.poll(async () => (await events(lucas, conversationId)).filter((e) => e.type === 'call.connecting').length, { timeout: 5_000 }).toBe(2);
    expect(provider.requests).toHaveLength(before + 1);
    expect(await details(lucas, conversationId)).toMatchObject({ state: 'active', assignedAgentId: lucas.agentId });
    expect((await thomas.request('POST', `/api/conversations/${conversationId}/phone/hold`)).status).toBe(403);

    const log = (await events(lucas, conversationId)).filter((e) => ['call.held', 'call.consult_started', 'conversation.transferred', 'call.connecting', 'note.created'].includes(e.type));
    expect(log.map((e) => e.type)).toEqual(['call.connecting', 'call.held', 'call.consult_started', 'note.created', 'conversation.transferred', 'call.connecting']);
    expect(log[2]!.data).toMatchObject({ agentId: lucas.agentId, via: 'phone', note: 'Mortgage question' });
    expect(log[4]!.data).toMatchObject({ fromAgentId: thomas.agentId, toAgentId: lucas.agentId, mode: 'warm' });
    expect(log[5]!.data).toMatchObject({ agentId: lucas.agentId, via: 'conference' });

    // Lucas can control the call as his own; the hang-up ends it.
    expect((await lucas.request('POST', `/api/conversations/${conversationId}/phone/hangup`)).status).toBe(200);
    expect(provider.requests[before + 1]).toMatchObject({ path: callPath(call.callSid), form: { Status: 'completed' } });
    expect((await lucas.request('POST', `/api/conversations/${conversationId}/close`, { wrapUpCode: 'opgelost' })).status).toBe(200);
    expect(provider.refused).toEqual([]);
  });

  it('consult → cancel: the colleague\'s leg ends and the caller is back with the agent', async () => {
    const { call, conversationId } = await connectedCall();
    const legSid = await consultLucas(call, conversationId);
    const before = provider.requests.length;
    const cancelled = await thomas.request('POST', `/api/conversations/${conversationId}/phone/consult/cancel`);
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    expect(provider.requests.slice(before).map((r) => r.path)).toEqual([callPath(legSid), callPath(call.callSid)]);
    expect(provider.requests[before]!.form).toEqual({ Status: 'completed' });
    const back = twiml(provider.requests[before + 1]!.form.Twiml!);
    expect(back[0]).toMatchObject({ name: 'Dial', attributes: { action: `${VOICE_BASE}/dial-result` }, children: [{ name: 'Client', text: thomas.agentId }] });
    await lucasSocket.next((f) => f.t === 'call.consult' && f.conversationId === conversationId && f.active === false, 5_000, 'consult over');
    expect(await details(thomas, conversationId)).toMatchObject({ state: 'active', assignedAgentId: thomas.agentId });
    const log = (await events(thomas, conversationId)).filter((e) => e.type.startsWith('call.consult') || e.type === 'call.resumed');
    expect(log.map((e) => [e.type, e.actor.id])).toEqual([
      ['call.consult_started', thomas.agentId],
      ['call.consult_cancelled', thomas.agentId],
      ['call.resumed', thomas.agentId],
    ]);
    // Nothing left to complete or cancel.
    const again = await thomas.request<Failure>('POST', `/api/conversations/${conversationId}/phone/consult/complete`);
    expect([again.status, again.body.error.code]).toEqual([409, 'CALL_STATE_INVALID']);
    // A new consult works again, and hanging up during it ends the colleague's leg too.
    const secondLeg = await consultLucas(call, conversationId);
    const beforeHangUp = provider.requests.length;
    expect((await thomas.request('POST', `/api/conversations/${conversationId}/phone/hangup`)).status).toBe(200);
    expect(provider.requests.slice(beforeHangUp).map((r) => [r.path, r.form.Status])).toEqual([
      [callPath(call.callSid), 'completed'],
      [callPath(secondLeg), 'completed'],
    ]);
    expect((await thomas.request('POST', `/api/conversations/${conversationId}/close`, { wrapUpCode: 'opgelost' })).status).toBe(200);
    expect(provider.refused).toEqual([]);
  });

  it('provider down during the consult: 502, the call and the log unchanged; others cannot consult', async () => {
    const { call, conversationId } = await connectedCall();
    const eventsBefore = (await events(thomas, conversationId)).length;
    let before = provider.requests.length;
    for (const mode of ['error', 'reset'] as const) {
      provider.mode = mode;
      const failed = await thomas.request<Failure>('POST', `/api/conversations/${conversationId}/phone/consult`, { toAgentId: lucas.agentId });
      expect([mode, failed.status, failed.body.error.code]).toEqual([mode, 502, 'VOICE_PROVIDER_UNAVAILABLE']);
    }
    provider.mode = 'ok';
    expect(provider.requests).toHaveLength(before);

    // The caller was moved, then the colleague could not be called: the caller is put back through to Thomas.
    provider.refuseNewCalls = true;
    try {
      const failed = await thomas.request<Failure>('POST', `/api/conversations/${conversationId}/phone/consult`, { toAgentId: lucas.agentId });
      expect([failed.status, failed.body.error.code]).toEqual([502, 'VOICE_PROVIDER_UNAVAILABLE']);
    } finally {
      provider.refuseNewCalls = false;
    }
    const [moved, back] = provider.requests.slice(before);
    expect(provider.requests).toHaveLength(before + 2);
    expect(twiml(moved!.form.Twiml!)[0]!.children[0]!.name).toBe('Conference');
    expect(twiml(back!.form.Twiml!)[0]).toMatchObject({ name: 'Dial', children: [{ name: 'Client', text: thomas.agentId }] });
    expect(await details(thomas, conversationId)).toMatchObject({ state: 'active', assignedAgentId: thomas.agentId });
    expect(await events(thomas, conversationId)).toHaveLength(eventsBefore);

    // A consult under way, then the provider fails at complete and at cancel: nothing changes.
    await consultLucas(call, conversationId);
    const consulting = (await events(thomas, conversationId)).length;
    provider.mode = 'error';
    for (const step of ['complete', 'cancel']) {
      const failed = await thomas.request<Failure>('POST', `/api/conversations/${conversationId}/phone/consult/${step}`);
      expect([step, failed.status, failed.body.error.code]).toEqual([step, 502, 'VOICE_PROVIDER_UNAVAILABLE']);
    }
    provider.mode = 'ok';
    expect(await details(thomas, conversationId)).toMatchObject({ state: 'on_hold', assignedAgentId: thomas.agentId });
    expect(await events(thomas, conversationId)).toHaveLength(consulting);

    // A colleague who does not hold the call, and an agent of another tenant, reach nothing.
    before = provider.requests.length;
    const camille = await StaffClient.login(server.url, 'camille@contactpunt.example');
    const other = await StaffClient.login(server.url, `${TENANT_B.agentId}@tenant-b.example`, TENANT_B.password);
    for (const [step, body] of [['consult', { toAgentId: lucas.agentId }], ['consult/complete', undefined], ['consult/cancel', undefined]] as const) {
      const colleague = await camille.request<Failure>('POST', `/api/conversations/${conversationId}/phone/${step}`, body);
      expect([step, colleague.status, colleague.body.error.code]).toEqual([step, 403, 'NOT_PARTICIPANT']);
      const stranger = await other.request<Failure>('POST', `/api/conversations/${conversationId}/phone/${step}`, body);
      expect([step, stranger.status, stranger.body.error.code]).toEqual([step, 404, 'CONVERSATION_NOT_FOUND']);
    }
    expect(provider.requests).toHaveLength(before);
    // A consult of someone outside the tenant or of oneself is refused before the call is touched.
    expect((await thomas.request('POST', `/api/conversations/${conversationId}/phone/consult/cancel`)).status).toBe(200);
    for (const toAgentId of [TENANT_B.agentId, thomas.agentId]) {
      const refused = await thomas.request<Failure>('POST', `/api/conversations/${conversationId}/phone/consult`, { toAgentId });
      expect([toAgentId, refused.status, refused.body.error.code]).toEqual([toAgentId, 422, 'TRANSFER_TARGET_INVALID']);
    }
    expect(provider.requests).toHaveLength(before + 2);
    expect((await thomas.request('POST', `/api/conversations/${conversationId}/phone/hangup`)).status).toBe(200);
    expect((await thomas.request('POST', `/api/conversations/${conversationId}/close`, { wrapUpCode: 'opgelost' })).status).toBe(200);
    expect(provider.refused).toEqual([]);
    await lucasSocket.request({ t: 'status.set', status: 'away' });
  });

  it('a consult open before a restart is cancelled after it: the stored leg is hung up, the caller back with the agent', async () => {
    const { call, conversationId } = await connectedCall();
    const legSid = await consultLucas(call, conversationId);
    expect((await createRepositories(server.running.db).callStates.get(conversationId))?.consult).toEqual({ agentId: lucas.agentId, agentName: expect.any(String), callSid: legSid });

    await thomasSocket.close();
    await lucasSocket.close();
    await server.restart();
    thomas = await StaffClient.login(server.url, 'thomas@contactpunt.example');
    lucas = await StaffClient.login(server.url, 'lucas@contactpunt.example');
    thomasSocket = await thomas.socket();
    lucasSocket = await lucas.socket();

    const before = provider.requests.length;
    const cancelled = await thomas.request('POST', `/api/conversations/${conversationId}/phone/consult/cancel`);
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    expect(provider.requests.slice(before).map((r) => [r.path, r.form.Status ?? 'twiml'])).toEqual([
      [callPath(legSid), 'completed'],
      [callPath(call.callSid), 'twiml'],
    ]);
    expect(await details(thomas, conversationId)).toMatchObject({ state: 'active', assignedAgentId: thomas.agentId });
    expect(await createRepositories(server.running.db).callStates.get(conversationId)).toBeUndefined();
    expect((await thomas.request('POST', `/api/conversations/${conversationId}/phone/hangup`)).status).toBe(200);
    expect((await thomas.request('POST', `/api/conversations/${conversationId}/close`, { wrapUpCode: 'opgelost' })).status).toBe(200);
    expect(provider.refused).toEqual([]);
  });
});
