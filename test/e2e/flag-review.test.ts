import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { WidgetClient } from '../support/api-client.js';
import type { FrameSocket } from '../support/frame-socket.js';
import type { TestServer } from '../support/test-server.js';
import { seriousViolations } from './support/browser.js';
import { expectText, loginAs } from './support/pages.js';
import { startBrowserSession, type BrowserSession } from './support/session.js';

const BANK = 'ln_bankzuid';
const REASON = 'Klant dreigt langs te komen en noemt mijn naam';

/**
 * Agent protection in Chromium: a customer (over the widget API) swears, the agent sees the
 * warning live, warns once more by hand, flags the conversation and ends it, then blocks the
 * contact; Karim of Security / Special Care finds the incident on /review and works it.
 */
describe('flag for review and the incident list in Chromium', () => {
  let session: BrowserSession;
  let server: TestServer;
  let thomas: Page;
  let karim: Page;
  let customer: WidgetClient;
  let customerSocket: FrameSocket;

  beforeAll(async () => {
    session = await startBrowserSession();
    server = session.server;
    thomas = await session.page();
    karim = await session.page();
  }, 120_000);

  afterAll(async () => {
    await customerSocket?.close();
    await session?.close();
  });

  it('lets the agent flag and end a conversation, and Special Care find the incident', async () => {
    await loginAs(thomas, server.url, 'thomas@contactpunt.example', '/desktop');
    await thomas.getByTestId('status-available').click();
    await expect.poll(() => thomas.getByTestId('status-switch').getAttribute('data-status')).toBe('available');

    // A customer starts a chat over the widget API and Thomas accepts it in the desktop.
    customer = await WidgetClient.start(server.url, BANK, { language: 'nl', visitorId: 'visitor-e2e-flag-0001' });
    customerSocket = await customer.socket();
    await thomas.getByTestId('offer').waitFor({ timeout: 15_000 });
    await thomas.getByTestId('offer-accept').click();
    const view = thomas.locator(`[data-testid="conversation-view"][data-conversation-id="${customer.conversationId}"]`);
    await view.waitFor();

    // The customer swears: the policy's warning shows up live as its own system line.
    await customerSocket.request({ t: 'message.send', conversationId: customer.conversationId, text: 'Wat een klootzak ben jij' });
    await thomas.locator('[data-testid="system-event"][data-type="safety.warning"]').first().waitFor({ timeout: 10_000 });

    // The flag dialog opens with Alt+F and lists the shortcut; a manual warning goes through.
    await thomas.getByTestId('shortcuts-open').click();
    await expectText(thomas, 'shortcuts-help', 'Alt+F');
    await thomas.getByTestId('shortcuts-close').click();
    await thomas.getByTestId('composer-input').focus();
    await thomas.keyboard.press('Alt+KeyF');
    await thomas.getByTestId('flag-dialog').waitFor();
    await thomas.getByTestId('safety-kind-warn').check();
    await thomas.getByTestId('safety-reason').fill('Blijft schelden');
    await thomas.getByTestId('safety-submit').click();
    await thomas.getByTestId('safety-success').waitFor();
    await expect.poll(() => thomas.locator('[data-testid="system-event"][data-type="safety.warning"]').count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);

    // Flag with a reason and end the conversation.
    await thomas.getByTestId('flag-reason').fill(REASON);
    await thomas.getByTestId('flag-end').check();
    await thomas.getByTestId('flag-submit').click();
    await thomas.getByTestId('flag-success').waitFor();
    await thomas.locator('[data-testid="system-event"][data-type="incident.opened"]').waitFor({ timeout: 10_000 });
    await thomas.locator('[data-testid="system-event"][data-type="conversation.closed"]').waitFor({ timeout: 10_000 });
    await customerSocket.event('conversation.closed', () => true, 10_000);
    expect(await seriousViolations(thomas, '[data-testid="flag-dialog"]')).toEqual([]);

    // After the end only a block is left; it is recorded live as well.
    await expect.poll(() => thomas.getByTestId('safety-kind-warn').isDisabled()).toBe(true);
    expect(await thomas.getByTestId('safety-kind-block').isChecked()).toBe(true);
    // Beyond the policy's maximum the server refuses, and the dialog says why.
    await thomas.getByTestId('safety-hours').fill('100000');
    await thomas.getByTestId('safety-reason').fill('Bedreiging, blokkeren');
    await thomas.getByTestId('safety-submit').click();
    await expectText(thomas, 'safety-error', 'SAFETY_ACTION_INVALID');
    await thomas.getByTestId('safety-hours').fill('12');
    await thomas.getByTestId('safety-submit').click();
    await thomas.getByTestId('safety-success').waitFor();
    await thomas.locator('[data-testid="system-event"][data-type="contact.blocked"]').waitFor({ timeout: 10_000 });
    await thomas.getByTestId('flag-cancel').click();
    await expect.poll(() => thomas.getByTestId('flag-dialog').count()).toBe(0);
    // Already closed on the server: closing only takes it off the desktop.
    await thomas.getByTestId('close-conversation').click();
    await thomas.getByTestId('no-conversation').waitFor();
    expect(session.problems).toEqual([]);

    // Karim (security + special care) opens the review list from the header and filters on Special Care.
    await loginAs(karim, server.url, 'karim@contactpunt.example', '/desktop');
    await karim.getByTestId('nav-review').click();
    await karim.getByTestId('review').waitFor();
    await karim.getByTestId('review-filter-team').selectOption('special_care');
    const row = karim.getByTestId('incident-row').filter({ hasText: REASON });
    await row.waitFor({ timeout: 10_000 });
    expect(await row.getAttribute('data-status')).toBe('in_review');
    expect(await row.getAttribute('data-kind')).toBeTruthy();

    // Karim works it: police report made, closed.
    await row.getByRole('button').click();
    const detail = karim.getByTestId('incident-detail');
    await detail.waitFor();
    await karim.getByTestId('incident-followup-policeReport').check();
    await karim.getByTestId('incident-status-select').selectOption('closed');
    await karim.getByTestId('incident-save').click();
    await karim.getByTestId('incident-saved').waitFor();
    await expect.poll(() => row.getAttribute('data-status')).toBe('closed');
    const year = new Date().getFullYear();
    expect(await karim.getByTestId('incident-export').getAttribute('href')).toBe(`/api/incidents/export.csv?year=${year}`);

    expect(await seriousViolations(karim)).toEqual([]);
    expect(session.problems).toEqual([]);
  }, 180_000);
});
