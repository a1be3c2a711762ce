import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { FAKE_ACCOUNT_SID, FakeVoiceProvider } from '../support/fake-voice-provider.js';
import { StaffClient } from '../support/api-client.js';
import type { TestServer } from '../support/test-server.js';
import { newCallSid, TEST_PUBLIC_BASE_URL, TEST_TWILIO_TOKEN, TwilioClient } from '../support/twilio-client.js';
import { readTwiml } from '../support/twiml-rules.js';
import { screenshot, seriousViolations } from './support/browser.js';
import { loginAs } from './support/pages.js';
import { startBrowserSession, type BrowserSession } from './support/session.js';

const BANK_ACCOUNT = { sid: `AC${'b1'.repeat(16)}`, token: 'bank-brand-auth-token-000111', number: '+3225550101' };

/**
 * The bank line has its own provider account and number. Thomas consults an outside number from the
 * transfer dialog (warm); the call bar asks him to confirm the caller's consent before he can hand over.
 */
describe('warm transfer of a phone-line call to an outside number in Chromium', () => {
  let session: BrowserSession;
  let server: TestServer;
  let provider: FakeVoiceProvider;
  let thomas: Page;

  beforeAll(async () => {
    provider = await new FakeVoiceProvider(FAKE_ACCOUNT_SID, TEST_TWILIO_TOKEN).start();
    provider.addAccount(BANK_ACCOUNT.sid, BANK_ACCOUNT.token);
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

  it('consults the outside number from the line\'s number and hands over only with the consent ticked', async () => {
    const admin = await StaffClient.login(server.url, 'beheer@contactpunt.example');
    const config = await admin.request<{ lines: Array<Record<string, unknown> & { id: string }> }>('GET', '/api/admin/config');
    const { tenantId: _t, voice: _v, ...bank } = config.body.lines.find((l) => l.id === 'ln_bankzuid')!;
    const saved = await admin.request('PUT', '/api/admin/lines/ln_bankzuid', { ...bank, voice: { accountSid: BANK_ACCOUNT.sid, authToken: BANK_ACCOUNT.token, callerId: BANK_ACCOUNT.number } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);

    await loginAs(thomas, server.url, 'thomas@contactpunt.example', '/desktop');
    const call = new TwilioClient(server.url, 'ln_bankzuid', newCallSid(), '+32470123456', BANK_ACCOUNT.token);
    expect((await call.post('incoming', { CallStatus: 'ringing' })).status).toBe(200);
    expect((await call.post('status', { CallStatus: 'in-progress' })).status).toBe(204);
    expect((await call.post('gather', { Digits: '1' })).status).toBe(200);
    expect((await call.post('gather', { Digits: '2' })).text).toContain('<Enqueue');
    await thomas.getByTestId('status-available').click();
    await thomas.locator('[data-testid="offer"][data-channel="voice"]').waitFor();
    await thomas.getByTestId('offer-accept').click();
    await expect.poll(() => provider.requests.length).toBe(1);
    expect((await call.post('queue-result', { QueueResult: 'leave' })).status).toBe(200);
    await thomas.locator('[data-testid="phone-status"][data-state="connected"]').waitFor();

    await thomas.getByTestId('phone-transfer').click();
    await thomas.getByTestId('transfer-kind-number').check();
    await thomas.getByTestId('transfer-number').fill('+32 2 555 09 99');
    await thomas.getByTestId('transfer-mode-warm').check();
    expect(await seriousViolations(thomas, '[data-testid="transfer-dialog"]')).toEqual([]);
    await thomas.getByTestId('transfer-submit').click();

    await thomas.getByTestId('phone-consulting').waitFor();
    await expect.poll(() => provider.requests.length).toBe(3);
    expect(provider.requests.every((r) => r.accountSid === BANK_ACCOUNT.sid)).toBe(true);
    expect(provider.requests[2]!.form).toMatchObject({ To: '+3225550999', From: BANK_ACCOUNT.number });
    expect(await thomas.getByTestId('phone-consulting').textContent()).toContain('…0999');
    // No hand-over before the consent is confirmed.
    const complete = thomas.getByTestId('phone-consult-complete');
    expect(await complete.isDisabled()).toBe(true);
    await thomas.getByTestId('phone-consult-consent').check();
    expect(await complete.isDisabled()).toBe(false);
    expect(await seriousViolations(thomas, '[data-testid="phone-controls"]')).toEqual([]);
    await screenshot(thomas, 'phone-line-outside-consult');

    await complete.click();
    await expect.poll(() => provider.requests.length).toBe(4);
    expect(provider.requests[3]!.callSid).toBe(provider.requests[2]!.callSid);
    expect(readTwiml(provider.requests[3]!.form.Twiml!)[0]!.children[0]!.name).toBe('Conference');
    await thomas.locator('[data-testid="phone-controls"]:not([data-state="connected"]):not([data-state="on_hold"])').waitFor();
    expect(await thomas.getByTestId('phone-consulting').count()).toBe(0);
    expect(provider.refused).toEqual([]);
    expect(session.problems).toEqual([]);
  });
});
