import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaffClient, WidgetClient } from '../support/api-client.js';
import { testDialects } from '../support/databases.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const BANK = 'ln_bankzuid';
const fromBot = (e: Record<string, unknown>) => (e.actor as { kind: string }).kind === 'bot';

interface Question {
  id: string;
  conversationId: string;
  text: string;
  reason: string;
}

/**
 * The unanswered-questions list also keeps the customer's question when the bot hands over
 * because the same question came again (its answer did not help) or because the conversation
 * reached the bot's turn limit, with that reason stored, shown and filterable. A request for a
 * person is not a gap in the bot's knowledge and is not kept.
 */
describe.each(testDialects())('unanswered questions after a repeat or the turn limit on %s', (dialect) => {
  let server: TestServer;
  let ines: StaffClient;

  beforeAll(async () => {
    server = await startTestServer(dialect, { DEMO_CUSTOMER_BOT: 'true' });
    ines = await StaffClient.login(server.url, 'ines@contactpunt.example');
  });

  afterAll(async () => server?.stop());

  const chat = async (visitorId: string) => {
    const customer = await WidgetClient.start(server.url, BANK, { language: 'nl', visitorId });
    const socket = await customer.socket();
    await socket.event('message.created', fromBot);
    const say = async (text: string) => socket.request({ t: 'message.send', conversationId: customer.conversationId, text });
    return { customer, socket, say };
  };
  const list = async (query = '') => (await ines.request<{ questions: Question[] }>('GET', `/api/content/lines/${BANK}/unanswered${query}`)).body.questions;
  const keptFor = async (conversationId: string) => {
    await expect.poll(async () => (await list()).some((q) => q.conversationId === conversationId), { timeout: 10_000 }).toBe(true);
    return (await list()).filter((q) => q.conversationId === conversationId);
  };
  const handoverReason = async (conversationId: string) =>
    (await server.running.app.deps.repos.events.listAfter(conversationId, 0, 1000)).find((e) => e.type === 'conversation.handed_over')?.data.reason;

  it('keeps the repeated question with reason repeat, and the question at the turn limit with reason max_turns; filters by reason', async () => {
    // Asked again after the bot answered: the answer did not help.
    const repeat = await chat('visitor-unanswered-repeat');
    await repeat.say('Mijn bankkaart is gestolen');
    await repeat.socket.event('message.created', fromBot);
    await repeat.say('Mijn bankkaart is gestolen, wat nu?');
    await repeat.socket.event('conversation.handed_over');
    expect(await handoverReason(repeat.customer.conversationId)).toBe('repeat');
    const repeated = await keptFor(repeat.customer.conversationId);
    expect(repeated.map((q) => [q.reason, q.text])).toEqual([['repeat', 'Mijn bankkaart is gestolen, wat nu?']]);

    // A bot allowed one turn: the second question reaches the limit.
    const bot = server.running.app.deps.directory.line(BANK).bot!;
    const limited = await ines.request('PUT', `/api/content/lines/${BANK}/bot`, { enabled: true, greeting: bot.greeting, maxBotTurns: 1 });
    expect(limited.status).toBe(200);
    const busy = await chat('visitor-unanswered-turns');
    await busy.say('Mijn bankkaart is gestolen');
    await busy.socket.event('message.created', fromBot);
    await busy.say('Hoe verhoog ik de limiet van mijn kaart? Bel me op 0470 12 34 56');
    await busy.socket.event('conversation.handed_over');
    expect(await handoverReason(busy.customer.conversationId)).toBe('max_turns');
    const atLimit = await keptFor(busy.customer.conversationId);
    expect(atLimit.map((q) => q.reason)).toEqual(['max_turns']);
    // Anonymised like every unanswered question.
    expect(atLimit[0]!.text).toMatch(/limiet/);
    expect(atLimit[0]!.text).not.toMatch(/0470/);

    // The filter gives one reason only.
    const repeats = await list('?reason=repeat');
    expect(repeats.map((q) => q.conversationId)).toContain(repeat.customer.conversationId);
    expect(new Set(repeats.map((q) => q.reason))).toEqual(new Set(['repeat']));
    const turns = await list('?reason=max_turns');
    expect(turns.map((q) => q.conversationId)).toEqual([busy.customer.conversationId]);
    expect(await list('?reason=low_confidence')).not.toContainEqual(expect.objectContaining({ conversationId: busy.customer.conversationId }));
    const bad = await ines.request<{ error: { code: string } }>('GET', `/api/content/lines/${BANK}/unanswered?reason=customer_asked`);
    expect([bad.status, bad.body.error.code]).toEqual([400, 'INVALID_INPUT']);

    for (const c of [repeat, busy]) {
      await c.customer.request('POST', '/end');
      await c.socket.close();
    }
  });

  it('does not keep a request for a person', async () => {
    const bot = server.running.app.deps.directory.line(BANK).bot!;
    expect((await ines.request('PUT', `/api/content/lines/${BANK}/bot`, { enabled: true, greeting: bot.greeting, maxBotTurns: 4 })).status).toBe(200);
    const asker = await chat('visitor-unanswered-person');
    await asker.say('ik wil een medewerker spreken');
    await asker.socket.event('conversation.handed_over');
    expect(await handoverReason(asker.customer.conversationId)).toBe('customer_asked');
    // The record would be written right after the handover: give it the time, then look.
    await new Promise((r) => setTimeout(r, 300));
    expect((await list()).filter((q) => q.conversationId === asker.customer.conversationId)).toEqual([]);
    await asker.customer.request('POST', '/end');
    await asker.socket.close();
  });
});
