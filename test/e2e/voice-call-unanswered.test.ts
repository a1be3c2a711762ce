import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { FAKE_MEDIA_ARGS, seriousViolations } from './support/browser.js';
import { loginAs } from './support/pages.js';
import { startBrowserSession, type BrowserSession } from './support/session.js';

/**
 * A chat that became a call rings its agent for CALL_PICKUP_TIMEOUT_SECONDS (2 s here). Unanswered,
 * the customer's call view goes, the chat and its call button stay, the desktop shows why, and
 * the customer can call again.
 */
describe('a chat call nobody picks up, in Chromium', () => {
  let session: BrowserSession;
  let customer: Page;
  let thomas: Page;

  async function withMicrophone(context: BrowserContext): Promise<void> {
    await context.grantPermissions(['microphone']);
  }

  beforeAll(async () => {
    session = await startBrowserSession({ browserArgs: FAKE_MEDIA_ARGS, env: { CALL_PICKUP_TIMEOUT_SECONDS: '2' } });
    customer = await session.page({ prepare: withMicrophone });
    thomas = await session.page({ prepare: withMicrophone });
  }, 120_000);

  afterAll(async () => {
    await session?.close();
  });

  it('stops ringing after the configured time and goes on as a chat', async () => {
    const url = session.server.url;
    await loginAs(thomas, url, 'thomas@contactpunt.example', '/desktop');
    await thomas.getByTestId('status-available').click();
    await customer.goto(`${url}/demo`);
    await customer.getByTestId('launcher').click();
    await customer.getByTestId('language-select').selectOption('nl');
    await customer.getByTestId('start-button').click();
    await thomas.locator('[data-testid="offer"][data-channel="chat"]').waitFor();
    await thomas.getByTestId('offer-accept').click();
    await thomas.getByTestId('conversation-view').waitFor();

    await customer.getByTestId('call-button').click();
    await thomas.locator('[data-testid="softphone"][data-state="ringing"]').waitFor();
    await customer.locator('[data-testid="call-status"]').waitFor();
    // Nobody answers: the customer reads why, the call view goes and the call button is back.
    await customer.getByTestId('message').filter({ hasText: 'nam de oproep niet op' }).waitFor({ timeout: 6000 });
    await customer.getByTestId('call-status').waitFor({ state: 'detached' });
    await customer.getByTestId('call-button').waitFor();
    await thomas.locator('[data-testid="system-event"][data-type="call.ended"]').filter({ hasText: 'niet op tijd opgenomen' }).waitFor();
    await thomas.getByTestId('softphone').waitFor({ state: 'detached' });
    expect(await seriousViolations(customer)).toEqual([]);

    // Still a chat: a message goes through.
    await customer.getByTestId('composer-input').fill('Dan typ ik wel verder');
    await customer.getByTestId('send-button').click();
    await thomas.getByTestId('transcript').getByText('Dan typ ik wel verder').waitFor();

    // Calling again rings anew, and this time Thomas answers.
    await customer.getByTestId('call-button').click();
    await thomas.locator('[data-testid="softphone"][data-state="ringing"]').waitFor();
    await thomas.getByTestId('softphone-answer').click();
    await customer.locator('[data-testid="call-status"][data-state="connected"]').waitFor();
    expect(session.problems).toEqual([]);
  }, 60_000);
});
