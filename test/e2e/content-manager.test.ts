import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { WidgetClient } from '../support/api-client.js';
import type { TestServer } from '../support/test-server.js';
import { screenshot, seriousViolations } from './support/browser.js';
import { expectText, loginAs } from './support/pages.js';
import { startBrowserSession, type BrowserSession } from './support/session.js';

const QUESTION = 'Ben ik verzekerd als ik op reis ga?';

/**
 * The content manager's flow: Ines tries a question in the bot test console (the bot would hand
 * over), adds an intent with examples and an answer, and the console then shows the bot answering
 * it; she edits a procedure's steps, and turns an unanswered customer question (anonymised) into
 * an example with one click. Every screen is checked with axe.
 */
describe('content manager screens in Chromium', () => {
  let session: BrowserSession;
  let server: TestServer;
  let ines: Page;

  beforeAll(async () => {
    session = await startBrowserSession({ env: { DEMO_CUSTOMER_BOT: 'true' } });
    server = session.server;
    ines = await session.page();
  }, 120_000);

  afterAll(async () => {
    await session?.close();
  });

  const askConsole = async (text: string) => {
    await ines.getByTestId('content-tab-console').click();
    await ines.getByTestId('console-input').fill(text);
    await ines.getByTestId('console-ask').click();
  };

  it('adds an example in the console flow, after which the bot answers it; edits a procedure; turns an unanswered question into an example', async () => {
    // A content manager lands on the content screens.
    await loginAs(ines, server.url, 'ines@contactpunt.example', '/', 'content');
    expect(await ines.getByTestId('content-line').inputValue()).toBe('ln_bankzuid');
    expect(await ines.getByTestId('nav-content').getAttribute('aria-current')).toBe('page');

    // Before: the bot does not know the question and would hand over.
    await askConsole(QUESTION);
    await expect.poll(() => ines.getByTestId('console-result').getAttribute('data-decision'), { timeout: 10_000 }).toBe('hand_over');
    expect(await ines.getByTestId('console-result').getAttribute('data-reason')).toBe('low_confidence');
    expect(await ines.getByTestId('console-intent').count()).toBeGreaterThan(0);
    expect(await seriousViolations(ines)).toEqual([]);

    // A new intent with examples and an answer.
    await ines.getByTestId('content-tab-intents').click();
    expect(await seriousViolations(ines)).toEqual([]);
    await ines.getByTestId('intent-new').click();
    await ines.getByTestId('intent-id').fill('reisverzekering');
    await ines.getByTestId('intent-label-nl').fill('Reisverzekering');
    await ines.getByTestId('intent-examples-nl').fill(['Ben ik verzekerd op reis?', 'Dekt mijn kaart een reisverzekering?', 'Reisverzekering bij Bank Zuid', 'Heb ik een annulatieverzekering voor mijn vakantie?', 'Ik ga op reis, ben ik gedekt?'].join('\n'));
    await ines.getByTestId('intent-answer-nl').fill('Met een Zuid Gold-kaart ben je verzekerd op reis als je de reis met die kaart betaalde.');
    await ines.getByTestId('intent-save').click();
    await expectText(ines, 'intent-status', /Opgeslagen/);
    await ines.locator('[data-testid="intent-item"][data-id="reisverzekering"]').waitFor();
    expect(await seriousViolations(ines)).toEqual([]);

    // After: the console shows the bot answering it, with the intent on top.
    await askConsole(QUESTION);
    await expect.poll(() => ines.getByTestId('console-result').getAttribute('data-decision'), { timeout: 10_000 }).toBe('answer');
    expect(await ines.getByTestId('console-result').getAttribute('data-reason')).toBe('reisverzekering');
    await expectText(ines, 'console-reply', /Zuid Gold-kaart/);
    expect(await ines.getByTestId('console-intent').first().getAttribute('data-intent')).toBe('reisverzekering');
    await screenshot(ines, 'content-bot-console');

    // A procedure gets one more step; the saved version goes up.
    await ines.getByTestId('content-tab-articles').click();
    await ines.locator('[data-testid="article-item"][data-id="kb_kaart_blokkeren_nl"]').click();
    await expectText(ines, 'article-version', /1/);
    const stepsBefore = await ines.getByTestId('article-step').count();
    await ines.getByTestId('step-add').click();
    const last = ines.getByTestId('article-step').last();
    await last.getByTestId('step-title').fill('Bevestig de nieuwe kaart');
    await last.getByTestId('step-body').fill('Vraag de klant de nieuwe kaart in de app te activeren.');
    await last.getByTestId('step-tip').fill('Dit kan pas na ontvangst.');
    await ines.getByTestId('article-save').click();
    await expectText(ines, 'article-status', /Opgeslagen/);
    await expectText(ines, 'article-version', /2/);
    expect(await ines.getByTestId('article-step').count()).toBe(stepsBefore + 1);
    expect(await seriousViolations(ines)).toEqual([]);

    // A customer's unsure question shows up anonymised; one click makes it an example.
    const customer = await WidgetClient.start(server.url, 'ln_bankzuid', { language: 'nl', visitorId: 'visitor-e2e-content-01' });
    const socket = await customer.socket();
    await socket.event('message.created');
    await socket.request({ t: 'message.send', conversationId: customer.conversationId, text: 'Ik ben Jan Peeters (0470 12 34 56), dekt Bank Zuid ook skiongevallen?' });
    await socket.event('conversation.handed_over');
    await socket.close();
    // Kept just after the handover (outside the message path): wait until it is stored, then open the list.
    const { repos, directory } = server.running.app.deps;
    const tenantId = directory.line('ln_bankzuid').tenantId;
    await expect.poll(async () => (await repos.unanswered.list(tenantId, 'ln_bankzuid', 'open', 100)).some((q) => q.conversationId === customer.conversationId), { timeout: 10_000 }).toBe(true);
    await ines.getByTestId('content-tab-unanswered').click();
    const item = ines.getByTestId('unanswered-item').filter({ hasText: 'skiongevallen' });
    await item.waitFor({ timeout: 10_000 });
    const text = await item.getByTestId('unanswered-text').textContent();
    expect(text).not.toMatch(/Peeters|0470/);
    expect(await seriousViolations(ines)).toEqual([]);
    // The reason filter: this question was not a handover at the turn limit.
    const reasonOf = await item.getAttribute('data-reason');
    expect(['low_confidence', 'out_of_scope']).toContain(reasonOf);
    await ines.getByTestId('unanswered-reason').selectOption('max_turns');
    await expect.poll(() => ines.getByTestId('unanswered-item').filter({ hasText: 'skiongevallen' }).count(), { timeout: 10_000 }).toBe(0);
    await ines.getByTestId('unanswered-reason').selectOption(reasonOf!);
    await item.waitFor({ timeout: 10_000 });
    await item.getByTestId('unanswered-intent').selectOption('reisverzekering');
    await item.getByTestId('unanswered-add').click();
    await expectText(ines, 'unanswered-status', /Reisverzekering/);
    await expect.poll(() => ines.getByTestId('unanswered-item').filter({ hasText: 'skiongevallen' }).count(), { timeout: 10_000 }).toBe(0);
    expect(server.running.app.deps.directory.line('ln_bankzuid').bot?.intents.find((i) => i.id === 'reisverzekering')?.examples.nl).toContain(text);

    // Chat logs: a CSV upload is anonymised before anything is shown; a turn gets a label in one choice.
    await ines.getByTestId('content-tab-import').click();
    await ines.getByTestId('chat-import').waitFor();
    const csv = ['conversation_id,speaker,text', 'log-1,customer,Mijn rekening BE68 5390 0754 7034 staat rood en ik wil een reisverzekering', 'log-1,agent,Ik kijk even mee', 'log-2,klant,Bel me op 0470 12 34 56 over mijn limiet'].join('\n');
    await ines.getByTestId('import-file').setInputFiles({ name: 'chats.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await ines.getByTestId('import-submit').click();
    await expectText(ines, 'import-summary', /2 klantzinnen uit 2 gesprekken/);
    await expect.poll(() => ines.getByTestId('utterance-item').count(), { timeout: 10_000 }).toBe(2);
    const shown = (await ines.getByTestId('utterance-text').allTextContents()).join('\n');
    expect(shown).not.toMatch(/BE68|5390|0470/);
    await ines.getByTestId('utterance-item').filter({ has: ines.getByTestId('utterance-text').filter({ hasText: 'staat rood' }) }).getByTestId('utterance-label').selectOption('reisverzekering');
    await expectText(ines, 'import-trained', /1 gelabelde/);
    expect(await seriousViolations(ines)).toEqual([]);

    // A line without a bot gets one (switched off) from the settings form.
    await ines.getByTestId('content-line').selectOption('ln_energienoord');
    await ines.getByTestId('content-tab-intents').click();
    await ines.getByTestId('content-no-bot').waitFor();
    await ines.getByTestId('bot-greeting-nl').fill('Hallo, waarmee kan ik je helpen?');
    await ines.getByTestId('bot-save').click();
    await expectText(ines, 'content-bot-state', /Bot staat uit/);
    await ines.getByTestId('intent-new').waitFor();
    expect(server.running.app.deps.directory.line('ln_energienoord').bot).toMatchObject({ enabled: false, greeting: { nl: 'Hallo, waarmee kan ik je helpen?' }, intents: [] });
    expect(await seriousViolations(ines)).toEqual([]);
    expect(session.problems).toEqual([]);
  }, 180_000);

  it('shows an article\'s versions with author and note, the diff against the current version, and restores an old version as a new one', async () => {
    const ARTICLE = 'kb_limiet_wijzigen_nl';
    const OLD_TITLE = 'Limiet van de bankkaart wijzigen';
    const page = await session.page();
    await loginAs(page, server.url, 'ines@contactpunt.example', '/', 'content');
    await page.getByTestId('content-tab-articles').click();
    await page.locator(`[data-testid="article-item"][data-id="${ARTICLE}"]`).click();
    await expectText(page, 'article-version', /1/);
    const history = page.getByTestId('article-history');
    await expect.poll(() => history.getByTestId('history-item').count(), { timeout: 10_000 }).toBe(1);

    // Version 2: a new title, a line added to the text, a change note.
    await page.getByTestId('article-title').fill('Limiet van de bankkaart tijdelijk of blijvend wijzigen');
    const body = await page.getByTestId('article-body').inputValue();
    await page.getByTestId('article-body').fill(`${body}\nEen blijvende verhoging vraagt de klant aan via Berichten in de app.`);
    await page.getByTestId('article-change-note').fill('Blijvende verhoging toegevoegd');
    await page.getByTestId('article-save').click();
    await expectText(page, 'article-status', /Opgeslagen/);
    await expectText(page, 'article-version', /2/);

    // The history: newest first, with who saved it and the note; version 1 is from the seed (author unknown).
    await expect.poll(() => history.getByTestId('history-item').count(), { timeout: 10_000 }).toBe(2);
    const v2 = history.locator('[data-testid="history-item"][data-version="2"]');
    expect(await v2.getByTestId('history-author').textContent()).toBe('Ines Claes');
    expect(await v2.getByTestId('history-note').textContent()).toContain('Blijvende verhoging toegevoegd');
    expect(await v2.getAttribute('aria-current')).toBe('true');
    const v1 = history.locator('[data-testid="history-item"][data-version="1"]');
    expect(await v1.getByTestId('history-author').textContent()).toMatch(/onbekend/);

    // Version 1 as it was saved.
    await v1.getByTestId('history-view').click();
    await expectText(page, 'history-version-title', new RegExp(`^${OLD_TITLE}$`));
    expect(await seriousViolations(page)).toEqual([]);

    // The diff against the current version: the title replaced, one line added to the text; signs and words, not colour alone.
    await v1.getByTestId('history-compare').click();
    const diff = page.getByTestId('history-diff');
    await diff.waitFor();
    expect(await diff.getAttribute('data-from')).toBe('1');
    expect(await diff.getAttribute('data-to')).toBe('2');
    expect(await diff.getByTestId('diff-field').evaluateAll((els) => els.map((e) => e.getAttribute('data-field')))).toEqual(['title', 'body']);
    const title = diff.locator('[data-testid="diff-field"][data-field="title"]');
    expect(await title.locator('[data-op="removed"] del').textContent()).toBe(OLD_TITLE);
    expect(await title.locator('[data-op="added"] ins').textContent()).toBe('Limiet van de bankkaart tijdelijk of blijvend wijzigen');
    const added = diff.locator('[data-testid="diff-field"][data-field="body"] [data-op="added"]');
    expect(await added.count()).toBe(1);
    expect(await added.textContent()).toMatch(/^\+toegevoegd: Een blijvende verhoging/);
    expect(await seriousViolations(page)).toEqual([]);
    await diff.scrollIntoViewIfNeeded();
    await screenshot(page, 'content-article-history');

    // Restore version 1 after a confirmation: version 3 has version 1's content; the editor shows it.
    await v1.getByTestId('history-restore').click();
    const confirm = page.getByTestId('history-confirm');
    await expect.poll(() => confirm.textContent()).toMatch(/nieuwe versie 3/);
    expect(await seriousViolations(page)).toEqual([]);
    await confirm.getByTestId('history-restore-note').fill('Blijvende verhoging nog niet beschikbaar');
    await confirm.getByTestId('history-confirm-restore').click();
    await expectText(page, 'article-version', /3/);
    await expectText(page, 'article-status', /Versie 1 is hersteld als versie 3/);
    expect(await page.getByTestId('article-title').inputValue()).toBe(OLD_TITLE);
    await expect.poll(() => history.getByTestId('history-item').count(), { timeout: 10_000 }).toBe(3);
    const v3 = history.locator('[data-testid="history-item"][data-version="3"]');
    expect(await v3.getByTestId('history-note').textContent()).toMatch(/Blijvende verhoging nog niet beschikbaar.*hersteld uit versie 1/);
    const { deps } = server.running.app;
    const stored = deps.knowledge.get(deps.directory.line('ln_bankzuid').tenantId, ARTICLE);
    expect([stored?.version, stored?.title, stored?.body]).toEqual([3, OLD_TITLE, body]);
    expect(await seriousViolations(page)).toEqual([]);
    expect(session.problems).toEqual([]);
  }, 120_000);

  it('shows the agent a summary of the conversation and lets him ask the helpdesk bot', async () => {
    const thomas = await session.page();
    await loginAs(thomas, server.url, 'thomas@contactpunt.example', '/desktop', 'desktop');
    await thomas.getByTestId('status-available').click();
    await expect.poll(() => thomas.getByTestId('status-switch').getAttribute('data-status'), { timeout: 10_000 }).toBe('available');

    const customer = await WidgetClient.start(server.url, 'ln_bankzuid', { language: 'nl', visitorId: 'visitor-e2e-content-02' });
    const socket = await customer.socket();
    await socket.event('message.created');
    await socket.request({ t: 'message.send', conversationId: customer.conversationId, text: 'Mijn bankkaart is vanochtend gestolen in de trein.' });
    await socket.request({ t: 'message.send', conversationId: customer.conversationId, text: 'ik wil een medewerker spreken' });
    // The first test's handed-over customer may be offered too: take this one.
    const offer = thomas.locator(`[data-testid="offer"][data-conversation-id="${customer.conversationId}"]`);
    await offer.waitFor({ timeout: 15_000 });
    await offer.getByTestId('offer-accept').click();
    await thomas.locator(`[data-testid="conversation-view"][data-conversation-id="${customer.conversationId}"]`).waitFor();

    // The summary opens under the header: the customer's question, extractive (no provider configured).
    await thomas.getByTestId('conversation-summary').locator('summary').click();
    await expectText(thomas, 'summary-question', /bankkaart is vanochtend gestolen/);
    await expectText(thomas, 'summary-outcome', /nieuwe kaart komt binnen vijf werkdagen/);
    // Neither the greeting nor the request for a person is part of the case.
    expect(await thomas.getByTestId('conversation-summary').textContent()).not.toMatch(/medewerker spreken|digitale assistent/);

    // The helpdesk tab of the assist panel names the best article with its confidence.
    const panel = thomas.getByTestId('assist-panel');
    await panel.getByTestId('helpdesk-tab-ask').click();
    await panel.getByTestId('helpdesk-question').fill('klant gaf pincode door aan iemand die belde namens de bank');
    await panel.getByTestId('helpdesk-submit').click();
    const answer = panel.getByTestId('helpdesk-answer');
    await answer.waitFor({ timeout: 10_000 });
    expect(await answer.getAttribute('data-article-id')).toBe('kb_fraude_signalen_nl');
    await panel.getByTestId('helpdesk-question').fill('vraag over verzekering of kaart');
    await panel.getByTestId('helpdesk-submit').click();
    await panel.getByTestId('helpdesk-not-sure').waitFor({ timeout: 10_000 });
    expect(await panel.getByTestId('helpdesk-result').count()).toBeGreaterThan(0);
    await screenshot(thomas, 'desktop-summary-helpdesk');
    expect(await seriousViolations(thomas)).toEqual([]);
    await socket.close();
    expect(session.problems).toEqual([]);
  }, 120_000);
});
