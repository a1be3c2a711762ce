import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { StaffClient, WidgetClient } from '../support/api-client.js';
import type { FrameSocket } from '../support/frame-socket.js';
import type { TestServer } from '../support/test-server.js';
import { screenshot, seriousViolations } from './support/browser.js';
import { loginAs } from './support/pages.js';
import { startBrowserSession, type BrowserSession } from './support/session.js';

/**
 * The wallboard on a TV: Marleen opens it; a customer starts a chat on Bank Zuid while nobody is
 * available and the tile's waiting count goes to 1 within about a second, without a reload;
 * Thomas accepts and it goes back to 0; today's figures follow.
 */
describe('the wallboard in Chromium', () => {
  let session: BrowserSession;
  let server: TestServer;
  let marleen: Page;
  let thomasSocket: FrameSocket | undefined;

  beforeAll(async () => {
    session = await startBrowserSession();
    server = session.server;
    marleen = await session.page({ viewport: { width: 1920, height: 1080 } });
  }, 120_000);

  afterAll(async () => {
    await thomasSocket?.close();
    await session?.close();
  });

  it('shows a new waiting chat within about a second and clears it when an agent accepts', async () => {
    await loginAs(marleen, server.url, 'marleen@contactpunt.example', '/supervisor', 'supervisor');
    await marleen.getByTestId('nav-wallboard').click();
    await marleen.getByTestId('wallboard').waitFor();

    const tile = marleen.locator('[data-testid="wallboard-queue"][data-queue-id="qu_bank"]');
    await tile.waitFor();
    const waiting = tile.getByTestId('wallboard-waiting');
    expect(await waiting.textContent()).toBe('0');
    expect(await tile.getByTestId('wallboard-service-level').textContent()).toContain('–');
    await expect.poll(() => marleen.getByTestId('wallboard-updated').textContent()).toMatch(/bijgewerkt om \d\d:\d\d:\d\d/);

    // Nobody is available: the chat waits, and the tile shows it without a reload.
    const customer = await WidgetClient.start(server.url, 'ln_bankzuid', { language: 'nl', visitorId: 'visitor-wallboard-01' });
    const started = Date.now();
    await expect.poll(() => waiting.textContent(), { timeout: 3000, interval: 50 }).toBe('1');
    const took = Date.now() - started;
    // Supervisor figures are pushed once a second (250 ms ticks); allow for a slow machine.
    expect(took).toBeLessThan(2000);
    await screenshot(marleen, 'wallboard');

    // Thomas becomes available and accepts: the count goes back to 0; today's figures follow.
    const thomas = await StaffClient.login(server.url, 'thomas@contactpunt.example');
    thomasSocket = await thomas.socket();
    const offer = thomasSocket.next((f) => f.t === 'offer' && f.conversationId === customer.conversationId, 10_000);
    await thomasSocket.request({ t: 'status.set', status: 'available' });
    await offer;
    await thomasSocket.request({ t: 'offer.accept', conversationId: customer.conversationId });
    await expect.poll(() => waiting.textContent(), { timeout: 3000, interval: 50 }).toBe('0');
    await expect.poll(() => tile.getByTestId('wallboard-service-level').getAttribute('data-denominator'), { timeout: 7000 }).toBe('1');
    expect(await tile.getByTestId('wallboard-service-level').textContent()).toContain('100%');
    expect(await tile.getByTestId('wallboard-answer-rate').textContent()).toContain('100%');
    expect(await tile.getByTestId('wallboard-abandoned').textContent()).toBe('0');
    await expect.poll(() => marleen.getByTestId('wallboard-agents-available').textContent(), { timeout: 7000 }).toBe('1');

    expect(await seriousViolations(marleen)).toEqual([]);

    // It also fits a 1366×768 screen: no horizontal scroll.
    await marleen.setViewportSize({ width: 1366, height: 768 });
    expect(await marleen.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await seriousViolations(marleen)).toEqual([]);
    expect(session.problems).toEqual([]);
  }, 120_000);
});
