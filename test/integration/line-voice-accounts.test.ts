import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PhoneCallControl } from '../../src/app/voice/phone-call-control.js';
import { loadConfig } from '../../src/config/config.js';
import { startCentraal, type RunningCentraal } from '../../src/start-centraal.js';
import { StaffClient } from '../support/api-client.js';
import { createTestDatabase, testDialects } from '../support/databases.js';
import { FAKE_ACCOUNT_SID, FakeVoiceProvider } from '../support/fake-voice-provider.js';
import type { FrameSocket } from '../support/frame-socket.js';
import { newCallSid, TEST_PUBLIC_BASE_URL, TEST_TWILIO_TOKEN, TwilioClient, type TwimlResponse } from '../support/twilio-client.js';
import { checkTwiml, readTwiml, type TwimlElement } from '../support/twiml-rules.js';

const BANK = 'ln_bankzuid';
const ENERGY = 'ln_energienoord';
const KIDS = 'ln_kinderlijn';
/** Two brands' sub-accounts, each with its own token and number. */
const ACCOUNT_BANK = { sid: `AC${'b1'.repeat(16)}`, token: 'bank-brand-auth-token-000111', number: '+3225550101' };
const ACCOUNT_ENERGY = { sid: `AC${'e2'.repeat(16)}`, token: 'energy-brand-auth-token-222333', number: '+3225550202' };
const OUTSIDE = '+3225550999';

function twiml(response: TwimlResponse | string): TwimlElement[] {
  const text = typeof response === 'string' ? response : response.text;
  if (typeof response !== 'string') expect(response.status, text).toBe(200);
  expect(checkTwiml(text), text).toEqual([]);
  return readTwiml(text);
}

type Failure = { error: { code: string } };
type Log = { events: Array<{ type: string; actor: { id?: string }; data: Record<string, unknown> }> };
type AdminLine = Record<string, unknown> & { id: string; voice: { accountSid: string; callerId: string; authToken: string } | null };

describe.each(testDialects())('per-line voice-provider accounts and outside consults on %s', (dialect) => {
  let running: RunningCentraal;
  let destroy: () => Promise<void>;
  let provider: FakeVoiceProvider;
  let admin: StaffClient;
  let thomas: StaffClient;
  let thomasSocket: FrameSocket;

  beforeAll(async () => {
    provider = await new FakeVoiceProvider(FAKE_ACCOUNT_SID, TEST_TWILIO_TOKEN).start();
    provider.addAccount(ACCOUNT_BANK.sid, ACCOUNT_BANK.token).addAccount(ACCOUNT_ENERGY.sid, ACCOUNT_ENERGY.token);
    const database = await createTestDatabase(dialect);
    const config = loadConfig({
      ...database.env,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'fatal',
      SQLITE_SYNCHRONOUS: 'NORMAL',
      DEMO_CUSTOMER_BOT: 'false',
      TWILIO_AUTH_TOKEN: TEST_TWILIO_TOKEN,
      TWILIO_ACCOUNT_SID: FAKE_ACCOUNT_SID,
      TWILIO_API_BASE_URL: provider.baseUrl,
      TWILIO_API_TIMEOUT_MS: '2000',
      PUBLIC_BASE_URL: TEST_PUBLIC_BASE_URL,
    });
    running = await startCentraal(config, { quiet: true });
    destroy = () => database.destroy();
    admin = await StaffClient.login(running.url, 'beheer@contactpunt.example');
    thomas = await StaffClient.login(running.url, 'thomas@contactpunt.example');
    thomasSocket = await thomas.socket();
  });

  afterAll(async () => {
    await thomasSocket?.close();
    await running?.stop();
    await destroy?.();
    await provider?.stop();
  });

  async function adminLines(): Promise<AdminLine[]> {
    const config = await admin.request<{ lines: AdminLine[] }>('GET', '/api/admin/config');
    expect(config.status).toBe(200);
    return config.body.lines;
  }

  /** Saves a line as the admin form does: everything it has, with `voice` as given. */
  async function putVoice(lineId: string, voice: unknown) {
    const line = (await adminLines()).find((l) => l.id === lineId)!;
    const { tenantId: _tenant, voice: _voice, ...rest } = line;
    return admin.request<AdminLine & Failure>('PUT', `/api/admin/lines/${lineId}`, { ...rest, ...(voice === undefined ? {} : { voice }) });
  }

  /** A caller on the bank line through the IVR, accepted by Thomas and put through to his client. */
  async function connectedBankCall(token: string): Promise<{ call: TwilioClient; conversationId: string }> {
    const call = new TwilioClient(running.url, BANK, newCallSid(), '+32470123456', token);
    twiml(await call.post('incoming', { CallStatus: 'ringing' }));
    expect((await call.post('status', { CallStatus: 'in-progress' })).status).toBe(204);
    twiml(await call.post('gather', { Digits: '3' }));
    twiml(await call.post('gather', { Digits: '2' }));
    await thomasSocket.request({ t: 'status.set', status: 'available' });
    const offer = await thomasSocket.next((f) => f.t === 'offer', 10_000, 'offer');
    const conversationId = offer.conversationId as string;
    await thomasSocket.request({ t: 'offer.accept', conversationId });
    await expect.poll(() => provider.requests.some((r) => r.callSid === call.callSid), { timeout: 5_000 }).toBe(true);
    await thomasSocket.request({ t: 'status.set', status: 'away' });
    return { call, conversationId };
  }

  const events = async (id: string) => (await thomas.request<Log>('GET', `/api/conversations/${id}/events`)).body.events;

  it('the admin sets a line\'s own account: the token is sealed and never returned, only "set"', async () => {
    const first = await putVoice(BANK, { accountSid: ACCOUNT_BANK.sid, callerId: ACCOUNT_BANK.number });
    expect([first.status, first.body.error?.code]).toEqual([422, 'ADMIN_INVALID']);
    const badNumber = await putVoice(BANK, { accountSid: ACCOUNT_BANK.sid, authToken: ACCOUNT_BANK.token, callerId: '0225550101' });
    expect(badNumber.status).toBe(400);
    const saved = await putVoice(BANK, { accountSid: ACCOUNT_BANK.sid, authToken: ACCOUNT_BANK.token, callerId: ACCOUNT_BANK.number });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.voice).toEqual({ accountSid: ACCOUNT_BANK.sid, callerId: ACCOUNT_BANK.number, authToken: 'set' });
    expect((await putVoice(ENERGY, { accountSid: ACCOUNT_ENERGY.sid, authToken: ACCOUNT_ENERGY.token, callerId: ACCOUNT_ENERGY.number })).status).toBe(200);
    // A change without a token keeps the stored one; so does saving back what the API showed ("set").
    const sealedBefore = running.app.deps.directory.line(ENERGY).voice!.authTokenSealed;
    const kept = await putVoice(ENERGY, { accountSid: ACCOUNT_ENERGY.sid, callerId: ACCOUNT_ENERGY.number });
    expect(kept.body.voice).toEqual({ accountSid: ACCOUNT_ENERGY.sid, callerId: ACCOUNT_ENERGY.number, authToken: 'set' });
    expect((await putVoice(ENERGY, kept.body.voice)).status).toBe(200);
    expect(running.app.deps.directory.line(ENERGY).voice!.authTokenSealed).toBe(sealedBefore);

    const sealed = running.app.deps.directory.line(BANK).voice!.authTokenSealed;
    expect(sealed).not.toContain(ACCOUNT_BANK.token);
    const lines = await adminLines();
    expect(lines.find((l) => l.id === KIDS)!.voice).toBeNull();
    const everything = JSON.stringify(lines) + JSON.stringify(saved.body) + JSON.stringify((await thomas.request('GET', '/api/lines')).body);
    for (const secret of [ACCOUNT_BANK.token, ACCOUNT_ENERGY.token, sealed]) expect(everything).not.toContain(secret);
    // At rest the settings hold ciphertext only.
    const row = await running.db.kysely.selectFrom('lines').select('settings').where('id', '=', BANK).executeTakeFirstOrThrow();
    expect(String(row.settings)).not.toContain(ACCOUNT_BANK.token);
  });

  it("each line's calls use its own account; a line without one uses the server's", async () => {
    const control = new PhoneCallControl(running.app.deps);
    const [bankSid, energySid, kidsSid] = [newCallSid(), newCallSid(), newCallSid()];
    await control.update({ callSid: bankSid, lineId: BANK }, { status: 'completed' });
    await control.update({ callSid: energySid, lineId: ENERGY }, { status: 'completed' });
    await control.update({ callSid: kidsSid, lineId: KIDS }, { status: 'completed' });
    const bySid = (sid: string) => provider.requests.find((r) => r.callSid === sid);
    expect(bySid(bankSid)).toMatchObject({ accountSid: ACCOUNT_BANK.sid, path: `/2010-04-01/Accounts/${ACCOUNT_BANK.sid}/Calls/${bankSid}.json` });
    expect(bySid(energySid)).toMatchObject({ accountSid: ACCOUNT_ENERGY.sid });
    expect(bySid(kidsSid)).toMatchObject({ accountSid: FAKE_ACCOUNT_SID });
    expect(provider.refused).toEqual([]);
  });

  it("the webhooks of a line with its own account are signed with its token; the server's is refused there", async () => {
    const withServerToken = new TwilioClient(running.url, BANK, newCallSid(), '+32470123456', TEST_TWILIO_TOKEN);
    const refused = await withServerToken.post('incoming', { CallStatus: 'ringing' });
    expect([refused.status, (JSON.parse(refused.text) as Failure).error.code]).toEqual([403, 'VOICE_SIGNATURE_INVALID']);
    const withOtherBrand = new TwilioClient(running.url, BANK, newCallSid(), '+32470123456', ACCOUNT_ENERGY.token);
    expect((await withOtherBrand.post('incoming', { CallStatus: 'ringing' })).status).toBe(403);
    twiml(await new TwilioClient(running.url, BANK, newCallSid(), '+32470123456', ACCOUNT_BANK.token).post('incoming', { CallStatus: 'ringing' }));
    // A line without its own account still goes by the server's token.
    twiml(await new TwilioClient(running.url, KIDS, newCallSid(), '+32470123456', TEST_TWILIO_TOKEN).post('incoming', { CallStatus: 'ringing' }));
  });

  it('consult an outside number from the line\'s number; complete only with the caller\'s consent, recorded', async () => {
    const { call, conversationId } = await connectedBankCall(ACCOUNT_BANK.token);
    const invalid = await thomas.request<Failure>('POST', `/api/conversations/${conversationId}/phone/consult`, { toNumber: '0470 12 34 56' });
    expect(invalid.status).toBe(400);

    const before = provider.requests.length;
    const consulted = await thomas.request('POST', `/api/conversations/${conversationId}/phone/consult`, { toNumber: OUTSIDE, note: 'Debt counselling' });
    expect(consulted.status, JSON.stringify(consulted.body)).toBe(200);
    const [moveCaller, ringOutside] = provider.requests.slice(before);
    expect(provider.requests).toHaveLength(before + 2);
    expect(moveCaller).toMatchObject({ accountSid: ACCOUNT_BANK.sid, callSid: call.callSid });
    expect(twiml(moveCaller!.form.Twiml!)[0]).toMatchObject({ name: 'Dial', children: [{ name: 'Conference', attributes: { startConferenceOnEnter: 'false' }, text: `consult-${conversationId}` }] });
    expect(ringOutside).toMatchObject({ accountSid: ACCOUNT_BANK.sid, path: `/2010-04-01/Accounts/${ACCOUNT_BANK.sid}/Calls.json`, form: { To: OUTSIDE, From: ACCOUNT_BANK.number } });
    expect(twiml(ringOutside!.form.Twiml!)[0]).toMatchObject({ name: 'Dial', children: [{ name: 'Client', text: thomas.agentId }] });

    // No consent: refused before anything changes at the provider.
    const noConsent = await thomas.request<Failure>('POST', `/api/conversations/${conversationId}/phone/consult/complete`, { note: 'Over to them' });
    expect([noConsent.status, noConsent.body.error.code]).toEqual([400, 'TRANSFER_CONSENT_REQUIRED']);
    const falseConsent = await thomas.request<Failure>('POST', `/api/conversations/${conversationId}/phone/consult/complete`, { callerConsent: false });
    expect([falseConsent.status, falseConsent.body.error.code]).toEqual([400, 'TRANSFER_CONSENT_REQUIRED']);
    expect(provider.requests).toHaveLength(before + 2);
    expect((await thomas.request<{ state: string }>('GET', `/api/conversations/${conversationId}`)).body.state).toBe('on_hold');

    const completed = await thomas.request('POST', `/api/conversations/${conversationId}/phone/consult/complete`, { callerConsent: true });
    expect(completed.status, JSON.stringify(completed.body)).toBe(200);
    expect(provider.requests[before + 2]).toMatchObject({ accountSid: ACCOUNT_BANK.sid, callSid: ringOutside!.callSid });
    expect(twiml(provider.requests[before + 2]!.form.Twiml!)[0]).toMatchObject({ name: 'Dial', children: [{ name: 'Conference', attributes: { startConferenceOnEnter: 'true' }, text: `consult-${conversationId}` }] });
    expect((await thomas.request<{ state: string; assignedAgentId: string }>('GET', `/api/conversations/${conversationId}`)).body).toMatchObject({ state: 'wrap_up', assignedAgentId: thomas.agentId });
    const log = (await events(conversationId)).filter((e) => ['call.consult_started', 'conversation.transferred', 'call.ended'].includes(e.type));
    expect(log.map((e) => e.type)).toEqual(['call.consult_started', 'conversation.transferred', 'call.ended']);
    expect(log[0]!.data).toMatchObject({ agentId: null, toNumberEnding: '0999', via: 'phone', note: 'Debt counselling' });
    expect(log[1]!.data).toMatchObject({ fromAgentId: thomas.agentId, toAgentId: null, toNumberEnding: '0999', mode: 'warm', callerConsent: true });
    expect(log[2]!.data).toMatchObject({ by: 'agent', reason: 'transferred', via: 'phone' });
    // The full outside number is kept nowhere in the log.
    expect(JSON.stringify(await events(conversationId))).not.toContain(OUTSIDE);
    expect((await thomas.request('POST', `/api/conversations/${conversationId}/close`, { wrapUpCode: 'opgelost' })).status).toBe(200);
    expect(provider.refused).toEqual([]);
  });

  it('without its own account the line falls back to the server and cannot consult an outside number', async () => {
    const removed = await putVoice(BANK, null);
    expect([removed.status, removed.body.voice]).toEqual([200, null]);
    const before = provider.requests.length;
    const { conversationId } = await connectedBankCall(TEST_TWILIO_TOKEN);
    expect(provider.requests.slice(before).every((r) => r.accountSid === FAKE_ACCOUNT_SID)).toBe(true);
    const noNumber = await thomas.request<Failure>('POST', `/api/conversations/${conversationId}/phone/consult`, { toNumber: OUTSIDE });
    expect([noNumber.status, noNumber.body.error.code]).toEqual([409, 'VOICE_CALLER_ID_MISSING']);
    expect((await thomas.request('POST', `/api/conversations/${conversationId}/phone/hangup`)).status).toBe(200);
    expect((await thomas.request('POST', `/api/conversations/${conversationId}/close`, { wrapUpCode: 'opgelost' })).status).toBe(200);
    expect(provider.refused).toEqual([]);
  });
});
