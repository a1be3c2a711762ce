import { readFile } from 'node:fs/promises';
import { deflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../support/test-server.js';
import { screenshot, seriousViolations } from './support/browser.js';
import { expectText, loginAs } from './support/pages.js';
import { startBrowserSession, type BrowserSession } from './support/session.js';

/** A real PNG (a blue bar on white, 240×80), so the preview shows in the screenshot; the server sniffs its first bytes. */
const PNG = solidPng(240, 80);

function solidPng(width: number, height: number): Buffer {
  const row = Buffer.alloc(1 + width * 3, 0xff);
  row[0] = 0;
  for (let x = 20; x < width - 20; x++) row.set([0x1d, 0x4f, 0x91], 1 + x * 3);
  const white = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0xff)]);
  const raw = Buffer.concat(Array.from({ length: height }, (_, y) => (y >= 25 && y < 55 ? row : white)));
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
/** A Windows program renamed to .pdf. */
const EXE = Buffer.concat([Buffer.from('4d5a90000300000004000000ffff0000', 'hex'), Buffer.from('This program cannot be run in DOS mode.')]);

/**
 * An agent sends a picture in a chat: Thomas attaches it in the desktop composer (a renamed
 * program is refused first, in Dutch), and the customer sees the preview in the widget and
 * downloads the same bytes.
 */
describe('an agent attaches a file in the desktop and the customer gets it in the widget, in Chromium', () => {
  let session: BrowserSession;
  let server: TestServer;
  let customer: Page;
  let thomas: Page;

  beforeAll(async () => {
    session = await startBrowserSession();
    server = session.server;
    customer = await session.page();
    thomas = await session.page();
  }, 120_000);

  afterAll(async () => {
    await session?.close();
  });

  it('refuses a renamed program, sends a picture, then two files in one message; the customer sees and downloads them', async () => {
    await loginAs(thomas, server.url, 'thomas@contactpunt.example', '/desktop');
    await thomas.getByTestId('status-available').click();
    await customer.goto(`${server.url}/demo`);
    await customer.getByTestId('launcher').click();
    await customer.getByTestId('language-select').selectOption('nl');
    await customer.getByTestId('start-button').click();
    await thomas.getByTestId('offer').waitFor();
    await thomas.getByTestId('offer-accept').click();
    await thomas.getByTestId('conversation-view').waitFor();

    // The attach button is a labelled button in the composer, reachable with the keyboard.
    const attach = thomas.getByTestId('composer-attach');
    expect(await attach.textContent()).toContain('Bestand toevoegen');
    await attach.focus();
    expect(await thomas.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('composer-attach');

    // A renamed program: shown, then refused by the server with a Dutch message; the agent removes it.
    await thomas.getByTestId('composer-file-input').setInputFiles({ name: 'formulier.pdf', mimeType: 'application/pdf', buffer: EXE });
    await expectText(thomas, 'composer-file-name', 'formulier.pdf');
    await thomas.getByTestId('composer-send').click();
    await expectText(thomas, 'composer-file-error', /formulier\.pdf kan niet verstuurd worden/);
    await thomas.getByTestId('composer-file-remove').click();
    await thomas.getByTestId('composer-file').waitFor({ state: 'detached' });

    // The picture, with a few words; the composer shows it before sending.
    await thomas.getByTestId('composer-file-input').setInputFiles({ name: 'stappen.png', mimeType: 'image/png', buffer: PNG });
    await expectText(thomas, 'composer-file-name', 'stappen.png');
    expect(await seriousViolations(thomas)).toEqual([]);
    await thomas.getByTestId('composer-input').fill('Zo ziet het scherm eruit.');
    await screenshot(thomas, 'desktop-attachment');
    await thomas.getByTestId('composer-send').click();
    await thomas.getByTestId('composer-file').waitFor({ state: 'detached' });
    await thomas.getByTestId('message-attachments').filter({ hasText: 'stappen.png' }).waitFor();

    // The customer: the text, a preview of the picture and a download of the same bytes.
    await expectText(customer, 'message', 'Zo ziet het scherm eruit.');
    const preview = customer.getByTestId('attachment-preview');
    await expect.poll(() => preview.getAttribute('src'), { timeout: 10_000 }).toMatch(/^data:image\/png;base64,/);
    expect(await preview.getAttribute('alt')).toBe('stappen.png');
    const [download] = await Promise.all([customer.waitForEvent('download'), customer.getByTestId('attachment-download').click()]);
    expect(download.suggestedFilename()).toBe('stappen.png');
    expect((await readFile((await download.path())!)).equals(PNG)).toBe(true);

    // Several files in one message: two picked at once, more added later; a sixth is refused in Dutch.
    const NOTE = Buffer.from('Stap 1: open de app.\nStap 2: kies Instellingen.\n', 'utf8');
    await thomas.getByTestId('composer-file-input').setInputFiles([
      { name: 'uitleg.txt', mimeType: 'text/plain', buffer: NOTE },
      { name: 'scherm.png', mimeType: 'image/png', buffer: PNG },
    ]);
    await expect.poll(() => thomas.getByTestId('composer-file-name').allTextContents()).toEqual(['uitleg.txt', 'scherm.png']);
    expect(await thomas.getByTestId('composer-file-size').first().textContent()).toBe(`(${NOTE.length} B)`);
    const extra = ['a', 'b', 'c', 'd'].map((n) => ({ name: `extra-${n}.txt`, mimeType: 'text/plain', buffer: Buffer.from(`bestand ${n}\n`) }));
    await thomas.getByTestId('composer-file-input').setInputFiles(extra);
    await expectText(thomas, 'composer-file-error', /Maximaal 5 bestanden per bericht: extra-d\.txt niet toegevoegd/);
    expect(await thomas.getByTestId('composer-file').count()).toBe(5);
    expect(await seriousViolations(thomas)).toEqual([]);
    // The agent keeps only the first two.
    for (let i = 0; i < 3; i++) await thomas.getByTestId('composer-file-remove').last().click();
    await expect.poll(() => thomas.getByTestId('composer-file-name').allTextContents()).toEqual(['uitleg.txt', 'scherm.png']);
    await thomas.getByTestId('composer-input').fill('Hier de uitleg en het scherm.');
    await screenshot(thomas, 'desktop-attachments-several');
    await thomas.getByTestId('composer-send').click();
    await thomas.getByTestId('composer-files').waitFor({ state: 'detached' });
    await thomas.getByTestId('message-attachments').filter({ hasText: 'uitleg.txt' }).filter({ hasText: 'scherm.png' }).waitFor();

    // The customer gets both, in the order chosen, in one message.
    await expectText(customer, 'message', 'Hier de uitleg en het scherm.');
    await expect.poll(() => customer.getByTestId('attachment-download').count(), { timeout: 10_000 }).toBe(3);
    const names = await customer.getByTestId('attachment-download').allTextContents();
    expect(names.slice(1).map((n) => n.replace(/ \(.*$/, ''))).toEqual(['uitleg.txt', 'scherm.png']);
    const [textDownload] = await Promise.all([customer.waitForEvent('download'), customer.getByTestId('attachment-download').nth(1).click()]);
    expect(textDownload.suggestedFilename()).toBe('uitleg.txt');
    expect((await readFile((await textDownload.path())!)).equals(NOTE)).toBe(true);

    await screenshot(customer, 'widget-attachment');
    expect(await seriousViolations(customer, '[data-testid="widget-host"]')).toEqual([]);
    expect(await seriousViolations(thomas)).toEqual([]);
    expect(session.problems).toEqual([]);
  }, 120_000);
});
