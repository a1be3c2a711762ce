import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { createRepositories } from '../../src/storage/index.js';
import type { TestServer } from '../support/test-server.js';
import { FAKE_MEDIA_ARGS, screenshot, seriousViolations } from './support/browser.js';
import { loginAs } from './support/pages.js';
import { startBrowserSession, type BrowserSession } from './support/session.js';

/** Lists every RTCPeerConnection the page creates (the widget and desktop push them here when it exists). */
function debugHook(): void {
  (window as unknown as { __centraalDebug: { peerConnections: unknown[] } }).__centraalDebug = { peerConnections: [] };
}

/** Audio bytes received on the page's newest peer connection (inbound-rtp). */
async function bytesReceived(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const list = (window as unknown as { __centraalDebug?: { peerConnections: RTCPeerConnection[] } }).__centraalDebug?.peerConnections ?? [];
    const pc = list.at(-1);
    if (!pc) return 0;
    let total = 0;
    (await pc.getStats()).forEach((report: { type: string; kind?: string; bytesReceived?: number }) => {
      if (report.type === 'inbound-rtp' && report.kind === 'audio') total += report.bytesReceived ?? 0;
    });
    return total;
  });
}

async function expectAudioBothWays(a: Page, b: Page): Promise<void> {
  await expect.poll(() => bytesReceived(a), { timeout: 15_000, interval: 250 }).toBeGreaterThan(0);
  await expect.poll(() => bytesReceived(b), { timeout: 15_000, interval: 250 }).toBeGreaterThan(0);
}

/**
 * A call from the widget on the demo page: IVR menu by keypad, the queue, the agent answers in
 * the softphone, audio both ways (Chromium's fake microphone), a blind transfer to a colleague
 * who answers, the customer hangs up, and the log holds every step.
 */
describe('a browser call from the widget to the softphone in Chromium', () => {
  let session: BrowserSession;
  let server: TestServer;
  let customer: Page;
  let thomas: Page;
  let camille: Page;

  /** Every party may use the (fake) microphone, and their peer connections are listed for the audio checks. */
  async function withMicrophone(context: BrowserContext): Promise<void> {
    await context.grantPermissions(['microphone']);
    await context.addInitScript(debugHook);
  }

  beforeAll(async () => {
    session = await startBrowserSession({ browserArgs: FAKE_MEDIA_ARGS });
    server = session.server;
    customer = await session.page({ prepare: withMicrophone });
    thomas = await session.page({ prepare: withMicrophone });
    camille = await session.page({ prepare: withMicrophone });
  }, 120_000);

  afterAll(async () => {
    await session?.close();
  });

  it('calls, chooses in the IVR, queues, connects with audio both ways, transfers blind, hangs up, and logs it all', async () => {
    await loginAs(thomas, server.url, 'thomas@contactpunt.example', '/desktop');
    await loginAs(camille, server.url, 'camille@contactpunt.example', '/desktop');

    // The customer calls from the demo site and hears (and reads) the menu.
    await customer.goto(`${server.url}/demo`);
    await customer.getByTestId('launcher').click();
    await customer.getByTestId('language-select').selectOption('nl');
    await customer.getByTestId('call-start-button').click();
    await customer.locator('[data-testid="call-status"][data-state="ivr"]').waitFor();
    await customer.getByTestId('ivr-prompt').filter({ hasText: 'Voor Nederlands, druk 1' }).waitFor();
    await customer.getByTestId('keypad-key-1').click();
    await customer.getByTestId('ivr-prompt').filter({ hasText: 'andere vraag, druk 2' }).waitFor();

    // "2": another question → the general queue, where the customer waits (nobody is available yet).
    await customer.getByTestId('keypad-key-2').click();
    await customer.locator('[data-testid="call-status"][data-state="queued"]').waitFor();
    await customer.getByTestId('call-status').filter({ hasText: /nummer 1 in de wachtrij/ }).waitFor({ timeout: 10_000 });

    // Thomas becomes available: the call rings in his desktop, he answers in the softphone.
    await thomas.getByTestId('status-available').click();
    await thomas.locator('[data-testid="offer"][data-channel="voice"]').waitFor();
    await customer.locator('[data-testid="call-status"][data-state="ringing"]').waitFor();
    await thomas.getByTestId('offer-accept').click();
    await thomas.locator('[data-testid="softphone"][data-state="connected"]').waitFor();
    await customer.locator('[data-testid="call-status"][data-state="connected"]').filter({ hasText: 'Thomas' }).waitFor();
    await expectAudioBothWays(customer, thomas);
    const conversationId = (await thomas.getByTestId('conversation-view').getAttribute('data-conversation-id'))!;

    // Thomas reloads his desktop mid-call: the call is still his, and the audio comes back.
    await thomas.reload();
    await thomas.getByTestId('conversation-item').first().click();
    await thomas.locator('[data-testid="softphone"][data-state="connected"]').waitFor();
    await expectAudioBothWays(customer, thomas);

    // Hold and back, the keypad, and the softphone is accessible.
    await thomas.getByTestId('softphone-hold').click();
    await customer.locator('[data-testid="call-status"][data-state="on_hold"]').waitFor();
    await thomas.getByTestId('softphone-hold').click();
    await customer.locator('[data-testid="call-status"][data-state="connected"]').waitFor();
    await thomas.getByTestId('softphone-keypad-toggle').click();
    await thomas.getByTestId('softphone-keypad').waitFor();
    expect(await seriousViolations(thomas, '[data-testid="softphone"]')).toEqual([]);
    await screenshot(thomas, 'softphone');
    await screenshot(customer, 'widget-call');

    // Blind transfer to Camille, who answers; the audio now flows between the customer and her.
    await camille.getByTestId('status-available').click();
    await thomas.getByTestId('softphone-transfer').click();
    await thomas.getByTestId('transfer-kind-agent').check();
    await thomas.getByTestId('transfer-agent').selectOption('us_camille');
    await thomas.getByTestId('transfer-mode-blind').check();
    await thomas.getByTestId('transfer-submit').click();
    await customer.locator('[data-testid="call-status"][data-state="transferring"], [data-testid="call-status"][data-state="ringing"]').first().waitFor();
    await camille.locator('[data-testid="offer"][data-channel="voice"]').waitFor();
    await camille.getByTestId('offer-accept').click();
    await camille.locator('[data-testid="softphone"][data-state="connected"]').waitFor();
    await customer.locator('[data-testid="call-status"][data-state="connected"]').filter({ hasText: 'Camille' }).waitFor();
    await expectAudioBothWays(customer, camille);

    // The customer hangs up; Camille's softphone shows the end.
    await customer.getByTestId('hangup-button').click();
    await customer.locator('[data-testid="call-status"][data-state="ended"]').waitFor();
    await camille.locator('[data-testid="softphone"][data-state="ended"]').waitFor();

    // The conversation log in the database holds every step, in order.
    const events = await createRepositories(server.running.db).events.listAfter(conversationId, 0, 1000);
    const types = events.map((e) => e.type);
    let at = -1;
    for (const step of ['conversation.started', 'call.started', 'ivr.prompt', 'ivr.input', 'conversation.queued', 'conversation.offered', 'call.ringing', 'call.answered', 'call.held', 'call.resumed', 'conversation.transferred', 'conversation.offered', 'call.answered', 'call.ended', 'conversation.ended_by_customer']) {
      const next = types.indexOf(step, at + 1);
      expect(next, `${step} after ${at} in ${types.join(', ')}`).toBeGreaterThan(at);
      at = next;
    }
    expect(events.filter((e) => e.type === 'ivr.input').map((e) => e.data)).toEqual([
      { nodeId: 'language', event: 'language', choice: 'nl' },
      { nodeId: 'menu', event: 'chose', choice: '2' },
    ]);
    expect(events.filter((e) => e.type === 'call.answered').map((e) => e.data.agentId)).toEqual(['us_thomas', 'us_camille']);
    expect(session.problems).toEqual([]);

    // Camille finishes the registration, which frees her for the next call.
    await camille.getByTestId('wrapup-select').selectOption('opgelost');
    await camille.getByTestId('close-conversation').click();
    await camille.getByTestId('no-conversation').waitFor();
  }, 60_000);

  it('turns a chat into a call with the call button, the agent answers it, consults a colleague and completes a warm transfer', async () => {
    await customer.getByTestId('new-chat-button').click();
    await customer.getByTestId('language-select').selectOption('nl');
    await customer.getByTestId('start-button').click();
    await thomas.locator('[data-testid="offer"][data-channel="chat"]').waitFor();
    await thomas.getByTestId('offer-accept').click();
    await thomas.getByTestId('conversation-view').waitFor();

    // The customer presses "call" in the chat: the same conversation rings in Thomas's softphone.
    await customer.getByTestId('call-button').click();
    await thomas.locator('[data-testid="softphone"][data-state="ringing"]').waitFor();
    await thomas.getByTestId('softphone-answer').click();
    await thomas.locator('[data-testid="softphone"][data-state="connected"]').waitFor();
    await customer.locator('[data-testid="call-status"][data-state="connected"]').waitFor();
    await expectAudioBothWays(customer, thomas);

    // Warm: Thomas consults Camille (the customer waits on hold), then completes the transfer.
    await thomas.getByTestId('softphone-transfer').click();
    await thomas.getByTestId('transfer-kind-agent').check();
    await thomas.getByTestId('transfer-agent').selectOption('us_camille');
    await thomas.getByTestId('transfer-mode-warm').check();
    await thomas.getByTestId('transfer-note').fill('Klant wil een lening');
    await thomas.getByTestId('transfer-submit').click();
    await camille.getByTestId('consult-request').filter({ hasText: 'Thomas' }).waitFor();
    await customer.locator('[data-testid="call-status"][data-state="on_hold"]').waitFor();
    await thomas.getByTestId('softphone-transfer-complete').click();
    // The call leaves Thomas's list once the transfer is done.
    await thomas.getByTestId('no-conversation').waitFor();
    await camille.locator('[data-testid="offer"][data-channel="voice"]').waitFor();
    await camille.getByTestId('offer-accept').click();
    await customer.locator('[data-testid="call-status"][data-state="connected"]').filter({ hasText: 'Camille' }).waitFor();
    await expectAudioBothWays(customer, camille);

    // Camille hangs up: the call ends for the customer.
    await camille.getByTestId('softphone-hangup').click();
    await customer.locator('[data-testid="call-status"][data-state="ended"]').waitFor();
    expect(session.problems).toEqual([]);
  }, 60_000);
});
