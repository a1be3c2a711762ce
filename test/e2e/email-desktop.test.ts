import nodemailer, { type Transporter } from 'nodemailer';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SmtpSink } from '../support/smtp-sink.js';
import type { TestServer } from '../support/test-server.js';
import { screenshot, seriousViolations } from './support/browser.js';
import { expectText, loginAs } from './support/pages.js';
import { startBrowserSession, type BrowserSession } from './support/session.js';

const LONG_MAIL = [
  'Goedemiddag,',
  'Sinds de verhuizing naar de Kerkstraat ontvang ik twee facturen voor hetzelfde adres.',
  'De eerste factuur is voor het oude adres en de tweede factuur voor het nieuwe adres, maar het voorschot is op beide facturen even hoog.',
  'Ik heb de meterstand van het oude adres al in januari doorgegeven via de website.',
  'Wilt u de factuur van het oude adres stopzetten en het voorschot voor het nieuwe adres herberekenen?',
  'Mijn buurman zegt dat het weer morgen beter wordt, maar daar gaat mijn vraag niet over.',
  'Ik heb de meterstand van het nieuwe adres ook genoteerd: dag 04512, nacht 02210.',
  'De betaling van de dubbele factuur wil ik graag uitstellen tot de facturen rechtgezet zijn.',
  'Alvast bedankt voor uw hulp met de facturen en het voorschot.',
  'Met vriendelijke groet,',
  'Els Vermeulen',
].join('\n\n');

/**
 * An email conversation in the agent desktop: a customer's mail (over real SMTP) is offered to
 * Emma on Energie Noord; she reads the thread (subject, sender per the line's policy, the HTML
 * sanitised, the summary of the long mail) and replies; the reply reaches the SMTP sink.
 */
describe('an email conversation in the desktop, in Chromium', () => {
  let sink: SmtpSink;
  let session: BrowserSession;
  let server: TestServer;
  let customer: Transporter;
  let emma: Page;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    session = await startBrowserSession({ env: { SMTP_INBOUND_PORT: '0', SMTP_OUTBOUND_URL: sink.url, CHANNEL_OUTBOX_INTERVAL_MS: '100' } });
    server = session.server;
    customer = nodemailer.createTransport({ host: '127.0.0.1', port: server.running.smtpPort!, secure: false, ignoreTLS: true });
    emma = await session.page();
  }, 120_000);

  afterAll(async () => {
    customer?.close();
    await session?.close();
    await sink?.close();
  });

  it('shows the thread and sends the reply as mail', async () => {
    await loginAs(emma, server.url, 'emma@contactpunt.example', '/desktop');
    await emma.getByTestId('status-available').click();
    await expect.poll(() => emma.getByTestId('status-switch').getAttribute('data-status')).toBe('available');

    await customer.sendMail({
      from: { name: 'Els Vermeulen', address: 'els.vermeulen@klant.example' },
      to: 'klantenservice@energienoord.example',
      subject: 'Dubbele factuur na verhuizing',
      text: LONG_MAIL,
      html: `${LONG_MAIL.split('\n\n').map((p) => `<p>${p.replace('twee facturen', '<strong>twee facturen</strong>')}</p>`).join('')}<script>alert('mail')</script><img src="https://tracker.example/open.gif" onerror="alert('img')">`,
      messageId: '<els.1@klant.example>',
    });

    await emma.getByTestId('offer').waitFor({ timeout: 15_000 });
    await emma.getByTestId('offer-accept').click();
    await emma.getByTestId('conversation-view').waitFor();

    // The thread: subject, sender (Energie Noord is not anonymous: name and address), sanitised HTML.
    await expectText(emma, 'message-subject', 'Dubbele factuur na verhuizing');
    await expectText(emma, 'contact-identifier', 'els.vermeulen@klant.example');
    const body = emma.getByTestId('message-html').first();
    await body.locator('strong', { hasText: 'twee facturen' }).waitFor();
    expect(await body.locator('script, img, [onerror]').count()).toBe(0);
    await expectText(emma, 'channel-subject', 'Dubbele factuur na verhuizing');
    const summary = emma.getByTestId('channel-summary');
    await summary.waitFor({ timeout: 10_000 });
    expect(await summary.locator('li').count()).toBeLessThanOrEqual(4);
    expect(await summary.textContent()).toContain('twee facturen');
    expect(await summary.textContent()).not.toContain('weer morgen');

    await emma.getByTestId('composer-input').fill('Beste mevrouw Vermeulen, ik heb de factuur van het oude adres stopgezet en het voorschot herberekend.');
    await emma.getByTestId('composer-send').click();
    const mail = await sink.next((m) => m.envelopeTo.includes('els.vermeulen@klant.example'));
    expect(mail.parsed.inReplyTo).toBe('<els.1@klant.example>');
    expect(mail.parsed.subject).toMatch(/^Re: Dubbele factuur na verhuizing \[#[a-z2-9]{10}\]$/);
    expect(mail.parsed.text).toContain('voorschot herberekend');
    expect(mail.parsed.text).toContain('Energie Noord klantenservice');
    await emma.locator('[data-testid="delivery-status"][data-status="sent"]').waitFor({ timeout: 10_000 });

    await screenshot(emma, 'desktop-email-thread');
    expect(await seriousViolations(emma)).toEqual([]);
    expect(session.problems).toEqual([]);
  }, 120_000);

  it("lets an admin change the line's mailbox settings, and the next reply carries the new signature", async () => {
    const admin = await session.page();
    await loginAs(admin, server.url, 'beheer@contactpunt.example', '/admin', 'admin');
    await admin.locator('[data-testid="admin-list-item"][data-id="ln_energienoord"]').click();
    const address = admin.getByTestId('line-email-address');
    await expect.poll(() => address.inputValue()).toBe('klantenservice@energienoord.example');
    await admin.getByTestId('line-whatsapp-id').fill('12 34');
    await admin.getByTestId('line-save').click();
    await expectText(admin, 'admin-error', /phone-number id/);
    await admin.getByTestId('line-whatsapp-id').fill('');
    await admin.getByTestId('line-email-signature-nl').fill('Team Energie Noord, bereikbaar op werkdagen');
    expect(await seriousViolations(admin, '[data-testid="line-channels"]')).toEqual([]);
    await admin.getByTestId('line-save').click();
    await admin.getByTestId('line-form').waitFor({ state: 'detached' });

    await emma.getByTestId('composer-input').fill('Uw nieuwe factuur volgt deze week.');
    await emma.getByTestId('composer-send').click();
    const mail = await sink.next((m) => String(m.parsed.text).includes('nieuwe factuur volgt'));
    expect(mail.parsed.text).toContain('Team Energie Noord, bereikbaar op werkdagen');
    expect(session.problems).toEqual([]);
  }, 60_000);
});
