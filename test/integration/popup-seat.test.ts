import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaffClient } from '../support/api-client.js';
import { testDialects } from '../support/databases.js';
import type { FrameSocket } from '../support/frame-socket.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

interface LineCall {
  callId: string;
  conversationId: string;
  said: string[];
  waitingForKeys: boolean;
  inQueue: boolean;
  connectedTo: { agentId: string; name: string } | null;
}
interface ThankYouCall {
  id: string;
  agentId: string;
  conversationId: string;
  status: string;
  complimentId: string | null;
}
type Events = { events: Array<{ type: string; data: Record<string, unknown> }> };

describe.each(testDialects())('thank-you day: the pop-up seat on %s', (dialect) => {
  let server: TestServer;
  let directie: StaffClient;
  let thomas: StaffClient;
  let thomasSocket: FrameSocket;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    directie = await StaffClient.login(server.url, 'directie@contactpunt.example');
    thomas = await StaffClient.login(server.url, 'thomas@contactpunt.example');
    thomasSocket = await thomas.socket();
    await thomasSocket.request({ t: 'status.set', status: 'available' });
  });
  afterAll(async () => {
    await thomasSocket?.close();
    await server?.stop();
  });

  it('an executive calls the own line through the real IVR and queue and lands with the free agent', async () => {
    const started = await directie.request<LineCall>('POST', '/api/popup-seat/line-calls', { lineId: 'ln_bankzuid' });
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ waitingForKeys: true, inQueue: false });
    expect(started.body.said).toEqual(['Welkom bij Bank Zuid.', 'Voor Nederlands, druk 1.', 'Pour le français, appuyez sur 2.', 'For English, press 3.']);
    expect((await directie.request<LineCall>('GET', `/api/popup-seat/line-calls/${started.body.callId}`)).body).toMatchObject({ waitingForKeys: true, connectedTo: null });
    const menu = await directie.request<LineCall>('POST', `/api/popup-seat/line-calls/${started.body.callId}/keys`, { digits: '1' });
    expect(menu.body.said[0]).toMatch(/^Voor uw bankkaart, druk 1/);
    const queued = await directie.request<LineCall>('POST', `/api/popup-seat/line-calls/${started.body.callId}/keys`, { digits: '2' });
    expect(queued.body).toMatchObject({ inQueue: true, waitingForKeys: false, said: ['Een ogenblik geduld.'] });

    const offer = await thomasSocket.next((f) => f.t === 'offer' && f.conversationId === started.body.conversationId, 10_000, 'offer');
    expect(offer.offer).toMatchObject({ channel: 'voice', lineId: 'ln_bankzuid', queueId: 'qu_bank' });
    await thomasSocket.request({ t: 'offer.accept', conversationId: started.body.conversationId });
    const connected = await directie.request<LineCall>('GET', `/api/popup-seat/line-calls/${started.body.callId}`);
    expect(connected.body.connectedTo).toEqual({ agentId: thomas.agentId, name: 'Thomas Janssens' });
    const log = await thomas.request<Events>('GET', `/api/conversations/${started.body.conversationId}/events`);
    expect(log.body.events.filter((e) => e.type === 'ivr.step')).toHaveLength(3);

    expect((await directie.request('POST', `/api/popup-seat/line-calls/${started.body.callId}/hang-up`)).status).toBe(204);
    expect((await thomas.request('POST', `/api/conversations/${started.body.conversationId}/close`, { wrapUpCode: 'opgelost' })).status).toBe(200);
    // Only executives sit in the pop-up seat.
    expect((await thomas.request('POST', '/api/popup-seat/line-calls', { lineId: 'ln_bankzuid' })).status).toBe(403);
  });

  it('a thank-you call rings the named agent, who sees the caller only after answering; the thanks reach the team feed with consent', async () => {
    const list = await directie.request<{ agents: Array<{ agentId: string; canTakeCall: boolean; callsToday: number }> }>('GET', '/api/popup-seat/thank-you-list');
    expect(list.body.agents.find((a) => a.agentId === thomas.agentId)).toMatchObject({ canTakeCall: true, callsToday: 0 });
    expect(list.body.agents.some((a) => a.agentId === directie.agentId)).toBe(false);
    const unavailable = await directie.request<{ error: { code: string } }>('POST', '/api/popup-seat/thank-you-calls', { agentId: 'us_sofie' });
    expect(unavailable.status).toBe(409);
    expect(unavailable.body.error.code).toBe('TRANSFER_TARGET_UNAVAILABLE');

    const call = await directie.request<ThankYouCall>('POST', '/api/popup-seat/thank-you-calls', { agentId: thomas.agentId });
    expect(call.status).toBe(201);
    expect(call.body.status).toBe('ringing');
    const offer = await thomasSocket.next((f) => f.t === 'offer' && f.conversationId === call.body.conversationId, 10_000, 'offer');
    // While it rings, nothing Thomas can read names the caller.
    const beforeAnswer = await thomas.request<Events>('GET', `/api/conversations/${call.body.conversationId}/events`);
    const details = await thomas.request('GET', `/api/conversations/${call.body.conversationId}`);
    for (const text of [JSON.stringify(offer), beforeAnswer.text, details.text]) {
      expect(text).not.toContain('Anne');
      expect(text).not.toContain('us_directie');
    }
    await thomasSocket.request({ t: 'offer.accept', conversationId: call.body.conversationId });
    const revealed = await thomasSocket.event('thank_you.caller');
    expect(revealed.data).toEqual({ executiveId: directie.agentId, executiveName: 'Anne Directeur' });
    expect((await directie.request<ThankYouCall>('GET', `/api/popup-seat/thank-you-calls/${call.body.id}`)).body.status).toBe('answered');

    const ended = await directie.request<ThankYouCall>('POST', `/api/popup-seat/thank-you-calls/${call.body.id}/end`);
    expect(ended.body.status).toBe('ended');
    expect((await thomas.request('POST', `/api/conversations/${call.body.conversationId}/close`, { wrapUpCode: 'opgelost' })).status).toBe(200);
    const note = await directie.request<{ id: string }>('POST', `/api/popup-seat/thank-you-calls/${call.body.id}/note`, { text: 'Dank je, Thomas, voor je geduld met elke klant dit jaar.' });
    expect(note.status).toBe(201);

    // Not in the team feed until Thomas agrees.
    const feed = () => thomas.request<{ compliments: Array<{ id: string; text: string }> }>('GET', '/api/team/compliments');
    expect((await feed()).body.compliments.some((c) => c.id === note.body.id)).toBe(false);
    expect((await thomas.request('PUT', `/api/agent/compliments/${note.body.id}`, { shareWithTeam: true })).status).toBe(200);
    expect((await feed()).body.compliments.find((c) => c.id === note.body.id)?.text).toContain('voor je geduld');

    const tracked = await directie.request<{ calls: ThankYouCall[] }>('GET', '/api/popup-seat/thank-you-calls');
    expect(tracked.body.calls).toEqual([expect.objectContaining({ id: call.body.id, agentId: thomas.agentId, status: 'ended', complimentId: note.body.id })]);
  });

  it('with the tenant setting on, the agent sees the caller while it rings', async () => {
    expect((await directie.request('PUT', '/api/popup-seat/settings', { revealCallerBeforeAnswer: true })).status).toBe(200);
    const call = await directie.request<ThankYouCall>('POST', '/api/popup-seat/thank-you-calls', { agentId: thomas.agentId });
    await thomasSocket.next((f) => f.t === 'offer' && f.conversationId === call.body.conversationId, 10_000, 'offer');
    const ringing = await thomas.request<Events>('GET', `/api/conversations/${call.body.conversationId}/events`);
    expect(ringing.body.events.find((e) => e.type === 'thank_you.caller')?.data.executiveName).toBe('Anne Directeur');
    await thomasSocket.request({ t: 'offer.decline', conversationId: call.body.conversationId });
    await new Promise((resolve) => setTimeout(resolve, 100));
    // Declined: it is not given to anyone else, and counts as missed.
    expect((await directie.request<ThankYouCall>('GET', `/api/popup-seat/thank-you-calls/${call.body.id}`)).body.status).toBe('missed');
  });
});
