import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { FAKE_ACCOUNT_SID, FakeVoiceProvider } from '../support/fake-voice-provider.js';
import { StaffClient } from '../support/api-client.js';
import type { TestServer } from '../support/test-server.js';
import { TEST_PUBLIC_BASE_URL, TEST_TWILIO_TOKEN, TwilioClient } from '../support/twilio-client.js';
import { checkTwiml, readTwiml } from '../support/twiml-rules.js';
import { screenshot, seriousViolations } from './support/browser.js';
import { loginAs } from './support/pages.js';
import { startBrowserSession, type BrowserSession } from './support/session.js';

/**
 * A caller on the Bank Zuid phone line (the provider's signed webhooks, played by the test) reaches
 * Thomas; his desktop shows the phone-line controls (not the browser softphone), he puts the caller on
 * hold and hangs up, and each button reaches the provider's REST API (a local fake). Before that he consults
 * Lucas (warm transfer: the transfer dialog's warm option) and goes back to the caller.
 */
describe('phone-line call controls on the agent desktop in Chromium', () => {
  let session: BrowserSession;
  let server: TestServer;
  let provider: FakeVoiceProvider;
  let thomas: Page;

  beforeAll(async () => {
    provider = await new FakeVoiceProvider(FAKE_ACCOUNT_SID, TEST_TWILIO_TOKEN).start();
    session = await startBrowserSession({
      env: { TWILIO_AUTH_TOKEN: TEST_TWILIO_TOKEN, TWILIO_ACCOUNT_SID: FAKE_ACCOUNT_SID, TWILIO_API_BASE_URL: provider.baseUrl, PUBLIC_BASE_URL: TEST_PUBLIC_BASE_URL },
    });
    server = session.server;
    thomas = await session.page();
  }, 120_000);

  afterAll(async () => {
    await session?.close();
    await provider?.stop();
  });

  it('shows the control bar with a timer, holds the caller with music and hangs up through the provider', async () => {
    await loginAs(thomas, server.url, 'thomas@contactpunt.example', '/desktop');

    // The call comes in on the phone line and the IVR puts it in the general queue.
    const call = new TwilioClient(server.url, 'ln_bankzuid');
    expect((await call.post('incoming', { CallStatus: 'ringing' })).status).toBe(200);
    expect((await call.post('status', { CallStatus: 'in-progress' })).status).toBe(204);
    expect((await call.post('gather', { Digits: '1' })).status).toBe(200);
    expect((await call.post('gather', { Digits: '2' })).text).toContain('<Enqueue');

    // Thomas takes it; the caller's hold loop leaves the queue and is dialled through to his client.
    await thomas.getByTestId('status-available').click();
    await thomas.locator('[data-testid="offer"][data-channel="voice"]').waitFor();
    await thomas.getByTestId('offer-accept').click();
    await thomas.locator('[data-testid="phone-controls"]').waitFor();
    // Put through at once with the provider's REST API; a hold request under way still leaves the queue.
    await expect.poll(() => provider.requests.length).toBe(1);
    expect(provider.requests[0]!.form.Twiml).toContain('<Client>us_thomas</Client>');
    expect((await call.post('hold')).text).toContain('<Leave/>');
    expect((await call.post('queue-result', { QueueResult: 'leave' })).text).toContain(`<Client>${'us_thomas'}</Client>`);

    const status = thomas.getByTestId('phone-status');
    await thomas.locator('[data-testid="phone-status"][data-state="connected"]').waitFor();
    // The call timer runs from the moment the caller was put through.
    await expect.poll(() => thomas.getByTestId('phone-timer').textContent(), { timeout: 5_000 }).toMatch(/^0:0[1-9]$/);
    // Not a browser call: no softphone with mute and keypad.
    expect(await thomas.getByTestId('softphone').count()).toBe(0);
    expect(await seriousViolations(thomas, '[data-testid="phone-controls"]')).toEqual([]);

    // Warm transfer: Lucas is available; Thomas consults him from the transfer dialog.
    const lucas = await StaffClient.login(server.url, 'lucas@contactpunt.example');
    const lucasSocket = await lucas.socket();
    try {
      await lucasSocket.request({ t: 'status.set', status: 'available' });
      await thomas.getByTestId('phone-transfer').click();
      await thomas.getByTestId('transfer-kind-agent').check();
      await thomas.getByTestId('transfer-agent').selectOption(lucas.agentId);
      await thomas.getByTestId('transfer-mode-warm').check();
      expect(await seriousViolations(thomas, '[data-testid="transfer-dialog"]')).toEqual([]);
      await thomas.getByTestId('transfer-submit').click();
      // The caller waits with music in the conference; a new call rings Lucas.
      await thomas.getByTestId('phone-consulting').waitFor();
      await expect.poll(() => provider.requests.length).toBe(3);
      expect(readTwiml(provider.requests[1]!.form.Twiml!)[0]!.children[0]!.name).toBe('Conference');
      expect(provider.requests[2]!.form.To).toBe(`client:${lucas.agentId}`);
      expect(await thomas.getByTestId('phone-consulting').textContent()).toContain('Lucas');
      await thomas.locator('[data-testid="phone-status"][data-state="on_hold"]').waitFor();
      expect(await seriousViolations(thomas, '[data-testid="phone-controls"]')).toEqual([]);
      await screenshot(thomas, 'phone-line-consult');
      // Back to the caller: Lucas's leg ends, the caller is dialled through to Thomas again.
      await thomas.getByTestId('phone-consult-cancel').click();
      await thomas.locator('[data-testid="phone-status"][data-state="connected"]').waitFor();
      await expect.poll(() => provider.requests.length).toBe(5);
      expect(provider.requests[3]!.form).toEqual({ Status: 'completed' });
      expect(provider.requests[4]!.form.Twiml).toContain('<Client>us_thomas</Client>');
      expect(await thomas.getByTestId('phone-consulting').count()).toBe(0);
    } finally {
      await lucasSocket.request({ t: 'status.set', status: 'away' });
      await lucasSocket.close();
    }

    // Hold: the provider gets TwiML that loops the hold music.
    await thomas.getByTestId('phone-hold').click();
    await thomas.locator('[data-testid="phone-status"][data-state="on_hold"]').waitFor();
    await expect.poll(() => provider.requests.length).toBe(6);
    const hold = provider.requests[5]!;
    expect(hold.callSid).toBe(call.callSid);
    expect(checkTwiml(hold.form.Twiml!)).toEqual([]);
    expect(readTwiml(hold.form.Twiml!)).toMatchObject([{ name: 'Play', attributes: { loop: '0' } }]);
    await thomas.locator('[data-testid="phone-hold"][aria-pressed="true"]:not([disabled])').waitFor();
    // The second "on hold" line: the first came with the consult.
    await thomas.getByTestId('transcript').getByText('In de wacht gezet').nth(1).waitFor();
    expect(await seriousViolations(thomas, '[data-testid="phone-controls"]')).toEqual([]);
    await screenshot(thomas, 'phone-line-controls');

    // Hang up: Status=completed, and the conversation waits for its wrap-up.
    await thomas.getByTestId('phone-hangup').click();
    await thomas.locator('[data-testid="phone-status"][data-state="ended"]').waitFor();
    await expect.poll(() => provider.requests.length).toBe(7);
    expect(provider.requests[6]!.form).toEqual({ Status: 'completed' });
    expect(await status.textContent()).toBe('Gesprek beëindigd');
    expect(await thomas.getByTestId('phone-hangup').count()).toBe(0);
    expect(provider.refused).toEqual([]);
    expect(session.problems).toEqual([]);
  });
});
