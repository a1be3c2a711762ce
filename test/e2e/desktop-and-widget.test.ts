import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestServer } from '../support/test-server.js';
import { screenshot, seriousViolations } from './support/browser.js';
import { expectText, loginAs, watchedPage } from './support/pages.js';
import { startBrowserSession, type BrowserSession } from './support/session.js';

const XSS = '<img src=x onerror=alert(1)>';

/**
 * The whole chat in real Chromium: a customer in the widget on the demo host page, an agent
 * in the desktop, a colleague who takes the transfer and closes, a supervisor watching live.
 */
describe('agent desktop and chat widget in Chromium', () => {
  let session: BrowserSession;
  let server: TestServer;
  let customer: Page;
  let thomas: Page;
  let marleen: Page;
  let supervisor: Page;

  beforeAll(async () => {
    session = await startBrowserSession();
    server = session.server;
    customer = await session.page();
    thomas = await session.page();
    marleen = await session.page();
    // A second tab of Marleen's (same context, same session cookie).
    supervisor = await watchedPage(marleen.context(), session.problems);
  }, 120_000);

  afterAll(async () => {
    await session?.close();
  });

  it('carries a chat from the widget to the desktop and back, with registration, transfer and close', async () => {
    // The supervisor watches; Thomas logs in but is still offline.
    await loginAs(supervisor, server.url, 'marleen@contactpunt.example', '/supervisor');
    await loginAs(thomas, server.url, 'thomas@contactpunt.example', '/desktop');
    const bankQueue = supervisor.locator('[data-testid="supervisor-queue-row"][data-queue-id="qu_bank"]');
    await expect.poll(() => bankQueue.getByTestId('queue-waiting').textContent()).toBe('0');

    // A customer on the demo website opens the widget and starts a chat.
    await customer.goto(`${server.url}/demo`);
    await customer.getByTestId('launcher').click();
    await customer.getByTestId('language-select').selectOption('nl');
    await customer.getByTestId('start-button').click();
    await customer.getByTestId('queue-status').waitFor();
    // Nobody available: the supervisor sees one waiting, live.
    await expect.poll(() => bankQueue.getByTestId('queue-waiting').textContent(), { timeout: 10_000 }).toBe('1');

    // Thomas goes available, gets the offer and accepts.
    await thomas.getByTestId('status-available').click();
    await thomas.getByTestId('offer').waitFor();
    await thomas.getByTestId('offer-accept').click();
    await thomas.getByTestId('conversation-view').waitFor();
    await expect.poll(() => bankQueue.getByTestId('queue-waiting').textContent(), { timeout: 10_000 }).toBe('0');
    const thomasRow = supervisor.locator('[data-testid="supervisor-agent-row"][data-agent-id="us_thomas"]');
    await expect.poll(() => thomasRow.getByTestId('agent-load').textContent(), { timeout: 10_000 }).toMatch(/1\s*\/\s*3/);

    // The agent sees what the customer tried online first.
    await expectText(thomas, 'contact-self-service', /kaart blokkeren/i);

    // Messages both ways, including one that would run script if it were rendered as HTML.
    await customer.getByTestId('composer-input').fill('Hallo, mijn kaart is geblokkeerd');
    await customer.getByTestId('send-button').click();
    await expectText(thomas, 'message', 'Hallo, mijn kaart is geblokkeerd');
    await customer.getByTestId('composer-input').fill(XSS);
    await customer.getByTestId('send-button').click();
    await expectText(thomas, 'message', XSS);
    await thomas.getByTestId('composer-input').fill('Dag! Ik kijk het meteen na.');
    await thomas.getByTestId('composer-send').click();
    await expectText(customer, 'message', 'Dag! Ik kijk het meteen na.');
    await thomas.getByTestId('composer-input').fill(XSS);
    await thomas.getByTestId('composer-send').click();
    await customer.locator('[data-testid="message"][data-author="agent"]').filter({ hasText: XSS }).waitFor();
    expect(await thomas.getByTestId('transcript').locator('img').count()).toBe(0);
    expect(await customer.locator('[data-testid="message-list"] img').count()).toBe(0);

    // Registration during the conversation: topic, subtopic and phase.
    await thomas.getByTestId('topic-select').selectOption('kaart');
    await thomas.getByTestId('subtopic-select').selectOption('blokkeren');
    await thomas.getByTestId('topic-add').click();
    await thomas.getByTestId('topic-chip').first().waitFor();
    await thomas.getByTestId('phase-step-explore').click();
    await expect.poll(() => thomas.getByTestId('phase-step-explore').getAttribute('aria-current')).toBe('step');

    // The customer's connection drops; the agent writes meanwhile; the widget shows what it missed.
    await customer.context().setOffline(true);
    await customer.locator('[data-testid="connection-status"][data-state="reconnecting"]').waitFor({ timeout: 60_000 });
    for (const text of ['Ben je er nog?', 'Je kaart is gedeblokkeerd.']) {
      await thomas.getByTestId('composer-input').fill(text);
      await thomas.getByTestId('composer-send').click();
      await expectText(thomas, 'message', text);
    }
    await customer.context().setOffline(false);
    await expectText(customer, 'message', 'Ben je er nog?', 30_000);
    await expectText(customer, 'message', 'Je kaart is gedeblokkeerd.', 30_000);

    await screenshot(thomas, 'desktop');
    await screenshot(customer, 'widget');
    await screenshot(supervisor, 'supervisor');

    // Transfer to a colleague with an internal note; she closes with a wrap-up code.
    await loginAs(marleen, server.url, 'marleen@contactpunt.example', '/desktop');
    await marleen.getByTestId('status-available').click();
    await thomas.getByTestId('transfer-open').click();
    await thomas.getByTestId('transfer-kind-agent').check();
    await thomas.getByTestId('transfer-agent').selectOption('us_marleen');
    await thomas.getByTestId('transfer-note').fill('Klant wil ook de limiet verhogen');
    await thomas.getByTestId('transfer-submit').click();
    await marleen.getByTestId('offer').waitFor();
    await marleen.getByTestId('offer-accept').click();
    await expectText(marleen, 'note', 'Klant wil ook de limiet verhogen');
    await expectText(marleen, 'message', 'Hallo, mijn kaart is geblokkeerd');
    await marleen.getByTestId('wrapup-select').selectOption('opgelost');
    await marleen.getByTestId('close-conversation').click();
    await customer.getByTestId('ended').waitFor({ timeout: 10_000 });
    expect(await customer.locator('[data-testid="message-list"]').textContent()).not.toContain('limiet verhogen');

    // The survey after the close; praise with NPS 10 becomes a compliment in Marleen's feed.
    await customer.getByTestId('survey').waitFor({ timeout: 10_000 });
    expect(await seriousViolations(customer, '[data-testid="widget-host"]')).toEqual([]);
    await customer.getByTestId('survey-nps-10').click();
    expect(await customer.getByTestId('survey-nps-10').getAttribute('aria-checked')).toBe('true');
    await customer.getByTestId('survey-helpfulness-9').click();
    await customer.getByTestId('survey-comment').fill('Super geholpen, bedankt!');
    await customer.getByTestId('survey-submit').click();
    await customer.getByTestId('survey-thanks').waitFor({ timeout: 10_000 });
    await marleen.reload();
    await expectText(marleen, 'compliment-item', 'Super geholpen, bedankt!', 15_000);
    await marleen.getByTestId('compliment-share').check();
    expect(session.problems).toEqual([]);
  }, 180_000);

  it('has no serious accessibility violations in the widget, the desktop, the supervisor view and the login page', async () => {
    const report: Record<string, unknown> = {
      widget: await seriousViolations(customer, '[data-testid="widget-host"]'),
      desktop: await seriousViolations(thomas),
      supervisor: await seriousViolations(supervisor),
    };
    const anonymous = await session.page();
    await anonymous.goto(`${server.url}/`);
    await anonymous.getByTestId('login-form').waitFor();
    report.login = await seriousViolations(anonymous);
    expect(report).toEqual({ widget: [], desktop: [], supervisor: [], login: [] });
  }, 60_000);
});
