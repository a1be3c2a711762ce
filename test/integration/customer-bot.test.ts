import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaffClient, WidgetClient } from '../support/api-client.js';
import { testDialects } from '../support/databases.js';
import type { FrameSocket } from '../support/frame-socket.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const BANK = 'ln_bankzuid';
type Event = Record<string, unknown> & { type: string; actor: { kind: string; name?: string }; data: Record<string, unknown> };
const fromBot = (e: Record<string, unknown>) => (e.actor as { kind: string }).kind === 'bot';

describe.each(testDialects())('the customer bot on Bank Zuid on %s', (dialect) => {
  let server: TestServer;
  let thomas: StaffClient;
  let thomasSocket: FrameSocket;

  beforeAll(async () => {
    server = await startTestServer(dialect, { DEMO_CUSTOMER_BOT: 'true' });
    thomas = await StaffClient.login(server.url, 'thomas@contactpunt.example');
    thomasSocket = await thomas.socket();
    await thomasSocket.request({ t: 'status.set', status: 'available' });
  });

  afterAll(async () => {
    await thomasSocket?.close();
    await server?.stop();
  });

  const stored = (id: string) => server.running.app.deps.repos.conversations.getAnyTenant(id);
  const log = (id: string) => server.running.app.deps.repos.events.listAfter(id, 0, 1000);
  const start = async (language: string, visitorId: string) => {
    const customer = await WidgetClient.start(server.url, BANK, { language, visitorId });
    const socket = await customer.socket();
    const greeting = await socket.event('message.created', fromBot);
    return { customer, socket, greeting };
  };
  const say = (customer: WidgetClient, socket: FrameSocket, text: string) => socket.request({ t: 'message.send', conversationId: customer.conversationId, text });

  it('does greet, answer the card question without an agent, and hand over with the whole transcript when the customer asks for a person', async () => {
    const { customer, socket, greeting } = await start('nl', 'visitor-bot-nl-0001');
    expect(greeting.actor).toEqual({ kind: 'bot', name: 'Zuid assistent' });
    expect(String((greeting.data as { text: string }).text)).toMatch(/digitale assistent van Bank Zuid/);

    await say(customer, socket, 'mijn kaart is gestolen, hoe blokkeer ik die?');
    const answer = await socket.event('message.created', fromBot);
    expect(String((answer.data as { text: string }).text)).toMatch(/Blokkeer je kaart meteen/);
    // The customer sees the answer, not which intent or how sure the bot was.
    expect(Object.keys(answer.data as object)).toEqual(['text']);
    await server.running.app.deps.routing.settled();
    expect((await stored(customer.conversationId))?.state).toBe('bot');
    expect(thomasSocket.frames.some((f) => f.t === 'offer' && f.conversationId === customer.conversationId)).toBe(false);
    const answered = (await log(customer.conversationId)).find((e) => e.type === 'bot.answered');
    expect(answered?.data).toMatchObject({ intent: 'kaart_blokkeren' });
    expect(answered?.visibility).toBe('internal');

    await say(customer, socket, 'ik wil een medewerker spreken');
    const handedOver = await socket.event('conversation.handed_over');
    expect(handedOver.data).toEqual({ text: 'Ik verbind je door met een medewerker.' });
    const offer = await thomasSocket.next((f) => f.t === 'offer' && f.conversationId === customer.conversationId, 10_000, 'offer');
    expect(offer.offer).toMatchObject({ language: 'nl', lineId: BANK });
    await thomasSocket.request({ t: 'offer.accept', conversationId: customer.conversationId });
    await socket.event('conversation.assigned');

    const transcript = await thomas.request<{ events: Event[] }>('GET', `/api/conversations/${customer.conversationId}/events?after=0`);
    expect(transcript.status).toBe(200);
    const texts = transcript.body.events.filter((e) => e.type === 'message.created').map((e) => `${e.actor.kind}: ${String(e.data.text)}`);
    expect(texts[0]).toMatch(/^bot: Hallo, ik ben de digitale assistent/);
    expect(texts[1]).toBe('customer: mijn kaart is gestolen, hoe blokkeer ik die?');
    expect(texts[2]).toMatch(/^bot: Blokkeer je kaart meteen/);
    expect(texts[3]).toBe('customer: ik wil een medewerker spreken');
    expect(transcript.body.events.find((e) => e.type === 'conversation.handed_over')?.data).toMatchObject({ reason: 'customer_asked' });
    // The assist panel follows the intent the bot recognised, not only the customer's last words.
    const assist = await thomas.request<{ intents: string[]; articles: Array<{ id: string; reason: string }>; procedure: { articleId: string } | null }>('GET', `/api/conversations/${customer.conversationId}/assist`);
    expect(assist.body.intents).toEqual(['kaart_blokkeren']);
    expect(assist.body.articles[0]).toMatchObject({ id: 'kb_kaart_blokkeren_nl', reason: 'intent' });
    expect(assist.body.procedure?.articleId).toBe('kb_kaart_blokkeren_nl');
    await socket.close();
  });

  it.each([
    ['fr', "je veux parler à quelqu'un", 'Je vous mets en relation avec un conseiller.'],
    ['en', 'human please', 'I am connecting you with an agent.'],
  ])('does hand over when the customer asks for a person in %s', async (language, text, told) => {
    const { customer, socket } = await start(language, `visitor-bot-${language}-0002`);
    await say(customer, socket, text);
    const handedOver = await socket.event('conversation.handed_over');
    expect(handedOver.data).toEqual({ text: told });
    await socket.event('conversation.queued');
    const handover = (await log(customer.conversationId)).find((e) => e.type === 'conversation.handed_over');
    expect(handover?.data).toMatchObject({ reason: 'customer_asked' });
    expect(['queued', 'offered']).toContain((await stored(customer.conversationId))?.state);
    await customer.request('POST', '/end');
    await socket.close();
  });

  it('does hand over for low confidence when the question is too vague to answer', async () => {
    const { customer, socket } = await start('nl', 'visitor-bot-nl-0003');
    await say(customer, socket, 'ik heb een vraag over mijn kaart');
    await socket.event('conversation.handed_over');
    const events = await log(customer.conversationId);
    expect(events.find((e) => e.type === 'conversation.handed_over')?.data).toMatchObject({ reason: 'low_confidence' });
    expect(events.some((e) => e.type === 'bot.answered' || e.type === 'bot.clarified')).toBe(false);
    await customer.request('POST', '/end');
    await socket.close();
  });

  it('does record the conversation as bot-resolved when the customer leaves while only the bot talked', async () => {
    const { customer, socket } = await start('en', 'visitor-bot-en-0004');
    await say(customer, socket, 'What are your opening hours?');
    const answer = await socket.event('message.created', fromBot);
    expect(String((answer.data as { text: string }).text)).toMatch(/Customer service is open on weekdays/);
    expect((await customer.request('POST', '/end')).status).toBe(200);
    const closed = await socket.event('conversation.closed');
    expect(closed.data).toEqual({ reason: 'bot_resolved' });
    const conversation = await stored(customer.conversationId);
    expect(conversation?.state).toBe('closed');
    expect(conversation?.enqueuedAt).toBeNull();
    expect(conversation?.context.botResolved).toBe(true);
    expect((await log(customer.conversationId)).some((e) => e.type === 'conversation.abandoned')).toBe(false);
    await socket.close();
  });
});
