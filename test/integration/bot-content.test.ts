import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaffClient, WidgetClient } from '../support/api-client.js';
import { testDialects } from '../support/databases.js';
import type { FrameSocket } from '../support/frame-socket.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const BANK = 'ln_bankzuid';
const fromBot = (e: Record<string, unknown>) => (e.actor as { kind: string }).kind === 'bot';

interface TestResult {
  decision: string;
  reason: string;
  reply: string;
  ranked: Array<{ intent: string; confidence: number }>;
  outOfScope: number;
  article: { id: string; source: string } | null;
}

const TRAVEL = {
  label: { nl: 'Reisverzekering', en: 'Travel insurance' },
  examples: {
    nl: ['Ben ik verzekerd op reis?', 'Dekt mijn kaart een reisverzekering?', 'Reisverzekering bij Bank Zuid', 'Heb ik een annulatieverzekering voor mijn vakantie?', 'Ik ga op reis, ben ik gedekt?'],
    en: ['Am I insured when I travel?', 'Does my card include travel insurance?', 'Travel insurance with Bank Zuid', 'Do I have cancellation cover for my holiday?'],
  },
  answer: { nl: 'Met een Zuid Gold-kaart ben je verzekerd op reis als je de reis met die kaart betaalde.', en: 'With a Zuid Gold card you are insured when you paid the trip with that card.' },
};

describe.each(testDialects())('content management of the customer bot on %s', (dialect) => {
  let server: TestServer;
  let ines: StaffClient;
  let thomas: StaffClient;
  let thomasSocket: FrameSocket;

  beforeAll(async () => {
    server = await startTestServer(dialect, { DEMO_CUSTOMER_BOT: 'true' });
    ines = await StaffClient.login(server.url, 'ines@contactpunt.example');
    thomas = await StaffClient.login(server.url, 'thomas@contactpunt.example');
    thomasSocket = await thomas.socket();
  });

  afterAll(async () => {
    await thomasSocket?.close();
    await server?.stop();
  });

  const consoleTest = (text: string, language = 'nl') => ines.request<TestResult>('POST', `/api/content/lines/${BANK}/bot/test`, { language, text });
  const chat = async (visitorId: string, text: string, language = 'nl') => {
    const customer = await WidgetClient.start(server.url, BANK, { language, visitorId });
    const socket = await customer.socket();
    await socket.event('message.created', fromBot);
    await socket.request({ t: 'message.send', conversationId: customer.conversationId, text });
    return { customer, socket };
  };
  const log = (id: string) => server.running.app.deps.repos.events.listAfter(id, 0, 1000);

  it('does let a content manager add an intent in the console, after which the bot answers it', async () => {
    const lines = await ines.request<{ lines: Array<{ id: string; bot: { intents: Array<{ id: string }> } | null }> }>('GET', '/api/content/lines');
    expect(lines.status).toBe(200);
    expect(lines.body.lines.find((l) => l.id === BANK)?.bot?.intents.map((i) => i.id)).toContain('kaart_blokkeren');

    const before = await consoleTest('Ben ik verzekerd als ik op reis ga?');
    expect(before.status).toBe(200);
    expect(before.body.decision).toBe('hand_over');
    expect(before.body.reason).toBe('low_confidence');

    const saved = await ines.request('PUT', `/api/content/lines/${BANK}/bot/intents/reisverzekering`, TRAVEL);
    expect(saved.status).toBe(200);
    const after = await consoleTest('Ben ik verzekerd als ik op reis ga?');
    expect(after.body).toMatchObject({ decision: 'answer', reason: 'reisverzekering' });
    expect(after.body.ranked[0]).toMatchObject({ intent: 'reisverzekering' });
    expect(after.body.ranked[0]!.confidence).toBeGreaterThanOrEqual(0.6);
    expect(after.body.reply).toMatch(/Zuid Gold-kaart/);

    // A known intent names its article (tagged with the intent) in the console.
    const card = await consoleTest('mijn kaart is gestolen');
    expect(card.body).toMatchObject({ decision: 'answer', reason: 'kaart_blokkeren', article: { id: 'kb_kaart_blokkeren_nl', source: 'intent' } });
  });

  it('does refuse agents, unknown lines, links to unknown articles and queues, and invalid intents', async () => {
    expect((await thomas.request('GET', '/api/content/lines')).status).toBe(403);
    expect((await thomas.request('POST', `/api/content/lines/${BANK}/bot/test`, { language: 'nl', text: 'hallo' })).status).toBe(403);
    const unknownLine = await ines.request<{ error: { code: string } }>('POST', '/api/content/lines/ln_nope/bot/test', { language: 'nl', text: 'hallo' });
    expect(unknownLine.status).toBe(404);
    expect(unknownLine.body.error.code).toBe('LINE_NOT_FOUND');
    const badArticle = await ines.request<{ error: { code: string } }>('PUT', `/api/content/lines/${BANK}/bot/intents/x_article`, { ...TRAVEL, articleId: 'kb_kl_pesten' });
    expect(badArticle.status).toBe(422);
    expect(badArticle.body.error.code).toBe('CONTENT_INVALID');
    const badQueue = await ines.request<{ error: { code: string } }>('PUT', `/api/content/lines/${BANK}/bot/intents/x_queue`, { ...TRAVEL, handover: { queueId: 'qu_kinderlijn' } });
    expect(badQueue.body.error.code).toBe('CONTENT_INVALID');
    const noAnswer = await ines.request<{ error: { code: string } }>('PUT', `/api/content/lines/${BANK}/bot/intents/x_answer`, { examples: { nl: ['a'] }, answer: {} });
    expect(noAnswer.status).toBe(400);
    expect(noAnswer.body.error.code).toBe('INVALID_INPUT');
    const noBot = await ines.request<{ error: { code: string } }>('PUT', '/api/content/lines/ln_energienoord/bot/intents/xy', TRAVEL);
    expect(noBot.body.error.code).toBe('BOT_NOT_CONFIGURED');
    expect((await ines.request('DELETE', `/api/content/lines/${BANK}/bot/intents/does_not_exist`)).status).toBe(404);
  });

  it('does keep an unsure question anonymised in the unanswered list and turn it into an example with one click', async () => {
    const { customer, socket } = await chat('visitor-content-0001', 'Ik ben Jan Peeters, bel me op 0470 12 34 56 over mijn hypotheekofferte');
    await socket.event('conversation.handed_over');
    let questions: Array<{ id: string; text: string; reason: string; conversationId: string }> = [];
    for (let i = 0; i < 200 && questions.length === 0; i++) {
      const list = await ines.request<{ questions: typeof questions }>('GET', `/api/content/lines/${BANK}/unanswered`);
      questions = list.body.questions.filter((q) => q.conversationId === customer.conversationId);
      if (questions.length === 0) await new Promise((r) => setTimeout(r, 50));
    }
    expect(questions).toHaveLength(1);
    const question = questions[0]!;
    expect(question.text).not.toMatch(/0470|Peeters/);
    expect(question.text).toMatch(/hypotheekofferte/);
    expect(['low_confidence', 'out_of_scope']).toContain(question.reason);

    await ines.request('PUT', `/api/content/lines/${BANK}/bot/intents/hypotheek`, {
      label: { nl: 'Hypotheek' },
      examples: { nl: ['Ik wil een hypotheek', 'Hoeveel kan ik lenen voor een huis?', 'Woonkrediet aanvragen', 'Wat is de rente op een hypotheek?'] },
      answer: { nl: 'Maak een afspraak met een kredietadviseur in de Zuid App onder Lenen > Wonen.' },
    });
    const resolved = await ines.request<{ status: string; resolvedIntent: string }>('POST', `/api/content/unanswered/${question.id}/resolve`, { intentId: 'hypotheek' });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ status: 'resolved', resolvedIntent: 'hypotheek' });
    const again = await ines.request<{ error: { code: string } }>('POST', `/api/content/unanswered/${question.id}/resolve`, { intentId: 'hypotheek' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('UNANSWERED_ALREADY_HANDLED');
    const bot = server.running.app.deps.directory.line(BANK).bot!;
    expect(bot.intents.find((i) => i.id === 'hypotheek')?.examples.nl).toContain(question.text);
    const open = await ines.request<{ questions: Array<{ id: string }> }>('GET', `/api/content/lines/${BANK}/unanswered`);
    expect(open.body.questions.some((q) => q.id === question.id)).toBe(false);
    await customer.request('POST', '/end');
    await socket.close();

    // Small talk is out of scope rather than an unsure guess.
    const chatter = await chat('visitor-content-0004', 'het weer is vandaag erg mooi');
    await chatter.socket.event('conversation.handed_over');
    await expect
      .poll(async () => (await ines.request<{ questions: Array<{ conversationId: string; reason: string }> }>('GET', `/api/content/lines/${BANK}/unanswered`)).body.questions.find((q) => q.conversationId === chatter.customer.conversationId)?.reason, { timeout: 10_000 })
      .toBe('out_of_scope');
    const dismissed = await ines.request<{ questions: Array<{ id: string; conversationId: string }> }>('GET', `/api/content/lines/${BANK}/unanswered`);
    const small = dismissed.body.questions.find((q) => q.conversationId === chatter.customer.conversationId)!;
    expect((await ines.request('POST', `/api/content/unanswered/${small.id}/dismiss`)).status).toBe(204);
    const listed = await ines.request<{ questions: Array<{ id: string }> }>('GET', `/api/content/lines/${BANK}/unanswered?status=dismissed`);
    expect(listed.body.questions.map((q) => q.id)).toContain(small.id);
    await chatter.customer.request('POST', '/end');
    await chatter.socket.close();
  });

  it('does answer from a public article when no intent is confident, and hand over when it is asked again', async () => {
    const article = {
      lineId: BANK, language: 'nl', title: 'Spaarrekening openen', topicId: 'app', visibility: 'public', version: 1,
      body: 'Een spaarrekening open je in de Zuid App onder Sparen > Nieuwe spaarrekening. De rekening is meteen actief en gratis.',
    };
    expect((await ines.request('PUT', '/api/knowledge/articles/kb_spaarrekening_nl', article)).status).toBe(200);
    // The same version again is stale and refused.
    const stale = await ines.request<{ error: { code: string } }>('PUT', '/api/knowledge/articles/kb_spaarrekening_nl', article);
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('KNOWLEDGE_STALE_VERSION');
    // Two editors saving the same next version at once: exactly one wins.
    const both = await Promise.all([ines.request('PUT', '/api/knowledge/articles/kb_spaarrekening_nl', { ...article, version: 2 }), ines.request('PUT', '/api/knowledge/articles/kb_spaarrekening_nl', { ...article, version: 2, body: `${article.body} Zonder kosten.` })]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);

    const tested = await consoleTest('Is een nieuwe spaarrekening gratis?');
    expect(tested.body).toMatchObject({ decision: 'answer', reason: 'public_article', article: { id: 'kb_spaarrekening_nl', source: 'article_answer' } });

    const { customer, socket } = await chat('visitor-content-0002', 'Is een nieuwe spaarrekening gratis?');
    const answer = await socket.event('message.created', (e) => fromBot(e) && String((e.data as { text: string }).text).includes('Spaarrekening openen'));
    expect(String((answer.data as { text: string }).text)).toMatch(/Sparen > Nieuwe spaarrekening/);
    const answered = (await log(customer.conversationId)).find((e) => e.type === 'bot.answered');
    expect(answered?.data).toMatchObject({ articleId: 'kb_spaarrekening_nl', source: 'article' });
    // The same article twice means it did not help: a person takes over.
    await socket.request({ t: 'message.send', conversationId: customer.conversationId, text: 'Is een spaarrekening gratis?' });
    const handedOver = await socket.event('conversation.handed_over');
    expect(handedOver.data).toEqual({ text: 'Ik verbind je door met een medewerker.' });
    expect((await log(customer.conversationId)).find((e) => e.type === 'conversation.handed_over')?.data).toMatchObject({ reason: 'repeat' });
    await customer.request('POST', '/end');
    await socket.close();
  });

  it('does route a handover by the recognised intent: fraud goes to its queue with a higher priority', async () => {
    const saved = await ines.request('PUT', `/api/content/lines/${BANK}/bot/intents/fraude_melden`, {
      label: { nl: 'Fraude melden' },
      examples: { nl: ['Er is geld van mijn rekening gestolen', 'Ik ben opgelicht', 'Iemand heeft mijn rekening gehackt', 'Ik heb mijn code aan een oplichter gegeven', 'Fraude melden', 'Er staan betalingen op mijn rekening die ik niet deed'] },
      answer: { nl: 'Ik verbind je meteen door met ons fraudeteam.' },
      handover: { queueId: 'qu_bank_kaart', priority: 3, immediate: true },
    });
    expect(saved.status).toBe(200);
    const { customer, socket } = await chat('visitor-content-0003', 'Er is geld van mijn rekening gestolen door een oplichter');
    await socket.event('conversation.handed_over');
    await server.running.app.deps.routing.settled();
    const events = await log(customer.conversationId);
    expect(events.find((e) => e.type === 'bot.answered')?.data).toMatchObject({ intent: 'fraude_melden' });
    expect(events.find((e) => e.type === 'conversation.handed_over')?.data).toMatchObject({ reason: 'intent', intent: 'fraude_melden' });
    expect(events.find((e) => e.type === 'conversation.queued')?.data).toMatchObject({ queueId: 'qu_bank_kaart', priority: 3 });
    const stored = await server.running.app.deps.repos.conversations.getAnyTenant(customer.conversationId);
    expect(stored).toMatchObject({ queueId: 'qu_bank_kaart', priority: 3 });
    await customer.request('POST', '/end');
    await socket.close();
  });

  it('does import chat logs anonymised, suggest intents, and train the bot on labelled turns', async () => {
    const csv = [
      'conversation_id,speaker,text,intent',
      't1,customer,Mijn rekeningnummer is BE68 5390 0754 7034 en ik wil mijn spaarpot voor de kinderen laten omzetten,',
      't1,agent,Dat kan via de app,',
      't2,customer,Hoe zet ik de kinderspaarpot om naar een gewone rekening?,spaarpot_omzetten',
      't3,klant,ik wil de spaarpot van mijn dochter omzetten,spaarpot_omzetten',
    ].join('\n');
    const unknown = await ines.request<{ error: { code: string; message: string } }>('POST', `/api/content/lines/${BANK}/imports`, { format: 'csv', language: 'nl', content: csv });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.code).toBe('IMPORT_INVALID');
    expect(unknown.body.error.message).toMatch(/row 4: unknown intent spaarpot_omzetten/);

    await ines.request('PUT', `/api/content/lines/${BANK}/bot/intents/spaarpot_omzetten`, { label: { nl: 'Spaarpot omzetten' }, examples: { nl: ['Spaarpot omzetten'] }, answer: { nl: 'Een kinderspaarpot zet je om in de Zuid App onder Sparen.' } });
    const imported = await ines.request<{ utterances: number; labelled: number; skippedTurns: number; redactions: number; transcripts: number }>('POST', `/api/content/lines/${BANK}/imports`, { format: 'csv', language: 'nl', content: csv });
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({ transcripts: 3, utterances: 3, labelled: 2, skippedTurns: 1 });
    expect(imported.body.redactions).toBeGreaterThanOrEqual(1);

    const json = JSON.stringify({ transcripts: [{ id: 'j1', language: 'en', turns: [{ speaker: 'customer', text: 'Mail me at jan.peeters@example.com about my card limit' }, { speaker: 'bot', text: 'Sure' }] }] });
    expect((await ines.request('POST', `/api/content/lines/${BANK}/imports`, { format: 'json', language: 'nl', content: json })).status).toBe(201);
    const list = await ines.request<{ utterances: Array<{ id: string; text: string; intent: string | null; suggestedIntent: string | null; language: string }> }>('GET', `/api/content/lines/${BANK}/utterances`);
    expect(list.body.utterances).toHaveLength(4);
    for (const u of list.body.utterances) expect(u.text).not.toMatch(/BE68|5390|jan\.peeters|example\.com/);
    const english = list.body.utterances.find((u) => u.language === 'en')!;
    expect(english.suggestedIntent).toBe('limiet_wijzigen');
    expect(ines.payloads.join('\n')).not.toMatch(/BE68 5390|jan\.peeters@/);

    // With only "Spaarpot omzetten" as example the model learns the imported, labelled turns too.
    const unlabelled = list.body.utterances.find((u) => u.intent === null && u.language === 'nl')!;
    expect((await ines.request('PUT', `/api/content/utterances/${unlabelled.id}`, { intent: 'spaarpot_omzetten' })).status).toBe(200);
    expect((await ines.request('PUT', `/api/content/utterances/${unlabelled.id}`, { intent: 'no_such_intent' })).status).toBe(422);
    const tested = await consoleTest('ik wil de kinderspaarpot omzetten naar een gewone rekening');
    expect(tested.body).toMatchObject({ decision: 'answer', reason: 'spaarpot_omzetten' });
    const lines = await ines.request<{ lines: Array<{ id: string; importedExamples: number }> }>('GET', '/api/content/lines');
    expect(lines.body.lines.find((l) => l.id === BANK)?.importedExamples).toBe(3);

    const broken = await ines.request<{ error: { code: string } }>('POST', `/api/content/lines/${BANK}/imports`, { format: 'json', language: 'nl', content: '{"transcripts": [' });
    expect(broken.body.error.code).toBe('IMPORT_INVALID');
  });
});
