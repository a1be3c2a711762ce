import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { launchBrowser, screenshot, seriousViolations } from './support/browser.js';
import { assertFrontEndsBuilt, expectText, loginAs, newContext, watchedPage } from './support/pages.js';

/**
 * Quality in Chromium: a customer answers the survey after a chat; the wallboard's NPS and the
 * agent's compliment feed change without a reload while their own HTTP reads are held back (so
 * only the WebSocket can have brought the news); the report screen shows the answer with its
 * counts and offers the CSV; the per-line switch turns per-agent handle times into "—".
 */
describe('survey to wallboard, compliment feed and report in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];
  let customer: Page;
  let thomas: Page;
  let marleen: Page;
  let directie: Page;

  beforeAll(async () => {
    assertFrontEndsBuilt();
    server = await startTestServer('sqlite');
    browser = await launchBrowser();
    for (let i = 0; i < 3; i++) contexts.push(await newContext(browser));
    contexts.push(await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'nl-BE' }));
    customer = await watchedPage(contexts[0]!, problems);
    thomas = await watchedPage(contexts[1]!, problems);
    directie = await watchedPage(contexts[2]!, problems);
    marleen = await watchedPage(contexts[3]!, problems);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Holds every request to `pattern` until released: the page must learn the news another way. */
  async function holdRequests(page: Page, pattern: string): Promise<() => Promise<void>> {
    const held: Route[] = [];
    await page.route(pattern, (route) => {
      held.push(route);
    });
    return async () => {
      await page.unroute(pattern);
      for (const route of held) await route.continue().catch(() => undefined);
    };
  }

  it('pushes the survey to the wallboard and the compliment to the agent, and reports it', async () => {
    await loginAs(marleen, server.url, 'marleen@contactpunt.example', '/supervisor');
    await marleen.getByTestId('nav-wallboard').click();
    await marleen.getByTestId('wallboard-satisfaction').waitFor();
    expect(await marleen.getByTestId('wallboard-survey-responses').textContent()).toBe('0');
    expect(await marleen.getByTestId('wallboard-nps').getAttribute('data-value')).toBe('');

    await loginAs(thomas, server.url, 'thomas@contactpunt.example', '/desktop');
    await thomas.getByTestId('compliments-feed').waitFor();
    expect(await thomas.getByTestId('compliment-item').count()).toBe(0);
    await thomas.getByTestId('status-available').click();

    // A chat on the demo site; Thomas registers a topic and closes it.
    await customer.goto(`${server.url}/demo`);
    await customer.getByTestId('launcher').click();
    await customer.getByTestId('language-select').selectOption('nl');
    await customer.getByTestId('start-button').click();
    await thomas.getByTestId('offer').waitFor({ timeout: 15_000 });
    await thomas.getByTestId('offer-accept').click();
    await thomas.getByTestId('conversation-view').waitFor();
    await customer.getByTestId('composer-input').fill('Mijn kaart is gestolen');
    await customer.getByTestId('send-button').click();
    await expectText(thomas, 'message', 'Mijn kaart is gestolen');
    await thomas.getByTestId('topic-select').selectOption('kaart');
    await thomas.getByTestId('topic-add').click();
    await thomas.getByTestId('topic-chip').first().waitFor();
    await thomas.getByTestId('wrapup-select').selectOption('opgelost');
    await thomas.getByTestId('close-conversation').click();
    await customer.getByTestId('ended').waitFor({ timeout: 10_000 });

    // From here on, the wallboard's and the feed's own reads hang: only pushed frames can update them.
    const releaseWallboard = await holdRequests(marleen, '**/api/wallboard');
    const releaseFeed = await holdRequests(thomas, '**/api/agent/compliments');

    await customer.getByTestId('survey').waitFor({ timeout: 10_000 });
    await customer.getByTestId('survey-nps-10').click();
    await customer.getByTestId('survey-helpfulness-10').click();
    await customer.getByTestId('survey-comment').fill('Heel vriendelijk geholpen, dank je wel!');
    const submitted = Date.now();
    await customer.getByTestId('survey-submit').click();
    await customer.getByTestId('survey-thanks').waitFor({ timeout: 10_000 });

    await expect.poll(() => marleen.getByTestId('wallboard-survey-responses').textContent(), { timeout: 3000, interval: 50 }).toBe('1');
    expect(await marleen.getByTestId('wallboard-nps').getAttribute('data-value')).toBe('100');
    expect(await marleen.getByTestId('wallboard-helpfulness').textContent()).toContain('10.0');
    await expectText(thomas, 'compliment-item', 'Heel vriendelijk geholpen, dank je wel!', 3000);
    // Pushed, not polled: both arrived well inside the wallboard's 5 s poll and the feed's 30 s one.
    expect(Date.now() - submitted).toBeLessThan(4000);
    await releaseWallboard();
    await releaseFeed();

    await screenshot(marleen, 'wallboard-satisfaction');
    expect(await seriousViolations(marleen)).toEqual([]);

    // The executive opens the report: NPS with its counts, the topic share, per-agent handle time.
    await loginAs(directie, server.url, 'directie@contactpunt.example', '/desktop');
    await directie.getByTestId('nav-reports').click();
    await directie.getByTestId('reports').waitFor();
    await directie.getByTestId('report-line').selectOption('ln_bankzuid');
    await directie.getByTestId('report-show').click();
    await directie.locator('[data-testid="report-body"][data-line-id="ln_bankzuid"]').waitFor();
    await expect.poll(() => directie.getByTestId('report-nps').textContent()).toContain('100');
    expect(await directie.getByTestId('report-nps').textContent()).toContain('1 promotors, 0 neutraal, 0 criticasters (n = 1)');
    expect(await directie.getByTestId('report-helpfulness').textContent()).toContain('n = 1');
    expect(await directie.getByTestId('report-contacts').textContent()).toBe('1');
    expect(await directie.locator('[data-testid="report-topic"][data-topic-id="kaart"]').textContent()).toMatch(/100%/);
    const thomasRow = directie.locator('[data-testid="report-agent-row"][data-agent-id="us_thomas"]');
    expect(await thomasRow.getByTestId('report-agent-aht').textContent()).not.toBe('—');
    expect(await directie.locator('[data-testid="report-volume"] canvas').getAttribute('aria-label')).toContain('Volume per uur en kanaal');

    // The CSV has the same answer, quoted properly.
    const href = await directie.getByTestId('report-csv').getAttribute('href');
    expect(href).toContain('format=csv');
    const csv = await directie.request.get(`${server.url}${href}`);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain('survey,nps,100,1,1');

    await screenshot(directie, 'reports');
    expect(await seriousViolations(directie)).toEqual([]);

    // Kinderlijn hides handle time per agent: every agent row shows "—".
    await directie.getByTestId('report-line').selectOption('ln_kinderlijn');
    await directie.getByTestId('report-show').click();
    await directie.locator('[data-testid="report-body"][data-line-id="ln_kinderlijn"]').waitFor();
    const cells = await directie.getByTestId('report-agent-aht').allTextContents();
    expect(cells.length).toBeGreaterThan(0);
    expect(new Set(cells)).toEqual(new Set(['—']));
    expect(await seriousViolations(directie)).toEqual([]);
    expect(problems).toEqual([]);
  }, 180_000);
});
