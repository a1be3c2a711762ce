import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { startCentraal, type RunningCentraal } from '../../src/start-centraal.js';
import { DEFAULT_NO_INPUT_TEXT } from '../../src/core/ivr/index.js';
import { createRepositories } from '../../src/storage/index.js';
import { StaffClient, WidgetClient } from '../support/api-client.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/databases.js';
import type { Frame, FrameSocket } from '../support/frame-socket.js';

const BANK = 'ln_bankzuid';
const SDP_OFFER = 'v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n';
/** Short, so the ring time-out is seen in seconds; long enough for a call to be answered first. */
const RING_SECONDS = 2;

const isError = (code: string) => (f: Frame) => f.t === 'error' && f.code === code;
const signalFor = (conversationId: string, t: string) => (f: Frame) => f.t === t && f.conversationId === conversationId;
const expectsDigits = (e: Record<string, unknown>) => (e.data as { expectsDigits: boolean }).expectsDigits;

/**
 * Browser calls keep their state in the database: a node restarted on the same database carries
 * on with the caller's IVR position (and its silence timer), an open consultation, and the ring of
 * a chat that became a call, which ends after CALL_PICKUP_TIMEOUT_SECONDS without an answer.
 */
describe.each(testDialects())('browser calls across a restart on %s', (dialect) => {
  let database: TestDatabase;
  let running: RunningCentraal | undefined;
  /** When the last server began to start (a timer restored there fires after this). */
  let bootStartedAt = 0;
  const sockets: FrameSocket[] = [];

  async function boot(): Promise<string> {
    bootStartedAt = Date.now();
    const config = loadConfig({ ...database.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', SQLITE_SYNCHRONOUS: 'NORMAL', DEMO_CUSTOMER_BOT: 'false', CALL_PICKUP_TIMEOUT_SECONDS: String(RING_SECONDS) });
    running = await startCentraal(config, { quiet: true });
    return running.url;
  }

  /** Stops the server (its memory goes) and starts a new one on the same database. */
  async function restart(pauseMs = 0): Promise<string> {
    for (const socket of sockets.splice(0)) await socket.close();
    await running!.stop();
    running = undefined;
    if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
    return boot();
  }

  async function open<T extends { socket(): Promise<FrameSocket> }>(client: T): Promise<FrameSocket> {
    const socket = await client.socket();
    sockets.push(socket);
    return socket;
  }

  async function agent(url: string, email: string): Promise<{ client: StaffClient; socket: FrameSocket }> {
    const client = await StaffClient.login(url, email);
    const socket = await open(client);
    await socket.request({ t: 'status.set', status: 'available' });
    return { client, socket };
  }

  const callState = (conversationId: string) => createRepositories(running!.db).callStates.get(conversationId);
  const storedEvents = (conversationId: string) => createRepositories(running!.db).events.listAfter(conversationId, 0, 1000);

  /** A chat Thomas has accepted. */
  async function assignedChat(url: string, thomas: FrameSocket, visitorId: string): Promise<{ customer: WidgetClient; socket: FrameSocket }> {
    const customer = await WidgetClient.start(url, BANK, { language: 'nl', visitorId });
    const socket = await open(customer);
    await thomas.next(signalFor(customer.conversationId, 'offer'), 10_000, 'offer');
    await thomas.request({ t: 'offer.accept', conversationId: customer.conversationId });
    await socket.event('conversation.assigned');
    return { customer, socket };
  }

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await boot();
  });

  afterAll(async () => {
    for (const socket of sockets.splice(0)) await socket.close();
    await running?.stop();
    await database?.destroy();
  });

  it('a caller in the IVR carries on from the same menu after a restart and ends in the queue', async () => {
    let url = running!.url;
    const first = await WidgetClient.start(url, BANK, { channel: 'voice', language: 'nl', visitorId: 'state-visitor-0001' });
    let socket = await open(first);
    await socket.event('ivr.prompt', expectsDigits);
    await socket.request({ t: 'call.dtmf', conversationId: first.conversationId, digits: '1' });
    const menu = await socket.event('ivr.prompt', (e) => String((e.data as { text: string }).text).includes('andere vraag'));
    // The position is stored with the prompt's events: waiting at the menu, Dutch chosen.
    const stored = await callState(first.conversationId);
    expect(stored?.ivrState).toMatchObject({ waitingAt: 'menu', data: { language: 'nl' } });
    expect(stored?.ivrDeadline).toBeGreaterThan(Date.parse(String(menu.at)));

    url = await restart();
    const customer = new WidgetClient(url, first.conversationId, first.token);
    socket = await open({ socket: () => customer.socket(menu.seq as number) });
    // "2" is a menu key ("another question"); at the language choice it would pick French.
    await socket.request({ t: 'call.dtmf', conversationId: customer.conversationId, digits: '2' });
    const queued = await socket.event('conversation.queued');
    expect(queued.seq).toBeGreaterThan(menu.seq as number);

    const events = await storedEvents(customer.conversationId);
    const afterRestart = events.filter((e) => e.seq > (menu.seq as number) && e.type === 'ivr.input').map((e) => e.data);
    expect(afterRestart.at(-1)).toEqual({ nodeId: 'menu', event: 'chose', choice: '2' });
    expect(afterRestart.filter((d) => d.nodeId !== 'menu')).toEqual([]);
    const details = await createRepositories(running!.db).conversations.get('tn_contactpunt', customer.conversationId);
    expect(details).toMatchObject({ state: 'queued', queueId: 'qu_bank', language: 'nl' });
    // Out of the IVR: nothing left to keep.
    expect(await callState(customer.conversationId)).toBeUndefined();
    await socket.request({ t: 'call.hangup', conversationId: customer.conversationId });
  });

  it("the IVR's silence timer survives a restart: overdue, it fires as soon as the new node runs", async () => {
    let url = running!.url;
    // The bank's menu waits two seconds for a key.
    const admin = await StaffClient.login(url, 'beheer@contactpunt.example');
    const ivr = await admin.request<{ flow: { nodes: Record<string, Record<string, unknown>> } & Record<string, unknown> }>('GET', `/api/admin/lines/${BANK}/ivr`);
    const flow = { ...ivr.body.flow, nodes: { ...ivr.body.flow.nodes, menu: { ...ivr.body.flow.nodes.menu, timeoutSeconds: 2 } } };
    expect((await admin.request('PUT', `/api/admin/lines/${BANK}/ivr`, { flow })).status).toBe(200);

    const first = await WidgetClient.start(url, BANK, { channel: 'voice', language: 'nl', visitorId: 'state-visitor-0002' });
    const socket = await open(first);
    await socket.event('ivr.prompt', expectsDigits);
    await socket.request({ t: 'call.dtmf', conversationId: first.conversationId, digits: '3' });
    const menu = await socket.event('ivr.prompt', (e) => String((e.data as { text: string }).text).includes('another question'));
    const deadline = (await callState(first.conversationId))!.ivrDeadline!;
    expect(deadline - Date.parse(String(menu.at))).toBeGreaterThan(1900);
    expect(deadline - Date.parse(String(menu.at))).toBeLessThanOrEqual(2000);

    // Down until the deadline has passed: the old node's timer is gone with it.
    url = await restart(Math.max(0, deadline - Date.now() + 300));
    const customer = new WidgetClient(url, first.conversationId, first.token);
    const resumed = await open({ socket: () => customer.socket(menu.seq as number) });
    // The caller hears the menu's no-input line and the menu again; the log has the silence, from the new node.
    const noInput = await resumed.event('ivr.prompt', (e) => (e.data as { text: string }).text === DEFAULT_NO_INPUT_TEXT.en, 5000);
    expect(Date.parse(String(noInput.at))).toBeGreaterThanOrEqual(bootStartedAt);
    await resumed.event('ivr.prompt', (e) => String((e.data as { text: string }).text).includes('another question'));
    const silence = (await storedEvents(customer.conversationId)).filter((e) => e.type === 'ivr.input' && e.seq > (menu.seq as number));
    expect(silence[0]?.data).toEqual({ nodeId: 'menu', event: 'no_input' });
    expect(silence[0]!.at).toBeGreaterThanOrEqual(bootStartedAt);
    // Hung up while the menu waits (or in the queue, should a second silence have run out meanwhile).
    await resumed.request({ t: 'call.hangup', conversationId: customer.conversationId });
    await resumed.event('call.ended');
    expect(await callState(customer.conversationId)).toBeUndefined();
  });

  it('a warm transfer whose consultation was open before a restart is completed after it', async () => {
    let url = running!.url;
    let thomas = await agent(url, 'thomas@contactpunt.example');
    const { customer: first, socket } = await assignedChat(url, thomas.socket, 'state-visitor-0003');
    let camille = await agent(url, 'camille@contactpunt.example');
    await socket.request({ t: 'call.start', conversationId: first.conversationId });
    await thomas.socket.event('call.ringing', (e) => e.conversationId === first.conversationId);
    await thomas.socket.request({ t: 'call.answered', conversationId: first.conversationId });
    await thomas.socket.request({ t: 'call.transfer', conversationId: first.conversationId, step: 'consult', toAgentId: 'us_camille', note: 'Wil een lening' });
    await camille.socket.next(signalFor(first.conversationId, 'call.consult'));
    expect((await callState(first.conversationId))?.consult).toEqual({ agentId: 'us_camille', agentName: 'Camille Dubois' });
    const lastSeq = (await storedEvents(first.conversationId)).at(-1)!.seq;

    url = await restart();
    thomas = await agent(url, 'thomas@contactpunt.example');
    camille = await agent(url, 'camille@contactpunt.example');
    const customer = new WidgetClient(url, first.conversationId, first.token);
    const resumed = await open({ socket: () => customer.socket(lastSeq) });
    // A second consultation is refused: the first one is still open.
    const again = await thomas.socket.request({ t: 'call.transfer', conversationId: customer.conversationId, step: 'consult', toAgentId: 'us_emma' }).catch((error: Error) => error.message);
    expect(String(again)).toContain('CALL_STATE_INVALID');
    await thomas.socket.request({ t: 'call.transfer', conversationId: customer.conversationId, step: 'complete' });
    expect(await camille.socket.next(signalFor(customer.conversationId, 'call.consult'))).toMatchObject({ active: false });
    await camille.socket.next(signalFor(customer.conversationId, 'offer'));
    await camille.socket.request({ t: 'offer.accept', conversationId: customer.conversationId });
    expect((await resumed.event('call.answered')).data).toEqual({ agentName: 'Camille' });
    const transferred = (await storedEvents(customer.conversationId)).find((e) => e.type === 'conversation.transferred');
    expect(transferred?.data).toMatchObject({ toAgentId: 'us_camille', mode: 'warm' });
    expect(await callState(customer.conversationId)).toBeUndefined();
    // The call runs with Camille: her signalling is relayed.
    resumed.send({ t: 'call.offer', conversationId: customer.conversationId, sdp: SDP_OFFER });
    await camille.socket.next(signalFor(customer.conversationId, 'call.offer'));
    await camille.socket.request({ t: 'call.hangup', conversationId: customer.conversationId });
    expect((await camille.client.request('POST', `/api/conversations/${customer.conversationId}/close`, { wrapUpCode: 'opgelost' })).status).toBe(200);
    await camille.socket.request({ t: 'status.set', status: 'away' });
  });

  it('a chat that became a call stops ringing after the configured time and stays a chat, also across a restart', async () => {
    let url = running!.url;
    let thomas = await agent(url, 'thomas@contactpunt.example');
    const engine = () => running!.app.deps.routing.engine('tn_contactpunt');
    const { customer, socket } = await assignedChat(url, thomas.socket, 'state-visitor-0004');
    const before = { ...engine().agentState('us_thomas').load };
    await socket.request({ t: 'call.start', conversationId: customer.conversationId });
    const ringing = await thomas.socket.event('call.ringing', (e) => e.conversationId === customer.conversationId);
    // The ring starts when the call is switched on, just before its events are stamped (a millisecond apart under load).
    const ringingSince = (await callState(customer.conversationId))?.ringingSince ?? NaN;
    expect(Date.parse(String(ringing.at)) - ringingSince).toBeGreaterThanOrEqual(0);
    expect(Date.parse(String(ringing.at)) - ringingSince).toBeLessThan(1000);
    // Not answered: both sides hear the call end, and the conversation switches back to the chat.
    const ended = await socket.event('call.ended', () => true, (RING_SECONDS + 3) * 1000);
    expect(ended.data).toEqual({ by: 'system', reason: 'no_answer' });
    expect(Date.parse(String(ended.at)) - Date.parse(String(ringing.at))).toBeGreaterThanOrEqual(RING_SECONDS * 1000 - 50);
    expect((await socket.event('conversation.channel_switched', (e) => (e.data as { to: string }).to === 'chat')).data).toEqual({ from: 'voice', to: 'chat' });
    await thomas.socket.event('call.ended', (e) => e.conversationId === customer.conversationId);
    const details = await thomas.client.request<{ state: string; channel: string }>('GET', `/api/conversations/${customer.conversationId}`);
    expect(details.body).toMatchObject({ state: 'active', channel: 'chat' });
    expect(engine().agentState('us_thomas').load).toEqual(before);
    expect(await callState(customer.conversationId)).toBeUndefined();
    // Picking up too late is refused; the chat goes on.
    const late = await thomas.socket.request({ t: 'call.answered', conversationId: customer.conversationId }).catch((error: Error) => error.message);
    expect(String(late)).toContain('CALL_STATE_INVALID');
    await socket.request({ t: 'message.send', conversationId: customer.conversationId, text: 'Dan typ ik wel verder' });
    await thomas.socket.event('message.created', (e) => e.conversationId === customer.conversationId);

    // Ringing when the node stops: the new node ends the ring when its time is up.
    await socket.request({ t: 'call.start', conversationId: customer.conversationId });
    const ringingAgain = await thomas.socket.event('call.ringing', (e) => e.conversationId === customer.conversationId);
    url = await restart();
    thomas = await agent(url, 'thomas@contactpunt.example');
    const resumed = await open({ socket: () => new WidgetClient(url, customer.conversationId, customer.token).socket(ringingAgain.seq as number) });
    const endedAgain = await resumed.event('call.ended', () => true, (RING_SECONDS + 3) * 1000);
    expect(endedAgain.data).toEqual({ by: 'system', reason: 'no_answer' });
    expect(Date.parse(String(endedAgain.at)) - Date.parse(String(ringingAgain.at))).toBeGreaterThanOrEqual(RING_SECONDS * 1000 - 50);
    await resumed.event('conversation.channel_switched', (e) => (e.data as { to: string }).to === 'chat');
    const after = await thomas.client.request<{ state: string; channel: string }>('GET', `/api/conversations/${customer.conversationId}`);
    expect(after.body).toMatchObject({ state: 'active', channel: 'chat' });
    expect(running!.app.deps.routing.engine('tn_contactpunt').agentState('us_thomas').load).toEqual(before);
    // A chat again: signalling is refused.
    resumed.send({ t: 'call.offer', conversationId: customer.conversationId, sdp: SDP_OFFER });
    await resumed.next(isError('CALL_NOT_CONNECTED'));
    expect((await new WidgetClient(url, customer.conversationId, customer.token).request('POST', '/end')).status).toBe(200);
  });
});
