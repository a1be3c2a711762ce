import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaffClient, WidgetClient } from '../support/api-client.js';
import { testDialects } from '../support/databases.js';
import type { FrameSocket } from '../support/frame-socket.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const BANK = 'ln_bankzuid';

describe.each(testDialects())('the first chat conversation end to end on %s', (dialect) => {
  let server: TestServer;
  let camille: StaffClient;
  let thomas: StaffClient;
  let camilleSocket: FrameSocket;
  let thomasSocket: FrameSocket;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    camille = await StaffClient.login(server.url, 'camille@contactpunt.example');
    thomas = await StaffClient.login(server.url, 'thomas@contactpunt.example');
    camilleSocket = await camille.socket();
    thomasSocket = await thomas.socket();
    await camilleSocket.request({ t: 'status.set', status: 'available' });
    await thomasSocket.request({ t: 'status.set', status: 'available' });
  });

  afterAll(async () => {
    await camilleSocket?.close();
    await thomasSocket?.close();
    await server?.stop();
  });

  it('queues a French chat, offers it to the French-speaking agent, and carries the whole conversation', async () => {
    const customer = await WidgetClient.start(server.url, BANK, { language: 'fr', visitorId: 'visitor-fr-000001' });
    const customerSocket = await customer.socket();
    await customerSocket.event('conversation.queued');

    const offer = await camilleSocket.next((f) => f.t === 'offer' && f.conversationId === customer.conversationId, 10_000, 'offer');
    expect(offer.offer).toMatchObject({ language: 'fr', lineId: BANK });
    await camilleSocket.request({ t: 'offer.accept', conversationId: customer.conversationId });
    const assigned = await customerSocket.event('conversation.assigned');
    expect(assigned.data).toEqual({ agentName: 'Camille' });

    // Customer → agent, in order, each acknowledged with a sequence number.
    const sent: number[] = [];
    for (const text of ['Bonjour', 'Ma carte est bloquée', 'Pouvez-vous m’aider ?']) {
      const ack = await customerSocket.request({ t: 'message.send', conversationId: customer.conversationId, text });
      sent.push(ack.seq as number);
    }
    expect(sent).toEqual([...sent].sort((a, b) => a - b));
    const received = [];
    for (let i = 0; i < 3; i++) received.push(await camilleSocket.event('message.created', (e) => (e.actor as { kind: string }).kind === 'customer'));
    expect(received.map((e) => (e.data as { text: string }).text)).toEqual(['Bonjour', 'Ma carte est bloquée', 'Pouvez-vous m’aider ?']);
    expect(received.map((e) => e.seq)).toEqual(sent);

    // Agent → customer, plus an internal note the customer must never see.
    await camilleSocket.request({ t: 'message.send', conversationId: customer.conversationId, text: 'Bonjour, je regarde ça.' });
    await camilleSocket.request({ t: 'message.send', conversationId: customer.conversationId, text: 'NOTE: client vérifié', internal: true });
    await camilleSocket.request({ t: 'message.send', conversationId: customer.conversationId, text: 'Votre carte est débloquée.' });
    const fromAgent = (e: Record<string, unknown>) => (e.actor as { kind: string }).kind === 'agent';
    const replies = [await customerSocket.event('message.created', fromAgent), await customerSocket.event('message.created', fromAgent)];
    expect(replies.map((e) => (e.data as { text: string }).text)).toEqual(['Bonjour, je regarde ça.', 'Votre carte est débloquée.']);
    expect(replies[0]!.actor).toEqual({ kind: 'agent', name: 'Camille' });

    // Registration during the conversation.
    expect((await camille.request('POST', `/api/conversations/${customer.conversationId}/topics`, { topicId: 'kaart', subtopicId: 'blokkeren' })).status).toBe(200);
    expect((await camille.request('PUT', `/api/conversations/${customer.conversationId}/phase`, { phaseId: 'explore' })).status).toBe(200);
    await camilleSocket.event('registration.topic_added');
    await camilleSocket.event('registration.phase_changed');
    const unknownTopic = await camille.request('POST', `/api/conversations/${customer.conversationId}/topics`, { topicId: 'pizza' });
    expect(unknownTopic.status).toBe(422);
    expect(unknownTopic.body).toMatchObject({ error: { code: 'REGISTRATION_UNKNOWN_TOPIC' } });

    // Close with a wrap-up code.
    const noWrapUp = await camille.request('POST', `/api/conversations/${customer.conversationId}/close`, {});
    expect(noWrapUp.status).toBe(422);
    expect((await camille.request('POST', `/api/conversations/${customer.conversationId}/close`, { wrapUpCode: 'opgelost' })).status).toBe(200);
    await customerSocket.event('conversation.closed');

    const details = await camille.request<{ state: string; registration: Record<string, unknown> }>('GET', `/api/conversations/${customer.conversationId}`);
    expect(details.body.state).toBe('closed');
    expect(details.body.registration).toEqual({ topics: [{ topicId: 'kaart', subtopicId: 'blokkeren' }], phaseId: 'explore', wrapUpCode: 'opgelost', notes: '' });

    // The stored log is complete and gap-free; the customer's view never held internal events.
    const log = await camille.request<{ events: Array<{ seq: number; type: string }> }>('GET', `/api/conversations/${customer.conversationId}/events?after=0`);
    expect(log.body.events.map((e) => e.seq)).toEqual(log.body.events.map((_, i) => i + 1));
    expect(customerSocket.raw.join('\n')).not.toMatch(/NOTE: client vérifié|registration\.|conversation\.offered|us_camille/);
    const customerLog = await customer.request<{ events: Array<{ type: string }> }>('GET', '/events?after=0');
    expect(customerLog.body.events.map((e) => e.type)).not.toContain('note.created');

    // The other agent (no French) never saw an offer of it.
    expect(thomasSocket.raw.join('\n')).not.toContain(customer.conversationId);
    await customerSocket.close();
  });

  it('refuses bad input with clear 4xx errors', async () => {
    const badLine = await fetch(`${server.url}/api/widget/v1/lines/ln_nope/conversations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(badLine.status).toBe(404);
    const badLanguage = await fetch(`${server.url}/api/widget/v1/lines/ln_kinderlijn/conversations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ language: 'fr' }) });
    expect(badLanguage.status).toBe(422);
    const notJson = await fetch(`${server.url}/api/widget/v1/lines/${BANK}/conversations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"language":' });
    expect(notJson.status).toBe(400);
    const customer = await WidgetClient.start(server.url, BANK, { language: 'nl', visitorId: 'visitor-nl-000002' });
    const empty = await customer.request('POST', '/messages', { clientId: 'x', text: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({ error: { code: 'INVALID_INPUT' } });
    const wrongToken = await new WidgetClient(server.url, customer.conversationId, `${customer.conversationId}.forged`).request('GET', '/events');
    expect(wrongToken.status).toBe(401);
    // One conversation's token opens that conversation only: not over HTTP, not over the socket.
    const other = await WidgetClient.start(server.url, BANK, { language: 'nl', visitorId: 'visitor-nl-000003' });
    const borrowed = await new WidgetClient(server.url, other.conversationId, customer.token).request('GET', '/events');
    expect(borrowed.status).toBe(401);
    const borrowedPost = await new WidgetClient(server.url, other.conversationId, customer.token).request('POST', '/messages', { clientId: 'x1', text: 'hi' });
    expect(borrowedPost.status).toBe(401);
    const ownSocket = await customer.socket();
    ownSocket.send({ t: 'resume', conversationId: other.conversationId, afterSeq: 0 });
    expect((await ownSocket.next((f) => f.t === 'error')).code).toBe('TOKEN_INVALID');
    ownSocket.send({ t: 'message.send', conversationId: other.conversationId, clientId: 'x2', text: 'hi' });
    expect((await ownSocket.next((f) => f.t === 'error' && f.clientId === 'x2')).code).toBe('TOKEN_INVALID');
    expect(ownSocket.raw.join('\n')).not.toContain('"conversationId":"' + other.conversationId + '","seq"');
    await ownSocket.close();
    await other.request('POST', '/end');
    const noCsrf = await fetch(`${server.url}/api/agent/status`, { method: 'PUT', headers: { cookie: camille.cookie, 'content-type': 'application/json' }, body: '{"status":"away"}' });
    expect(noCsrf.status).toBe(403);
    const socket = await customer.socket();
    socket.send({ t: 'message.send' });
    const error = await socket.next((f) => f.t === 'error');
    expect(error.code).toBe('FRAME_INVALID');
    socket.ws.send('not json');
    expect((await socket.next((f) => f.t === 'error')).message).toContain('JSON');
    await socket.close();
    await customer.request('POST', '/end');
  });
});
