import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestServer } from '../support/test-server.js';
import { screenshot, seriousViolations } from './support/browser.js';
import { loginAs } from './support/pages.js';
import { startBrowserSession, type BrowserSession } from './support/session.js';

/**
 * The admin's IVR editor: Bank Zuid's flow as JSON and as a readable node list; a broken reference is
 * named by the validate button; a fixed flow saves.
 */
describe('the IVR editor in Chromium', () => {
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

  it('shows the flow, names a broken reference, and saves a fixed flow', async () => {
    await loginAs(page, server.url, 'beheer@contactpunt.example', '/admin', 'admin');
    await page.getByTestId('admin-tab-ivr').click();
    await page.locator('[data-testid="admin-list-item"][data-id="ln_bankzuid"]').click();
    await page.getByTestId('ivr-node-list').waitFor();

    const menu = page.locator('[data-testid="ivr-node"][data-node="menu"]');
    expect(await menu.textContent()).toContain('Menu');
    expect(await menu.textContent()).toContain('3 → callback');
    expect(await page.locator('[data-testid="ivr-node"][data-node="welcome"]').textContent()).toContain('Welkom bij Bank Zuid.');

    const json = page.getByTestId('ivr-json');
    const original = await json.inputValue();
    await json.fill(original.replace('"next": "hours"', '"next": "uren"'));
    await page.getByTestId('ivr-validate').click();
    const listed = page.getByTestId('ivr-problems');
    await listed.waitFor();
    expect(await listed.textContent()).toContain('nodes.language.next');
    expect(await listed.textContent()).toContain('unknown node id "uren"');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'admin-ivr-editor');

    await json.fill(original.replace('Welkom bij Bank Zuid.', 'Welkom bij Bank Zuid, fijn dat u belt.'));
    await page.getByTestId('ivr-save').click();
    await expect.poll(() => page.getByTestId('ivr-status').textContent()).toContain('Opgeslagen');
    const stored = await server.running.app.deps.repos.voice.listFlows('tn_contactpunt');
    expect(JSON.stringify(stored.find((f) => f.lineId === 'ln_bankzuid')?.flow)).toContain('fijn dat u belt');
    expect(session.problems).toEqual([]);
  });
});
