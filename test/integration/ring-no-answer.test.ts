import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaffClient, WidgetClient } from '../support/api-client.js';
import { testDialects } from '../support/databases.js';
import type { FrameSocket } from '../support/frame-socket.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

describe.each(testDialects())('ring-no-answer on %s', (dialect) => {
  let server: TestServer;
  const sockets: Record<string, FrameSocket> = {};
  const clients: Record<string, StaffClient> = {};

  beforeAll(async () => {
    server = await startTestServer(dialect, { RING_TIMEOUT_SECONDS: '1', MAX_MISSED_OFFERS: '2' });
    for (const name of ['thomas', 'lucas']) {
      clients[name] = await StaffClient.login(server.url, `${name}@contactpunt.example`);
      sockets[name] = await clients[name]!.socket();
      await sockets[name]!.request({ t: 'status.set', status: 'available' });
    }
  });

  afterAll(async () => {
    for (const socket of Object.values(sockets)) await socket.close();
    await server?.stop();
  });

  it('re-offers an unanswered chat to the next agent and sets the agent away after two missed offers', async () => {
    const offered = async (conversationId: string) => {
      const frames = await Promise.race(
        Object.entries(sockets).map(([name, s]) => s.next((f) => f.t === 'offer' && f.conversationId === conversationId).then(() => name)),
      );
      return frames;
    };
    const first = await WidgetClient.start(server.url, 'ln_bankzuid', { language: 'en', visitorId: 'visitor-ring-0001' });
    const silent = await offered(first.conversationId);
    const other = silent === 'thomas' ? 'lucas' : 'thomas';

    // Nobody answers: after the ring timeout the offer is withdrawn and rings at the other agent.
    const withdrawn = await sockets[silent]!.next((f) => f.t === 'offer.withdrawn' && f.conversationId === first.conversationId, 5000);
    expect(withdrawn.reason).toBe('expired');
    await sockets[other]!.next((f) => f.t === 'offer' && f.conversationId === first.conversationId, 5000);
    await sockets[other]!.request({ t: 'offer.accept', conversationId: first.conversationId });

    // The silent agent misses a second offer and is set away; the log records both expiries.
    const second = await WidgetClient.start(server.url, 'ln_bankzuid', { language: 'en', visitorId: 'visitor-ring-0002' });
    await sockets[silent]!.next((f) => f.t === 'offer' && f.conversationId === second.conversationId, 5000);
    const away = await sockets[silent]!.next((f) => f.t === 'agent.status' && f.status === 'away', 5000);
    expect(away.reason).toBe('missed_offers');
    await sockets[other]!.next((f) => f.t === 'offer' && f.conversationId === second.conversationId, 5000);

    const log = await clients[other]!.request<{ events: Array<{ type: string }> }>('GET', `/api/conversations/${first.conversationId}/events?after=0`);
    expect(log.body.events.map((e) => e.type)).toEqual([
      'conversation.started',
      'conversation.queued',
      'conversation.offered',
      'conversation.offer_expired',
      'conversation.offered',
      'conversation.assigned',
    ]);
    const overview = await StaffClient.login(server.url, 'marleen@contactpunt.example').then((m) => m.request<{ agents: Array<{ id: string; status: string }> }>('GET', '/api/supervisor/overview'));
    expect(overview.body.agents.find((a) => a.id === `us_${silent}`)!.status).toBe('away');
  });
});

describe('an agent whose desktop disconnects', () => {
  it('keeps the status during the grace period and goes offline after it', async () => {
    const server = await startTestServer('sqlite', { AGENT_DISCONNECT_GRACE_SECONDS: '1' });
    try {
      const thomas = await StaffClient.login(server.url, 'thomas@contactpunt.example');
      const supervisor = await StaffClient.login(server.url, 'marleen@contactpunt.example');
      const statusOf = async () =>
        (await supervisor.request<{ agents: Array<{ id: string; status: string }> }>('GET', '/api/supervisor/overview')).body.agents.find((a) => a.id === 'us_thomas')!.status;
      let socket = await thomas.socket();
      await socket.request({ t: 'status.set', status: 'available' });
      await socket.close();
      socket = await thomas.socket(); // a quick reconnect keeps the status
      await new Promise((r) => setTimeout(r, 1300));
      expect(await statusOf()).toBe('available');
      await socket.close();
      await new Promise((r) => setTimeout(r, 1500));
      expect(await statusOf()).toBe('offline');
    } finally {
      await server.stop();
    }
  });
});
