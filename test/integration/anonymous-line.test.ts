import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaffClient, WidgetClient } from '../support/api-client.js';
import { testDialects } from '../support/databases.js';
import type { FrameSocket } from '../support/frame-socket.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const KINDERLIJN = 'ln_kinderlijn';
const VISITOR = 'visitor-SECRET-7f3a9b21c4';

/**
 * On an anonymous line no payload an agent receives (HTTP bodies, WebSocket frames) may hold
 * the raw identifier: not the IP address the chat came from, not the widget's visitor id.
 */
describe.each(testDialects())('an anonymous line on %s', (dialect) => {
  let server: TestServer;
  let sofie: StaffClient;
  let socket: FrameSocket;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    sofie = await StaffClient.login(server.url, 'sofie@contactpunt.example');
    socket = await sofie.socket();
    await socket.request({ t: 'status.set', status: 'available' });
  });

  afterAll(async () => {
    await socket?.close();
    await server?.stop();
  });

  async function converse(body: Record<string, unknown>, wrapUp: string): Promise<string> {
    const customer = await WidgetClient.start(server.url, KINDERLIJN, body);
    const offer = await socket.next((f) => f.t === 'offer' && f.conversationId === customer.conversationId);
    await socket.request({ t: 'offer.accept', conversationId: offer.conversationId });
    await customer.request('POST', '/messages', { clientId: 'm1', text: 'ik word gepest op school' });
    await socket.event('message.created', (e) => e.conversationId === customer.conversationId && (e.actor as { kind: string }).kind === 'customer');
    await sofie.request('GET', `/api/conversations/${customer.conversationId}`);
    await sofie.request('GET', `/api/conversations/${customer.conversationId}/history`);
    await sofie.request('GET', `/api/conversations/${customer.conversationId}/events?after=0`);
    await sofie.request('POST', `/api/conversations/${customer.conversationId}/topics`, { topicId: 'pesten', subtopicId: 'school' });
    await sofie.request('POST', `/api/conversations/${customer.conversationId}/close`, { wrapUpCode: wrapUp });
    return customer.conversationId;
  }

  it('shows a stable pseudonym and the earlier conversations, never the visitor id or the IP address', async () => {
    const first = await converse({ visitorId: VISITOR }, 'gesprek');
    const second = await converse({ visitorId: VISITOR }, 'gesprek');
    await converse({}, 'test'); // no visitor id: the key comes from the IP address

    const a = await sofie.request<{ contact: Record<string, unknown> }>('GET', `/api/conversations/${first}`);
    const b = await sofie.request<{ contact: Record<string, unknown> }>('GET', `/api/conversations/${second}`);
    expect(a.body.contact.pseudonym).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(b.body.contact.pseudonym).toBe(a.body.contact.pseudonym);
    expect(a.body.contact).not.toHaveProperty('identifier');
    const history = await sofie.request<{ conversations: Array<{ id: string; topics: unknown[] }> }>('GET', `/api/conversations/${second}/history`);
    expect(history.body.conversations.map((c) => c.id)).toEqual([first]);
    expect(history.body.conversations[0]!.topics).toEqual([{ topicId: 'pesten', subtopicId: 'school' }]);

    const everything = [...sofie.payloads, ...socket.raw].join('\n');
    expect(everything.length).toBeGreaterThan(1000);
    expect(everything).not.toContain(VISITOR);
    expect(everything).not.toContain('127.0.0.1');
    expect(everything).not.toMatch(/"identifier"/);

    // Nor is it stored where an agent-facing query could read it.
    const db = await server.database.open();
    const contacts = await db.kysely.selectFrom('contacts').select(['identifier', 'display_name']).execute();
    await db.close();
    expect(contacts.every((c) => c.identifier === null && c.display_name === null)).toBe(true);
  });

  it('shows the identifier on a line that is not anonymous', async () => {
    const customer = await WidgetClient.start(server.url, 'ln_bankzuid', { visitorId: 'visitor-bank-12345678', language: 'nl' });
    const marleen = await StaffClient.login(server.url, 'marleen@contactpunt.example');
    const details = await marleen.request<{ contact: Record<string, unknown> }>('GET', `/api/conversations/${customer.conversationId}`);
    expect(details.body.contact.identifier).toBe('visitor-bank-12345678');
    await customer.request('POST', '/end');
  });
});
