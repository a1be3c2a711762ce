import { deflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signBody } from '../../src/channels/whatsapp/webhook-signature.js';
import { LocalGraphApi } from '../support/local-graph-api.js';
import { screenshot, seriousViolations } from './support/browser.js';
import { expectText, loginAs } from './support/pages.js';
import { startBrowserSession, type BrowserSession } from './support/session.js';

const APP_SECRET = 'test-app-secret-0123456789';
const ACCESS_TOKEN = 'EAAG-test-access-token';

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real PNG (a meter-like dial: dark frame, light face), big enough to see in the screenshot. */
function meterPicture(width = 160, height = 100): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      const frame = x < 8 || y < 8 || x >= width - 8 || y >= height - 8;
      const digit = y > 35 && y < 65 && x > 20 && x < width - 20 && Math.floor((x - 20) / 24) % 2 === 0;
      const [r, g, b] = frame ? [40, 60, 80] : digit ? [20, 20, 20] : [235, 240, 230];
      row.set([r, g, b], 1 + x * 3);
    }
    rows.push(row);
  }
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

/** The Ogg page checksum: CRC-32 with polynomial 0x04c11db7, not reflected, no final xor. */
function oggCrc(bytes: Buffer): number {
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte << 24;
    for (let k = 0; k < 8; k++) crc = crc & 0x80000000 ? (crc << 1) ^ 0x04c11db7 : crc << 1;
  }
  return crc >>> 0;
}

function oggPage(headerType: number, granule: number, sequence: number, packets: Buffer[]): Buffer {
  const segments = packets.flatMap((p) => [...Array(Math.floor(p.length / 255)).fill(255), p.length % 255]);
  const header = Buffer.alloc(27 + segments.length);
  header.write('OggS', 0, 'ascii');
  header.writeUInt8(headerType, 5);
  header.writeBigUInt64LE(BigInt(granule), 6);
  header.writeUInt32LE(0x43656e74, 14); // stream serial number
  header.writeUInt32LE(sequence, 18);
  header.writeUInt8(segments.length, 26);
  header.set(segments, 27);
  const page = Buffer.concat([header, ...packets]);
  page.writeUInt32LE(oggCrc(page), 22);
  return page;
}

/** A real one-second WhatsApp-style voice note: Ogg with an Opus stream of silent 20 ms frames. */
function voiceNote(): Buffer {
  const head = Buffer.alloc(19);
  head.write('OpusHead', 0, 'ascii');
  head.writeUInt8(1, 8); // version
  head.writeUInt8(1, 9); // mono
  head.writeUInt16LE(312, 10); // pre-skip
  head.writeUInt32LE(48000, 12);
  const vendor = Buffer.from('centraal-test');
  const tags = Buffer.concat([Buffer.from('OpusTags'), Buffer.from(Uint32Array.of(vendor.length).buffer), vendor, Buffer.alloc(4)]);
  const frames = Array.from({ length: 50 }, () => Buffer.from([0xf8, 0xff, 0xfe]));
  return Buffer.concat([oggPage(0x02, 0, 0, [head]), oggPage(0, 0, 1, [tags]), oggPage(0x04, 50 * 960, 2, frames)]);
}

function voiceNoteWebhook(wamid: string, mediaId: string) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '32470000000', phone_number_id: '100200300400500' },
              contacts: [{ profile: { name: 'Lotte Peeters' }, wa_id: '32471112299' }],
              messages: [{ from: '32471112299', id: wamid, timestamp: String(Math.floor(Date.now() / 1000)), type: 'audio', audio: { id: mediaId, mime_type: 'audio/ogg; codecs=opus', sha256: 'x', voice: true } }],
            },
          },
        ],
      },
    ],
  };
}

function mediaWebhook(wamid: string, mediaId: string, caption: string) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '32470000000', phone_number_id: '100200300400500' },
              contacts: [{ profile: { name: 'Lotte Peeters' }, wa_id: '32471112299' }],
              messages: [{ from: '32471112299', id: wamid, timestamp: String(Math.floor(Date.now() / 1000)), type: 'image', image: { id: mediaId, mime_type: 'image/png', sha256: 'x', caption } }],
            },
          },
        ],
      },
    ],
  };
}

/**
 * A customer's WhatsApp photo in the agent desktop: the webhook is acknowledged, the worker fetches
 * the picture from the (local) Cloud API, and Thomas sees it as a preview in the transcript; a
 * picture the provider no longer has shows "could not be fetched".
 */
describe('WhatsApp pictures and voice notes in the desktop, in Chromium', () => {
  let graph: LocalGraphApi;
  let session: BrowserSession;
  let thomas: Page;

  beforeAll(async () => {
    graph = await LocalGraphApi.start(ACCESS_TOKEN);
    session = await startBrowserSession({
      env: { WHATSAPP_GRAPH_BASE_URL: graph.url, WHATSAPP_APP_SECRET: APP_SECRET, WHATSAPP_ACCESS_TOKEN: ACCESS_TOKEN, CHANNEL_OUTBOX_INTERVAL_MS: '100' },
    });
    thomas = await session.page();
  }, 120_000);

  afterAll(async () => {
    await session?.close();
    await graph?.close();
  });

  async function post(payload: unknown): Promise<number> {
    const body = JSON.stringify(payload);
    const response = await fetch(`${session.server.url}/api/channels/whatsapp/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${signBody(APP_SECRET, body)}` },
      body,
    });
    return response.status;
  }

  it('shows the fetched picture in the transcript, and says so when one could not be fetched', async () => {
    await loginAs(thomas, session.server.url, 'thomas@contactpunt.example', '/desktop');
    await thomas.getByTestId('status-available').click();
    await expect.poll(() => thomas.getByTestId('status-switch').getAttribute('data-status')).toBe('available');

    graph.addMedia('3000000000000001', 'image/png', meterPicture());
    expect(await post(mediaWebhook('wamid.E2E0001', '3000000000000001', 'Foto van mijn meter'))).toBe(200);
    await thomas.getByTestId('offer').waitFor({ timeout: 15_000 });
    await thomas.getByTestId('offer-accept').click();
    await thomas.getByTestId('conversation-view').waitFor();

    const fetched = thomas.locator('[data-testid="message-media"][data-status="fetched"]');
    await fetched.waitFor({ timeout: 10_000 });
    const picture = fetched.locator('img');
    // Loaded through the staff download route with the session cookie, and decoded by the browser.
    await expect.poll(() => picture.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0))).toBe(160);
    expect(await picture.getAttribute('alt')).toBe('Foto van de klant');
    expect(await fetched.getByRole('link', { name: /Downloaden: image-\d+\.png/ }).count()).toBe(1);

    // Meta no longer has this one (unknown media id): no retry helps, the agent is told at once.
    expect(await post(mediaWebhook('wamid.E2E0002', '3000000000000999', 'Nog een foto'))).toBe(200);
    await expectText(thomas, 'message-media', /De foto kon niet worden opgehaald/);

    await screenshot(thomas, 'desktop-whatsapp-picture');
    expect(await seriousViolations(thomas)).toEqual([]);
    expect(session.problems).toEqual([]);
  }, 120_000);

  it('plays a voice note in the transcript with a labelled native player and a download link', async () => {
    // The same customer, so it lands in the conversation Thomas already has open.
    graph.addMedia('3000000000000002', 'audio/ogg; codecs=opus', voiceNote());
    expect(await post(voiceNoteWebhook('wamid.E2E0003', '3000000000000002'))).toBe(200);
    const audio = thomas.getByTestId('message-audio');
    await audio.first().waitFor({ timeout: 10_000 });
    expect(await audio.count()).toBe(1);
    expect(await audio.getAttribute('aria-label')).toBe('Spraakbericht van de klant');
    expect(await audio.getAttribute('controls')).not.toBeNull();
    // Loaded through the staff download route with the session cookie, and decoded: Chromium knows its length.
    expect(await audio.getAttribute('src')).toMatch(/^\/api\/conversations\/[^/]+\/attachments\/[^/]+$/);
    await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => (a.readyState >= 1 ? a.duration : 0)), { timeout: 10_000 }).toBeGreaterThan(0.9);
    const bubble = thomas.locator('[data-testid="message-media"][data-status="fetched"]').filter({ has: audio });
    expect(await bubble.getByRole('link', { name: /Downloaden: audio-\d+\.ogg/ }).count()).toBe(1);

    await screenshot(thomas, 'desktop-whatsapp-voice-note');
    expect(await seriousViolations(thomas)).toEqual([]);
    expect(session.problems).toEqual([]);
  }, 60_000);
});
