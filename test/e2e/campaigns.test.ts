import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestServer } from '../support/test-server.js';
import { screenshot, seriousViolations } from './support/browser.js';
import { loginAs } from './support/pages.js';
import { startBrowserSession, type BrowserSession } from './support/session.js';

/** Marleen sets up a campaign from a CSV (a broken row is named first), starts it and calls the first contact (an outbound voice conversation). */
describe('outbound campaigns in Chromium', () => {
  let session: BrowserSession;
  let server: TestServer;
  let page: Page;

  beforeAll(async () => {
    session = await startBrowserSession();
    server = session.server;
    page = await session.page();
  }, 120_000);

  afterAll(async () => {
    await session?.close();
  });

  it('imports a list, names a broken row, and works the first contact by preview', async () => {
    await loginAs(page, server.url, 'marleen@contactpunt.example', '/campaigns', 'campaigns');

    await page.getByTestId('campaign-name').fill('Kaartvernieuwing');
    await page.getByTestId('campaign-line').selectOption('ln_bankzuid');
    await page.getByTestId('campaign-create').click();
    await expect.poll(() => page.getByTestId('campaign-status').textContent()).toBe('ontwerp');

    await page.getByTestId('campaign-csv').fill('naam;telefoon\nAn Peeters;0470 12 34 56\nBert Claes;0470 12');
    await page.getByTestId('campaign-import').click();
    await page.getByTestId('campaign-problems').waitFor();
    expect(await page.getByTestId('campaign-problems').textContent()).toContain('"0470 12" has 5 digits after +32');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByTestId('campaign-csv').fill('naam;telefoon\nAn Peeters;0470 12 34 56\nBert Claes;0470 65 43 21');
    await page.getByTestId('campaign-import').click();
    await expect.poll(() => page.getByTestId('campaign-report').textContent()).toContain('2 contacten geïmporteerd');
    await page.getByTestId('campaign-start').click();
    await expect.poll(() => page.getByTestId('campaign-status').textContent()).toBe('loopt');

    await page.getByTestId('campaign-next').click();
    await page.getByTestId('campaign-contact').waitFor();
    expect(await page.getByTestId('campaign-phone').textContent()).toBe('+32470123456');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'campaign-preview');
    // Calling makes the outbound voice conversation; it can no longer be skipped, only given a result.
    await page.getByTestId('campaign-dial').click();
    await page.getByTestId('campaign-calling').waitFor();
    expect(await page.getByTestId('campaign-skip').count()).toBe(0);
    const mine = await page.evaluate(async () => (await (await fetch('/api/agent/conversations')).json()) as { conversations: Array<{ channel: string; state: string; context: { direction?: string } }> });
    expect(mine.conversations).toEqual([expect.objectContaining({ channel: 'voice', state: 'active', context: expect.objectContaining({ direction: 'outbound' }) })]);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'campaign-calling');
    // The call is on Marleen's desktop as a conversation, its journal naming the campaign.
    const desktop = await session.page();
    await loginAs(desktop, server.url, 'marleen@contactpunt.example', '/desktop');
    await desktop.getByTestId('conversation-item').first().click();
    await expect.poll(() => desktop.locator('[data-testid="system-event"][data-type="campaign.dialled"]').textContent(), { timeout: 8000 }).toContain('Uitgaande oproep voor campagne Kaartvernieuwing (poging 1)');
    // The registration offers no line wrap-up code for a campaign call: the result is its code.
    await expect.poll(() => desktop.getByTestId('registration-campaign-wrap-up').textContent()).toContain('Campagneoproep');
    expect(await desktop.getByTestId('wrapup-select').count()).toBe(0);
    // Closing the call from the desktop before its result: refused, in Dutch, pointing to the campaign screen.
    await desktop.getByTestId('close-conversation').click();
    await expect.poll(() => desktop.getByTestId('error-notice').allTextContents(), { timeout: 8000 }).toContainEqual(expect.stringContaining('registreer het resultaat van de oproep op het campagnescherm'));
    expect(await desktop.getByTestId('conversation-item').count()).toBe(1);
    expect(await seriousViolations(desktop)).toEqual([]);
    await desktop.close();
    await page.getByTestId('campaign-result-reached').click();
    // No polling any more: the figures arrive as a campaign.progress frame on the WebSocket.
    await expect.poll(() => page.getByTestId('campaign-progress').textContent(), { timeout: 8000 }).toContain('50% klaar: 1 van 2 contacten, 1 oproepen');
    // The report names the result as a campaign result, apart from the line's wrap-up codes.
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('reports').waitFor();
    await page.getByTestId('report-line').selectOption('ln_bankzuid');
    await page.getByTestId('report-show').click();
    await page.locator('[data-testid="report-body"][data-line-id="ln_bankzuid"]').waitFor();
    await expect.poll(() => page.getByTestId('report-wrap-ups').textContent()).toContain('Campagne: Bereikt');
    await page.getByTestId('report-wrap-ups').scrollIntoViewIfNeeded();
    await screenshot(page, 'report-campaign-wrap-ups');
    expect(await seriousViolations(page)).toEqual([]);
    expect(session.problems).toEqual([]);
  });
});
