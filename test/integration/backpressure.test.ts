import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'node:net';
import { StaffClient, WidgetClient } from '../support/api-client.js';
import type { FrameSocket } from '../support/frame-socket.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

describe('a slow client', () => {
  let server: TestServer;
  let agent: StaffClient;
  let agentSocket: FrameSocket;

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    agent = await StaffClient.login(server.url, 'thomas@contactpunt.example');
    agentSocket = await agent.socket();
    await agentSocket.request({ t: 'status.set', status: 'available' });
  });

  afterAll(async () => {
    await agentSocket?.close();
    await server?.stop();
  });

  async function assigned(visitorId: string) {
    const customer = await WidgetClient.start(server.url, 'ln_bankzuid', { language: 'nl', visitorId });
    await agentSocket.next((f) => f.t === 'offer' && f.conversationId === customer.conversationId);
    await agentSocket.request({ t: 'offer.accept', conversationId: customer.conversationId });
    return customer;
  }

  it('is disconnected with code 4008 instead of holding up the others, and resumes without loss', async () => {
    const slow = await assigned('visitor-slow-000001');
    const fast = await assigned('visitor-fast-000001');
    const slowSocket = await slow.socket();
    const fastSocket = await fast.socket();
    await slowSocket.event('conversation.assigned');
    // Stop reading: the kernel buffers fill, then the server's send buffer grows.
    (slowSocket.ws as unknown as { _socket: Socket })._socket.pause();

    const big = 'x'.repeat(3900);
    const sends: Array<Promise<unknown>> = [];
    for (let i = 0; i < 4000; i++) sends.push(agentSocket.request({ t: 'message.send', conversationId: slow.conversationId, text: `${i} ${big}` }));
    await Promise.all(sends);

    // The fast customer still gets a message right away.
    const started = Date.now();
    await agentSocket.request({ t: 'message.send', conversationId: fast.conversationId, text: 'for the fast one' });
    await fastSocket.event('message.created', (e) => (e.data as { text: string }).text === 'for the fast one');
    expect(Date.now() - started).toBeLessThan(2000);

    (slowSocket.ws as unknown as { _socket: Socket })._socket.resume();
    const closed = await slowSocket.closed;
    expect(closed.code).toBe(4008);

    // Reconnecting from the last seq it saw brings everything it missed.
    const lastSeen = Math.max(0, ...slowSocket.raw.map((r) => JSON.parse(r) as { t: string; e?: { seq: number } }).filter((f) => f.t === 'event').map((f) => f.e!.seq));
    const again = await slow.socket(lastSeen);
    const last = await again.event('message.created', (e) => (e.data as { text: string }).text.startsWith('3999 '), 30_000);
    expect(last.seq).toBeGreaterThan(lastSeen);
    await again.close();
    await fastSocket.close();
  });
});
