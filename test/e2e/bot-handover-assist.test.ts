import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestServer } from '../support/test-server.js';
import { seriousViolations } from './support/browser.js';
import { expectText, loginAs } from './support/pages.js';
import { startBrowserSession, type BrowserSession } from './support/session.js';

/**
 * The customer bot hands over to an agent who gets help: a customer on the demo page asks the
 * Bank Zuid bot how to block a card (answered), then asks for a person; Thomas accepts, reads the
 * bot part of the transcript, and the assist panel suggests the card-blocking article and walks
 * him through its guided procedure; the knowledge base search finds articles with facet chips.
 */
describe('bot handover and the assist panel in Chromium', () => {
  let session: BrowserSession;
  let server: TestServer;
  let customer: Page;
  let thomas: Page;

  beforeAll(async () => {
    session = await startBrowserSession({ env: { DEMO_CUSTOMER_BOT: 'true' } });
    server = session.server;
    customer = await session.page();
    thomas = await session.page();
  }, 120_000);

  afterAll(async () => {
    await session?.close();
  });

  it('answers in the bot, hands over to Thomas with the transcript, and suggests the card-blocking procedure', async () => {
    await loginAs(thomas, server.url, 'thomas@contactpunt.example', '/desktop');
    await thomas.getByTestId('status-available').click();
    await expect.poll(() => thomas.getByTestId('status-switch').getAttribute('data-status')).toBe('available');

    // The customer talks to the bot on the demo site: the card question gets an answer, no agent yet.
    await customer.goto(`${server.url}/demo`);
    await customer.getByTestId('launcher').click();
    await customer.getByTestId('language-select').selectOption('nl');
    await customer.getByTestId('start-button').click();
    await expectText(customer, 'message', /digitale assistent van Bank Zuid/);
    await customer.getByTestId('composer-input').fill('Hoe blokkeer ik mijn kaart?');
    await customer.getByTestId('send-button').click();
    await expectText(customer, 'message', /Blokkeer je kaart meteen/);
    expect(await thomas.getByTestId('offer').count()).toBe(0);

    // Asking for a person hands over: Thomas gets the offer and accepts.
    await customer.getByTestId('composer-input').fill('ik wil een medewerker spreken');
    await customer.getByTestId('send-button').click();
    await expectText(customer, 'message', /Ik verbind je door met een medewerker/);
    await thomas.getByTestId('offer').waitFor({ timeout: 15_000 });
    await thomas.getByTestId('offer-accept').click();
    await thomas.getByTestId('conversation-view').waitFor();

    // The bot part of the conversation is in the transcript.
    const botMessages = thomas.locator('[data-testid="message"][data-from="bot"]');
    await botMessages.filter({ hasText: 'Blokkeer je kaart meteen' }).waitFor({ timeout: 10_000 });
    await thomas.locator('[data-testid="message"][data-from="customer"]').filter({ hasText: 'Hoe blokkeer ik mijn kaart?' }).waitFor();
    expect(await botMessages.count()).toBeGreaterThanOrEqual(2);

    // The assist panel follows the bot's recognised intent: the card-blocking article and its procedure.
    const panel = thomas.getByTestId('assist-panel');
    await panel.getByTestId('assist-intents').filter({ hasText: 'kaart_blokkeren' }).waitFor({ timeout: 10_000 });
    expect(await panel.getByTestId('assist-article').first().getAttribute('data-article-id')).toBe('kb_kaart_blokkeren_nl');
    expect(await panel.getByTestId('assist-warning').count()).toBe(0);
    const procedure = panel.getByTestId('assist-procedure');
    await procedure.waitFor();
    const steps = procedure.getByTestId('procedure-step');
    expect(await steps.count()).toBe(4);
    expect(await steps.nth(0).getAttribute('aria-current')).toBe('step');
    await procedure.getByTestId('procedure-next').click();
    await procedure.getByTestId('procedure-next').click();
    expect(await steps.nth(2).getAttribute('aria-current')).toBe('step');
    expect(await steps.nth(0).getAttribute('aria-current')).toBeNull();
    await expectText(thomas, 'procedure-warning', /Vraag nooit naar de Zuid-code/);
    await procedure.getByTestId('procedure-previous').click();
    expect(await steps.nth(1).getAttribute('aria-current')).toBe('step');

    // The article opens as plain text.
    await panel.getByTestId('assist-article').first().click();
    await expectText(thomas, 'article-body', /kaartstop van Bank Zuid/);
    expect(await panel.getByTestId('article-reader').locator('img, script, a').count()).toBe(0);

    // A new customer message about a fake bank call raises a warning at the top of the panel.
    await customer.getByTestId('composer-input').fill('Iemand belde namens de bank en ik heb mijn code gegeven');
    await customer.getByTestId('send-button').click();
    const warning = panel.locator('[data-testid="assist-warning"][data-signal="code_shared"]');
    await warning.waitFor({ timeout: 10_000 });
    expect(await panel.getByRole('alert').getByTestId('assist-warning').count()).toBeGreaterThanOrEqual(2);

    // The knowledge base search: a typo still finds the article; facet chips filter by topic.
    await panel.getByTestId('kb-search-input').fill('ziekenhuis opnme');
    await panel.locator('[data-testid="kb-result"][data-article-id="kb_ziekenhuisopname_nl"]').waitFor({ timeout: 10_000 });
    await panel.getByTestId('kb-search-input').fill('');
    await panel.locator('[data-testid="kb-facet"][data-facet-id="kaart"]').click();
    await expect.poll(() => panel.locator('[data-testid="kb-facet"][data-facet-id="kaart"]').getAttribute('aria-pressed')).toBe('true');
    await panel.locator('[data-testid="kb-result"][data-article-id="kb_fraude_signalen_nl"]').waitFor({ timeout: 10_000 });
    await panel.locator('[data-testid="kb-facet"][data-facet-id="blokkeren"]').click();
    await expect.poll(() => panel.getByTestId('kb-result').count(), { timeout: 10_000 }).toBe(1);

    expect(await seriousViolations(thomas)).toEqual([]);
    expect(await seriousViolations(thomas, '[data-testid="assist-panel"]')).toEqual([]);
    expect(session.problems).toEqual([]);
  }, 180_000);
});
