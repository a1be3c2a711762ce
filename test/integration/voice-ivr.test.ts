import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaffClient } from '../support/api-client.js';
import { testDialects } from '../support/databases.js';
import type { FrameSocket } from '../support/frame-socket.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { TEST_PUBLIC_BASE_URL, TEST_TWILIO_TOKEN, TwilioClient, type TwimlResponse } from '../support/twilio-client.js';
import { checkTwiml, readTwiml, type TwimlElement } from '../support/twiml-rules.js';

const BANK = 'ln_bankzuid';
const VOICE_BASE = `${TEST_PUBLIC_BASE_URL}/api/voice/twilio/${BANK}`;

function twiml(response: TwimlResponse): TwimlElement[] {
  expect(response.status, response.text).toBe(200);
  expect(response.contentType).toMatch(/^text\/xml/);
  expect(checkTwiml(response.text), response.text).toEqual([]);
  return readTwiml(response.text);
}
const names = (verbs: TwimlElement[]) => verbs.map((v) => v.name);

describe.each(testDialects())('voice: a call through the IVR to an agent on %s', (dialect) => {
  let server: TestServer;
  let thomas: StaffClient;
  let thomasSocket: FrameSocket;

  beforeAll(async () => {
    server = await startTestServer(dialect, { TWILIO_AUTH_TOKEN: TEST_TWILIO_TOKEN, PUBLIC_BASE_URL: TEST_PUBLIC_BASE_URL });
    thomas = await StaffClient.login(server.url, 'thomas@contactpunt.example');
    thomasSocket = await thomas.socket();
  });

  afterAll(async () => {
    await thomasSocket?.close();
    await server?.stop();
  });

  it('incoming call → language → menu → queue → agent accepts → connected → hang-up → closed, every step in the log', async () => {
    const call = new TwilioClient(server.url, BANK);

    // Incoming: welcome, then the language choice spoken in every language.
    const incoming = twiml(await call.post('incoming', { CallStatus: 'ringing', Direction: 'inbound' }));
    expect(names(incoming)).toEqual(['Say', 'Gather', 'Redirect']);
    expect(incoming[0]?.text).toBe('Welkom bij Bank Zuid.');
    expect(incoming[1]?.attributes).toMatchObject({ action: `${VOICE_BASE}/gather`, numDigits: '1' });
    expect(incoming[1]?.children.map((c) => c.attributes.language)).toEqual(['nl-NL', 'fr-FR', 'en-GB']);
    expect(incoming[2]?.text).toBe(`${VOICE_BASE}/gather?timeout=1`);
    expect((await call.post('status', { CallStatus: 'in-progress' })).status).toBe(204);

    // A key that is no language: asked again.
    const again = twiml(await call.post('gather', { Digits: '9' }));
    expect(names(again)).toEqual(['Say', 'Say', 'Say', 'Gather', 'Redirect']);

    // English, then the main menu in English.
    const menu = twiml(await call.post('gather', { Digits: '3' }));
    expect(names(menu)).toEqual(['Gather', 'Redirect']);
    expect(menu[0]?.children[0]).toMatchObject({ name: 'Say', attributes: { language: 'en-GB' }, text: expect.stringContaining('For your bank card, press 1') });

    // "Another question": the call is put in the general queue.
    const enqueued = twiml(await call.post('gather', { Digits: '2' }));
    expect(names(enqueued)).toEqual(['Say', 'Enqueue']);
    expect(enqueued[1]).toMatchObject({ text: 'qu_bank', attributes: { waitUrl: `${VOICE_BASE}/hold`, action: `${VOICE_BASE}/queue-result` } });

    // Nobody is available yet: the hold loop tells the place and expected wait and offers a callback.
    const hold = twiml(await call.post('hold', { QueuePosition: '1' }));
    expect(names(hold)).toEqual(['Say', 'Gather', 'Redirect']);
    expect(hold[0]?.text).toMatch(/^You are number 1 in the queue\. The expected wait is about \d+ minutes?\.$/);
    expect(hold[1]?.children.map((c) => c.name)).toEqual(['Say', 'Play']);
    expect(hold[2]?.text).toBe(`${VOICE_BASE}/hold`);

    // Thomas (Dutch and English, Bank Zuid) becomes available and is offered the voice call.
    await thomasSocket.request({ t: 'status.set', status: 'available' });
    const offer = await thomasSocket.next((f) => f.t === 'offer', 10_000, 'offer');
    expect(offer.offer).toMatchObject({ channel: 'voice', language: 'en', lineId: BANK, queueId: 'qu_bank' });
    const conversationId = offer.conversationId as string;
    await thomasSocket.request({ t: 'offer.accept', conversationId });

    // The next hold request leaves the queue; the queue result dials the agent's softphone client.
    expect(names(twiml(await call.post('hold')))).toEqual(['Leave']);
    const connect = twiml(await call.post('queue-result', { QueueResult: 'leave' }));
    expect(names(connect)).toEqual(['Say', 'Dial', 'Hangup']);
    expect(connect[1]).toMatchObject({ attributes: { action: `${VOICE_BASE}/dial-result` }, children: [{ name: 'Client', text: thomas.agentId }] });

    // The caller hangs up: the conversation goes to wrap-up, and Thomas closes it.
    expect((await call.post('status', { CallStatus: 'completed', CallDuration: '95' })).status).toBe(204);
    const details = await thomas.request<{ state: string; channel: string; context: Record<string, unknown> }>('GET', `/api/conversations/${conversationId}`);
    expect(details.body).toMatchObject({ state: 'wrap_up', channel: 'voice', context: { direction: 'inbound' } });
    expect((await thomas.request('POST', `/api/conversations/${conversationId}/close`, { wrapUpCode: 'opgelost' })).status).toBe(200);

    const log = await thomas.request<{ events: Array<{ type: string; data: Record<string, unknown> }> }>('GET', `/api/conversations/${conversationId}/events`);
    const types = log.body.events.map((e) => e.type);
    expect(types).toEqual([
      'conversation.started',
      'call.status',
      'ivr.step',
      'call.status',
      'ivr.step',
      'ivr.step',
      'ivr.step',
      'conversation.queued',
      'conversation.offered',
      'conversation.assigned',
      'call.connecting',
      'call.status',
      'conversation.ended_by_customer',
      'conversation.closed',
    ]);
    const steps = log.body.events.filter((e) => e.type === 'ivr.step').map((e) => (e.data.trace as Array<{ nodeId: string; event: string; detail?: string }>).map((t) => `${t.nodeId}:${t.event}${t.detail ? `(${t.detail})` : ''}`));
    expect(steps).toEqual([
      ['welcome:entered', 'language:entered'],
      ['language:invalid'],
      ['language:language(en)', 'hours:entered', 'hours:open', 'menu:entered'],
      ['menu:chose(2)', 'general:entered', 'general:enqueued(qu_bank)'],
    ]);
    expect(log.body.events.filter((e) => e.type === 'call.status').map((e) => e.data.status)).toEqual(['ringing', 'in-progress', 'completed']);
    expect(log.body.events.find((e) => e.type === 'call.connecting')?.data).toEqual({ agentId: thomas.agentId, client: thomas.agentId });
    expect(log.body.events.at(-1)?.data).toEqual({ wrapUpCode: 'opgelost' });
    expect(JSON.stringify(log.body.events)).not.toContain('+32470123456');
  });

  it('an agent\'s time-out is read out to the caller when the agent leg ends', async () => {
    const call = new TwilioClient(server.url, BANK);
    twiml(await call.post('incoming', { CallStatus: 'in-progress' }));
    twiml(await call.post('gather', { Digits: '1' }));
    twiml(await call.post('gather', { Digits: '2' }));
    const offer = await thomasSocket.next((f) => f.t === 'offer', 10_000, 'offer');
    const conversationId = offer.conversationId as string;
    await thomasSocket.request({ t: 'offer.accept', conversationId });
    expect(names(twiml(await call.post('queue-result', { QueueResult: 'leave' })))).toEqual(['Say', 'Dial', 'Hangup']);

    const timeOut = await thomas.request('POST', `/api/conversations/${conversationId}/safety-action`, { kind: 'time_out', reason: 'scheldt de medewerker uit', minutes: 5 });
    expect(timeOut.status, timeOut.text).toBe(200);
    const said = twiml(await call.post('dial-result', { DialCallStatus: 'completed' }));
    expect(names(said)).toEqual(['Say', 'Hangup']);
    expect(said[0]?.attributes.language).toBe('nl-NL');
    expect(said[0]?.text.length).toBeGreaterThan(10);
    const log = await thomas.request<{ events: Array<{ type: string; data: Record<string, unknown> }> }>('GET', `/api/conversations/${conversationId}/events`);
    const timedOut = log.body.events.find((e) => e.type === 'safety.timed_out');
    expect(timedOut?.data).toMatchObject({ minutes: 5, audioRef: expect.any(String) });
    expect(said[0]?.text).toContain('5');

    expect((await call.post('status', { CallStatus: 'completed' })).status).toBe(204);
    expect((await thomas.request('POST', `/api/conversations/${conversationId}/close`, { wrapUpCode: 'klacht' })).status).toBe(200);
  });

  it('a waiting caller who presses 1 gets a callback that keeps the place in the queue and is offered as an outbound call', async () => {
    await thomasSocket.request({ t: 'status.set', status: 'away' });
    const first = new TwilioClient(server.url, BANK, undefined, '+32470111111');
    const second = new TwilioClient(server.url, BANK, undefined, '+32470222222');
    for (const call of [first, second]) {
      twiml(await call.post('incoming', { CallStatus: 'in-progress' }));
      twiml(await call.post('gather', { Digits: '1' }));
      twiml(await call.post('gather', { Digits: '2' }));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const secondHold = twiml(await second.post('hold'));
    expect(secondHold[0]?.text).toMatch(/^U bent nummer 2 in de wachtrij/);

    const taken = twiml(await first.post('hold-input', { Digits: '1' }));
    expect(names(taken)).toEqual(['Say', 'Leave']);
    expect(taken[0]?.text).toBe('We bellen u terug zodra een medewerker vrij is. Tot straks.');
    expect(names(twiml(await first.post('queue-result', { QueueResult: 'leave' })))).toEqual(['Hangup']);
    // The second caller is still number 2: the callback stands where the first caller stood.
    expect(twiml(await second.post('hold'))[0]?.text).toMatch(/^U bent nummer 2 in de wachtrij/);

    const firstRow = await server.running.app.deps.repos.voice.getCall(first.callSid);
    await thomasSocket.request({ t: 'status.set', status: 'available' });
    const offer = await thomasSocket.next((f) => f.t === 'offer', 10_000, 'offer');
    const details = await thomas.request<{ id: string; channel: string; state: string; context: Record<string, unknown> }>('GET', `/api/conversations/${offer.conversationId as string}`);
    expect(details.body).toMatchObject({ channel: 'voice', state: 'offered', context: { direction: 'outbound', callbackFor: firstRow?.conversationId, callbackNumber: '+32470111111' } });
    const inbound = await server.running.app.deps.repos.conversations.getAnyTenant(firstRow?.conversationId ?? '');
    expect(inbound?.state).toBe('transferred');
    // The hidden-number rule: a caller without a number hears no callback offer.
    const hidden = new TwilioClient(server.url, BANK, undefined, 'anonymous');
    twiml(await hidden.post('incoming', { CallStatus: 'in-progress' }));
    twiml(await hidden.post('gather', { Digits: '1' }));
    twiml(await hidden.post('gather', { Digits: '2' }));
    expect(names(twiml(await hidden.post('hold')))).toEqual(['Say', 'Play', 'Redirect']);
    for (const call of [second, hidden]) await call.post('status', { CallStatus: 'completed' });

    // Thomas accepts the callback; his softphone calls the customer back through the TwiML app.
    await thomasSocket.request({ t: 'offer.accept', conversationId: offer.conversationId });
    const softphone = new TwilioClient(server.url, 'outbound', undefined, `client:${thomas.agentId}`);
    const dialled = twiml(await softphone.postTo('/api/voice/twilio/outbound', { ConversationId: offer.conversationId as string }));
    expect(dialled).toEqual([{ name: 'Dial', attributes: { action: `${VOICE_BASE}/dial-result`, method: 'POST', timeout: '30' }, text: '', children: [{ name: 'Number', attributes: {}, text: '+32470111111', children: [] }] }]);
    const stranger = new TwilioClient(server.url, 'outbound', undefined, 'client:us_lucas');
    const refused = await stranger.postTo('/api/voice/twilio/outbound', { ConversationId: offer.conversationId as string });
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.text).error.code).toBe('VOICE_DIAL_NOT_ALLOWED');
    // The customer answers and later hangs up: the callback goes to wrap-up like any call.
    expect((await softphone.postTo(`/api/voice/twilio/${BANK}/status`, { CallStatus: 'in-progress' })).status).toBe(204);
    expect((await softphone.postTo(`/api/voice/twilio/${BANK}/status`, { CallStatus: 'completed' })).status).toBe(204);
    const after = await thomas.request<{ state: string }>('GET', `/api/conversations/${offer.conversationId as string}`);
    expect(after.body.state).toBe('wrap_up');
    expect((await thomas.request('POST', `/api/conversations/${offer.conversationId as string}/close`, { wrapUpCode: 'terugbellen' })).status).toBe(200);
  });

  it('the callback choice in the IVR menu hands the call to a callback conversation in the queue', async () => {
    const call = new TwilioClient(server.url, BANK, undefined, '+32470333333');
    twiml(await call.post('incoming', { CallStatus: 'in-progress' }));
    twiml(await call.post('gather', { Digits: '2' }));
    const confirmed = twiml(await call.post('gather', { Digits: '3' }));
    expect(names(confirmed)).toEqual(['Say', 'Say', 'Hangup']);
    expect(confirmed[0]?.text).toBe("Nous vous rappelons à ce numéro dès qu'un conseiller est libre.");
    const { repos } = server.running.app.deps;
    const row = await repos.voice.getCall(call.callSid);
    expect((await repos.conversations.getAnyTenant(row?.conversationId ?? ''))?.state).toBe('transferred');
    const events = await repos.events.listAfter(row?.conversationId ?? '', 0, 100);
    const requested = events.find((e) => e.type === 'callback.requested');
    const callback = await repos.conversations.getAnyTenant(String(requested?.data.callbackConversationId));
    expect(callback).toMatchObject({ channel: 'voice', language: 'fr', queueId: 'qu_bank', context: { direction: 'outbound', callbackNumber: '+32470333333', callbackFor: row?.conversationId } });
    expect(['queued', 'offered']).toContain(callback?.state);
  });

  it('a busy or failed call during the IVR ends it too', async () => {
    for (const status of ['busy', 'failed']) {
      const call = new TwilioClient(server.url, BANK);
      twiml(await call.post('incoming', { CallStatus: 'ringing' }));
      expect((await call.post('status', { CallStatus: status })).status).toBe(204);
      const row = await server.running.app.deps.repos.voice.getCall(call.callSid);
      expect(row?.status).toBe(status);
      expect((await server.running.app.deps.repos.conversations.getAnyTenant(row?.conversationId ?? ''))?.state).toBe('closed');
    }
  });

  it('on the anonymous Kinderlijn the caller\'s number is stored nowhere and no callback is offered', async () => {
    const number = '+32470987654';
    const call = new TwilioClient(server.url, 'ln_kinderlijn', undefined, number);
    const welcome = twiml(await call.post('incoming', { CallStatus: 'in-progress' }));
    expect(welcome[0]?.text).toMatch(/^Hoi, je belt met de Kinderlijn/);
    expect(names(twiml(await call.post('gather', { Digits: '1' })))).toEqual(['Say', 'Enqueue']);
    const hold = twiml(await call.post('hold'));
    expect(names(hold)).toEqual(['Say', 'Play', 'Redirect']);
    expect(names(twiml(await call.post('hold-input', { Digits: '1' })))).toEqual(['Redirect']);
    await call.post('status', { CallStatus: 'completed' });

    const { db } = server.running.app.deps;
    const row = await db.kysely.selectFrom('voice_calls').selectAll().where('call_sid', '=', call.callSid).executeTakeFirstOrThrow();
    const conversation = await db.kysely.selectFrom('conversations').selectAll().where('id', '=', row.conversation_id ?? '').executeTakeFirstOrThrow();
    const contact = await db.kysely.selectFrom('contacts').selectAll().where('id', '=', conversation.contact_id).executeTakeFirstOrThrow();
    const events = await db.kysely.selectFrom('events').selectAll().where('conversation_id', '=', conversation.id).execute();
    expect(events.length).toBeGreaterThan(3);
    for (const stored of [row, conversation, contact, ...events]) expect(JSON.stringify(stored)).not.toContain(number.slice(3));
  });

  it('a caller who hangs up inside the IVR closes the conversation there', async () => {
    const call = new TwilioClient(server.url, BANK);
    twiml(await call.post('incoming', { CallStatus: 'ringing' }));
    // Silence: the provider follows the Redirect after the Gather (a signed URL with a query string).
    const silence = twiml(await call.post('gather?timeout=1'));
    expect(names(silence)).toEqual(['Say', 'Say', 'Say', 'Gather', 'Redirect']);
    expect(silence[0]?.text).toBe('We hebben geen keuze gehoord.');
    expect((await call.post('status', { CallStatus: 'completed' })).status).toBe(204);
    const row = await server.running.app.deps.repos.voice.getCall(call.callSid);
    const conversation = await server.running.app.deps.repos.conversations.getAnyTenant(row?.conversationId ?? '');
    expect(conversation?.state).toBe('closed');
    expect(row?.status).toBe('completed');
  });

  it('refuses a request with a bad or missing signature, and one for an unknown call', async () => {
    const call = new TwilioClient(server.url, BANK);
    const forged = await call.post('incoming', { CallStatus: 'ringing' }, { signature: 'bm90IGEgc2lnbmF0dXJlIGF0IGFsbA==' });
    expect(forged.status).toBe(403);
    expect(JSON.parse(forged.text)).toMatchObject({ error: { code: 'VOICE_SIGNATURE_INVALID', message: expect.any(String) } });
    expect((await call.post('incoming', {}, { signature: null })).status).toBe(403);
    // Signed with another token.
    const wrongToken = new TwilioClient(server.url, BANK, undefined, undefined, 'another-token-entirely');
    expect((await wrongToken.post('incoming')).status).toBe(403);
    expect(await server.running.app.deps.repos.voice.getCall(call.callSid)).toBeUndefined();
    const unknown = await call.post('gather', { Digits: '1' });
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.text).error.code).toBe('VOICE_CALL_NOT_FOUND');
  });
});
