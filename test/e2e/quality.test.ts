import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Route } from 'playwright-core';
import { WidgetClient } from '../support/api-client.js';
import type { TestServer } from '../support/test-server.js';
import { screenshot, seriousViolations } from './support/browser.js';
import { expectText, loginAs } from './support/pages.js';
import { startBrowserSession, type BrowserSession } from './support/session.js';

/**
 * Quality in Chromium: a customer answers the survey after a chat; the wallboard's NPS and the
 * agent's compliment feed change without a reload while their own HTTP reads are held back (so
 * only the WebSocket can have brought the news); the report screen shows the answer with its
 * counts and offers the CSV; the per-line switch turns per-agent handle times into "—".
 */
describe('survey to wallboard, compliment feed and report in Chromium', () => {
  let session: BrowserSession;
  let server: TestServer;
  let customer: Page;
  let thomas: Page;
  let marleen: Page;
  let directie: Page;

  beforeAll(async () => {
    session = await startBrowserSession();
    server = session.server;
    customer = await session.page();
    thomas = await session.page();
    directie = await session.page();
    marleen = await session.page({ viewport: { width: 1920, height: 1080 } });
  }, 120_000);

  afterAll(async () => {
    await session?.close();
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
    expect(session.problems).toEqual([]);
  }, 180_000);

  it('works the complaints follow-up, the ideas board, awards, gestures and the staffing screen', async () => {
    // A conversation Thomas closes as a complaint lands on the follow-up list.
    const complainer = await WidgetClient.start(server.url, 'ln_bankzuid', { language: 'nl', visitorId: 'visitor-e2e-complaint' });
    await thomas.getByTestId('offer').waitFor({ timeout: 15_000 });
    await thomas.getByTestId('offer-accept').click();
    await thomas.locator(`[data-testid="conversation-view"]`).waitFor();
    await thomas.getByTestId('wrapup-select').selectOption('klacht');
    await thomas.getByTestId('close-conversation').click();
    await expect.poll(async () => (await complainer.request('GET', '/survey')).body).toMatchObject({ open: true });

    await marleen.setViewportSize({ width: 1366, height: 768 });
    await marleen.goto(`${server.url}/quality?tab=followUp`);
    const item = marleen.getByTestId('follow-up-item').first();
    await item.waitFor();
    expect(await item.getByTestId('follow-up-contact').textContent()).toBe('visitor-e2e-complaint');
    await item.getByTestId('follow-up-pick-up').click();
    await marleen.locator('[data-testid="follow-up-item"][data-status="in_progress"]').waitFor();
    await marleen.getByTestId('follow-up-outcome').fill('Teruggebeld, excuses aangeboden');
    await marleen.getByTestId('follow-up-finish').click();
    await marleen.getByTestId('follow-up-empty').waitFor();
    expect(await seriousViolations(marleen)).toEqual([]);

    // Thomas proposes an idea; Marleen supports it and plans it with a reply.
    await thomas.goto(`${server.url}/quality`);
    await thomas.getByTestId('idea-title').fill('Sneltoets voor de wrap-up');
    await thomas.getByTestId('idea-body').fill('Alt+W opent de wrap-up.');
    await thomas.getByTestId('idea-submit').click();
    await thomas.getByTestId('idea-item').first().waitFor();
    expect(await thomas.getByTestId('idea-support').count()).toBe(0);
    await marleen.getByTestId('quality-tab-ideas').click();
    const idea = marleen.getByTestId('idea-item').filter({ hasText: 'Sneltoets voor de wrap-up' });
    await idea.getByTestId('idea-support').click();
    await expect.poll(() => idea.getByTestId('idea-votes').getAttribute('data-count')).toBe('1');
    expect(await idea.getByTestId('idea-support').getAttribute('aria-pressed')).toBe('true');
    await idea.getByTestId('idea-move-status').selectOption('planned');
    await idea.getByTestId('idea-move-reply').fill('Komt in de release van maart');
    await idea.getByTestId('idea-move-save').click();
    await marleen.locator('[data-testid="idea-item"][data-status="planned"]').getByTestId('idea-reply').waitFor();
    await screenshot(marleen, 'quality-ideas');
    expect(await seriousViolations(marleen)).toEqual([]);

    // An award: the executive opens it and nominates Thomas; Marleen votes; the executive closes it.
    await directie.goto(`${server.url}/quality?tab=recognition`);
    await directie.getByTestId('award-title').fill('Klantgerichte adviseur van het jaar');
    await directie.getByTestId('award-create').click();
    const award = directie.getByTestId('award-item').first();
    await award.getByTestId('award-nominee-select').selectOption('us_thomas');
    await award.getByTestId('award-reason').fill('Blijft altijd rustig en vriendelijk');
    await award.getByTestId('award-nominate').click();
    await award.locator('[data-testid="award-nominee"][data-nominee-id="us_thomas"]').waitFor();
    await marleen.goto(`${server.url}/quality?tab=recognition`);
    await marleen.getByTestId('award-vote').first().click();
    await marleen.getByTestId('award-my-vote').waitFor();
    expect(await seriousViolations(marleen)).toEqual([]);
    await directie.reload();
    await directie.getByTestId('award-close').first().click();
    await expectText(directie, 'award-result', /Thomas Janssens: 1/);

    // A gesture: Thomas asks, Marleen sets the budget, approves and records the flowers as sent.
    await thomas.goto(`${server.url}/quality?tab=gestures`);
    await thomas.getByTestId('gesture-amount').fill('25');
    await thomas.getByTestId('gesture-reason').fill('Bloemen voor mevrouw na een moeilijk gesprek');
    await thomas.getByTestId('gesture-submit').click();
    await thomas.locator('[data-testid="gesture-item"][data-status="requested"]').waitFor();
    await marleen.goto(`${server.url}/quality?tab=gestures`);
    await marleen.getByTestId('budget-amount').fill('40');
    await marleen.getByTestId('budget-save').click();
    await marleen.locator('[data-testid="gesture-budget"][data-team="Team A"][data-left-cents="4000"]').waitFor();
    await marleen.getByTestId('gesture-approve').click();
    await marleen.locator('[data-testid="gesture-budget"][data-left-cents="1500"]').waitFor();
    await marleen.getByTestId('gesture-sent').click();
    await marleen.locator('[data-testid="gesture-item"][data-status="sent"]').waitFor();
    expect(await seriousViolations(marleen)).toEqual([]);

    // The staffing screen for tomorrow.
    await directie.getByTestId('nav-staffing').click();
    await directie.getByTestId('staffing').waitFor();
    await directie.getByTestId('staffing-line').selectOption('ln_bankzuid');
    await directie.getByTestId('staffing-show').click();
    await directie.getByTestId('staffing-assumptions').waitFor();
    expect(await directie.getByTestId('staffing-assumptions').textContent()).toMatch(/doel 80% binnen 20 s/);
    expect(await seriousViolations(directie)).toEqual([]);
    // The header and pages fit 1366 px without sideways scrolling.
    for (const page of [marleen, directie, thomas]) expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(session.problems).toEqual([]);
  }, 180_000);
});
