import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { StaffClient } from '../support/api-client.js';
import type { FrameSocket } from '../support/frame-socket.js';
import type { TestServer } from '../support/test-server.js';
import { screenshot, seriousViolations } from './support/browser.js';
import { loginAs } from './support/pages.js';
import { startBrowserSession, type BrowserSession } from './support/session.js';

/**
 * Thank-you day in Chromium: the executive calls Bank Zuid from the pop-up seat, keys through the IVR,
 * waits, and is connected to Thomas; then calls Thomas from the thank-you list and leaves a thank-you.
 */
describe('the pop-up seat in Chromium', () => {
  let session: BrowserSession;
  let server: TestServer;
  let page: Page;
  let thomas: StaffClient;
  let thomasSocket: FrameSocket;

  beforeAll(async () => {
    session = await startBrowserSession();
    server = session.server;
    page = await session.page();
    thomas = await StaffClient.login(server.url, 'thomas@contactpunt.example');
    thomasSocket = await thomas.socket();
  }, 120_000);

  afterAll(async () => {
    await thomasSocket?.close();
    await session?.close();
  });

  it('calls the own line through the IVR, then thanks an agent', async () => {
    await loginAs(page, server.url, 'directie@contactpunt.example', '/popup-seat', 'popup-seat');

    await page.getByTestId('popup-line').selectOption('ln_bankzuid');
    await page.getByTestId('popup-call-line').click();
    await expect.poll(() => page.getByTestId('popup-heard').textContent()).toContain('Welkom bij Bank Zuid.');
    await page.getByTestId('popup-key-1').click();
    await expect.poll(() => page.getByTestId('popup-heard').textContent()).toContain('Voor uw bankkaart, druk 1');
    await page.getByTestId('popup-key-2').click();
    await expect.poll(() => page.getByTestId('popup-line-status').textContent()).toContain('wachtrij');

    await thomasSocket.request({ t: 'status.set', status: 'available' });
    const offer = await thomasSocket.next((f) => f.t === 'offer', 10_000, 'offer');
    await thomasSocket.request({ t: 'offer.accept', conversationId: offer.conversationId });
    await expect.poll(() => page.getByTestId('popup-line-status').textContent(), { timeout: 8000 }).toBe('Verbonden met Thomas Janssens');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'popup-seat');

    await page.getByTestId('popup-hang-up').click();
    await expect.poll(() => page.getByTestId('popup-line-status').textContent()).toBe('Het gesprek is beëindigd.');
    expect((await thomas.request('POST', `/api/conversations/${offer.conversationId as string}/close`, { wrapUpCode: 'opgelost' })).status).toBe(200);

    // The thank-you round: Thomas is free again, the executive calls him directly.
    const thomasRow = page.locator(`[data-testid="thank-you-agent"][data-agent="${thomas.agentId}"]`);
    await expect.poll(() => thomasRow.getByTestId('thank-you-call').isEnabled(), { timeout: 8000 }).toBe(true);
    await thomasRow.getByTestId('thank-you-call').click();
    await expect.poll(() => page.getByTestId('thank-you-status').textContent()).toContain('gaat over');
    const thanks = await thomasSocket.next((f) => f.t === 'offer', 10_000, 'thank-you offer');
    await thomasSocket.request({ t: 'offer.accept', conversationId: thanks.conversationId });
    await expect.poll(() => page.getByTestId('thank-you-status').textContent(), { timeout: 8000 }).toBe('Thomas Janssens heeft opgenomen.');
    await page.getByTestId('thank-you-end').click();
    await page.getByTestId('thank-you-note').fill('Dank je wel voor dit jaar, Thomas.');
    await page.getByTestId('thank-you-send').click();
    await page.getByText('Verstuurd.').waitFor();
    const mine = await thomas.request<{ compliments: Array<{ text: string; source: string }> }>('GET', '/api/agent/compliments');
    expect(mine.body.compliments.find((c) => c.text === 'Dank je wel voor dit jaar, Thomas.')?.source).toBe('executive');
    expect(await seriousViolations(page)).toEqual([]);
    expect(session.problems).toEqual([]);
  });
});
