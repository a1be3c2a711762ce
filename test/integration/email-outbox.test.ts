import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import nodemailer from 'nodemailer';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { startCentraal, type RunningCentraal } from '../../src/start-centraal.js';
import { StaffClient } from '../support/api-client.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/databases.js';
import { SmtpSink } from '../support/smtp-sink.js';

/** A loopback port nobody listens on (yet). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/**
 * Durable first: an agent's reply is committed with its outbox row, so when the mail relay is
 * down it waits, survives a restart of Centraal, and goes out once the relay is back.
 */
describe.each(testDialects())('the email outbox on %s', (dialect) => {
  let database: TestDatabase;
  let running: RunningCentraal | undefined;
  let sink: SmtpSink | undefined;

  afterAll(async () => {
    await running?.stop();
    await sink?.close();
    await database?.destroy();
  });

  it('keeps a reply while the relay is down, across a restart, and delivers it when the relay is back', async () => {
    database = await createTestDatabase(dialect);
    const relayPort = await freePort();
    const config = loadConfig({
      ...database.env,
      PORT: '0',
      LOG_LEVEL: 'silent',
      SQLITE_SYNCHRONOUS: 'NORMAL',
      DEMO_CUSTOMER_BOT: 'false',
      SMTP_INBOUND_PORT: '0',
      SMTP_OUTBOUND_URL: `smtp://127.0.0.1:${relayPort}?ignoreTLS=true&connectionTimeout=1000`,
      CHANNEL_OUTBOX_INTERVAL_MS: '50',
    });
    running = await startCentraal(config, { quiet: true });
    const customer = nodemailer.createTransport({ host: '127.0.0.1', port: running.smtpPort!, secure: false, ignoreTLS: true });
    await customer.sendMail({ from: 'piet@klant.example', to: 'klantenservice@energienoord.example', subject: 'Verhuizing', text: 'Ik verhuis op 1 mei.' });
    customer.close();

    const emma = await StaffClient.login(running.url, 'emma@contactpunt.example');
    const socket = await emma.socket();
    await socket.request({ t: 'status.set', status: 'available' });
    const offer = await socket.next((f) => f.t === 'offer');
    const conversationId = String(offer.conversationId);
    await socket.request({ t: 'offer.accept', conversationId });
    const reply = await emma.request<{ seq: number }>('POST', `/api/conversations/${conversationId}/messages`, { clientId: 'o1', text: 'Dank u, we zetten de verhuizing klaar.' });
    expect(reply.status).toBe(201);
    const second = await emma.request<{ seq: number }>('POST', `/api/conversations/${conversationId}/messages`, { clientId: 'o2', text: 'En het nieuwe adres staat genoteerd.' });
    expect(second.status).toBe(201);

    // The relay refuses connections: the row stays pending with the error and a later attempt.
    const db = await database.open();
    await expect
      .poll(async () => (await db.kysely.selectFrom('channel_outbox').select(['status', 'attempts', 'last_error']).where('conversation_id', '=', conversationId).where('seq', '=', reply.body.seq).executeTakeFirst()) ?? null, { timeout: 5000 })
      .toMatchObject({ status: 'pending', attempts: 1, last_error: expect.stringContaining('ECONNREFUSED') });
    // The second reply waits behind the first instead of overtaking it.
    await new Promise((r) => setTimeout(r, 1500)); // past the first retry
    const rows = await db.kysely.selectFrom('channel_outbox').select(['seq', 'attempts', 'status']).where('conversation_id', '=', conversationId).orderBy('seq').execute();
    expect(rows.map((r) => [r.seq, r.status])).toEqual([
      [reply.body.seq, 'pending'],
      [second.body.seq, 'pending'],
    ]);
    expect(rows[0]!.attempts).toBeGreaterThanOrEqual(2);
    expect(rows[1]!.attempts).toBe(0);
    await socket.close();
    await running.stop();
    running = undefined;

    // Centraal restarts; the relay comes back on its port; the stored reply goes out.
    sink = await SmtpSink.start(relayPort);
    running = await startCentraal(config, { quiet: true });
    await sink.next((m) => String(m.parsed.text).includes('nieuwe adres'), 15_000);
    expect(sink.mails.map((m) => String(m.parsed.text).split('\n')[0])).toEqual(['Dank u, we zetten de verhuizing klaar.', 'En het nieuwe adres staat genoteerd.']);
    expect(sink.mails[1]!.parsed.references).toContain(sink.mails[0]!.parsed.messageId);
    await expect
      .poll(async () => (await db.kysely.selectFrom('channel_outbox').select('status').where('conversation_id', '=', conversationId).execute()).map((r) => r.status), { timeout: 5000 })
      .toEqual(['sent', 'sent']);
    const deliveries = async () =>
      (await db.kysely.selectFrom('events').select('data').where('conversation_id', '=', conversationId).where('type', '=', 'message.delivery').execute()).map((e) => JSON.parse(e.data) as unknown);
    await expect.poll(deliveries, { timeout: 5000 }).toEqual([
      { seq: reply.body.seq, status: 'sent' },
      { seq: second.body.seq, status: 'sent' },
    ]);
    await db.close();
  }, 30_000);
});
