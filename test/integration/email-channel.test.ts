import nodemailer, { type Transporter } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaffClient } from '../support/api-client.js';
import { testDialects } from '../support/databases.js';
import type { FrameSocket } from '../support/frame-socket.js';
import { SmtpSink } from '../support/smtp-sink.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const MAILBOX = 'klantenservice@energienoord.example';
const MAX_ATTACHMENT = 64 * 1024;
const WEBHOOK_SECRET = 'inbound-webhook-secret-0123';

type WireEvent = { conversationId: string; seq: number; type: string; actor: { kind: string }; data: Record<string, unknown> };

/**
 * Email as a channel of the same conversations, over real SMTP on 127.0.0.1: the customer's mail
 * client (nodemailer) delivers to Centraal's intake, the reply leaves through Centraal's outbox to
 * a second SMTP server (the sink) standing in for the customer's provider.
 */
describe.each(testDialects())('the email channel on %s', (dialect) => {
  let sink: SmtpSink;
  let server: TestServer;
  let emma: StaffClient;
  let socket: FrameSocket;
  let customer: Transporter;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    server = await startTestServer(dialect, {
      SMTP_INBOUND_PORT: '0',
      SMTP_OUTBOUND_URL: sink.url,
      EMAIL_MAX_ATTACHMENT_BYTES: String(MAX_ATTACHMENT),
      CHANNEL_OUTBOX_INTERVAL_MS: '50',
      EMAIL_INBOUND_WEBHOOK_SECRET: WEBHOOK_SECRET,
    });
    customer = nodemailer.createTransport({ host: '127.0.0.1', port: server.running.smtpPort!, secure: false, ignoreTLS: true });
    emma = await StaffClient.login(server.url, 'emma@contactpunt.example');
    socket = await emma.socket();
    await socket.request({ t: 'status.set', status: 'available' });
  });

  afterAll(async () => {
    customer?.close();
    await socket?.close();
    await server?.stop();
    await sink?.close();
  });

  async function conversationCount(): Promise<number> {
    const db = await server.database.open();
    const row = await db.kysely.selectFrom('conversations').select((eb) => eb.fn.countAll<number>().as('n')).where('channel', '=', 'email').executeTakeFirstOrThrow();
    await db.close();
    return Number(row.n);
  }

  /** Accepts the offer of the conversation whose first customer message contains `text` (other offers are left ringing). */
  async function acceptOfferFor(text: string): Promise<string> {
    for (;;) {
      const offer = await socket.next((f) => f.t === 'offer');
      const id = String(offer.conversationId);
      const events = await emma.request<{ events: WireEvent[] }>('GET', `/api/conversations/${id}/events?after=0`);
      if (events.body.events.some((e) => e.type === 'message.created' && String(e.data.text).includes(text))) {
        await socket.request({ t: 'offer.accept', conversationId: id });
        return id;
      }
    }
  }

  it('turns a mail into a routed conversation, sends the reply threaded, and threads the answer back', async () => {
    const sent = await customer.sendMail({
      from: { name: 'Jan Jansen', address: 'jan.jansen@klant.example' },
      to: MAILBOX,
      subject: 'Factuur maart te hoog',
      text: 'Goedemiddag,\n\nMijn factuur van maart is veel te hoog. Kunt u dat nakijken?\n\nJan',
      html: '<p>Goedemiddag,</p><p onclick="alert(1)">Mijn factuur van <b>maart</b> is veel te hoog.</p><script>alert(2)</script><img src="https://tracker.example/p.gif">',
      messageId: '<first.jan@klant.example>',
      attachments: [{ filename: 'factuur.pdf', content: Buffer.from('%PDF-1.4 demo'), contentType: 'application/pdf' }],
    });
    expect(sent.response).toMatch(/^250/);

    const offer = await socket.next((f) => f.t === 'offer');
    expect((offer.offer as { channel: string }).channel).toBe('email');
    const conversationId = String(offer.conversationId);
    await socket.request({ t: 'offer.accept', conversationId });

    // An email counts against Emma's email capacity, not her chat capacity.
    const work = await emma.request<{ load: Record<string, number> }>('GET', '/api/agent/work');
    expect(work.body.load).toMatchObject({ email: 1, chat: 0 });

    const events = await emma.request<{ events: WireEvent[] }>('GET', `/api/conversations/${conversationId}/events?after=0`);
    const first = events.body.events.find((e) => e.type === 'message.created' && e.actor.kind === 'customer')!;
    expect(first.data.subject).toBe('Factuur maart te hoog');
    expect(first.data.text).toContain('veel te hoog');
    expect(first.data.html).toContain('<b>maart</b>');
    expect(first.data.html).not.toMatch(/script|onclick|<img|tracker/);
    const [attachment] = first.data.attachments as Array<{ id: string; filename: string; size: number }>;
    expect(attachment!.filename).toBe('factuur.pdf');
    const download = await fetch(`${server.url}/api/conversations/${conversationId}/attachments/${attachment!.id}`, { headers: { cookie: emma.cookie } });
    expect(download.headers.get('content-disposition')).toContain('attachment');
    expect(Buffer.from(await download.arrayBuffer()).toString()).toBe('%PDF-1.4 demo');

    const details = await emma.request<{ contact: { identifier?: string; displayName?: string } }>('GET', `/api/conversations/${conversationId}`);
    expect(details.body.contact.identifier).toBe('jan.jansen@klant.example'); // Energie Noord is not anonymous

    const reply = await emma.request('POST', `/api/conversations/${conversationId}/messages`, { clientId: 'r1', text: 'Beste Jan, ik heb uw factuur nagekeken en het voorschot aangepast.' });
    expect(reply.status).toBe(201);
    const mail = await sink.next((m) => m.envelopeTo.includes('jan.jansen@klant.example'));
    const headers = mail.parsed.headers;
    expect(mail.parsed.inReplyTo).toBe('<first.jan@klant.example>');
    expect(headers.get('references')).toContain('<first.jan@klant.example>');
    expect(mail.parsed.messageId).toMatch(new RegExp(`^<${conversationId}\\.\\d+\\.[0-9a-f]+@energienoord\\.example>$`));
    expect(mail.parsed.from?.value[0]?.address).toBe(MAILBOX);
    const replyTo = mail.parsed.replyTo?.value[0]?.address ?? '';
    expect(replyTo).toMatch(/^klantenservice\+[a-z2-9]{10}@energienoord\.example$/);
    expect(mail.parsed.subject).toMatch(/^Re: Factuur maart te hoog \[#[a-z2-9]{10}\]$/);
    expect(mail.parsed.text).toContain('voorschot aangepast');
    expect(mail.parsed.text).toContain('Energie Noord klantenservice'); // the line's signature
    const delivered = await socket.event('message.delivery', (e) => e.conversationId === conversationId);
    expect(delivered.data).toMatchObject({ seq: (reply.body as { seq: number }).seq, status: 'sent' });

    // The customer answers from a mail client that keeps the headers …
    await customer.sendMail({
      from: 'jan.jansen@klant.example',
      to: replyTo,
      subject: `Re: ${mail.parsed.subject}`,
      text: 'Dank u, dat is duidelijk.\n\nOp 1 maart schreef Energie Noord:\n> Beste Jan, ik heb uw factuur nagekeken',
      inReplyTo: mail.parsed.messageId,
      references: [String(headers.get('references')), mail.parsed.messageId!],
    });
    const answer = await socket.event('message.created', (e) => e.conversationId === conversationId && (e.actor as { kind: string }).kind === 'customer' && String((e.data as { text: string }).text).startsWith('Dank u'));
    expect((answer.data as { text: string }).text).toBe('Dank u, dat is duidelijk.'); // the quoted mail is cut off

    // … and from one that drops them: the reply token in the subject still finds the thread.
    const token = /\[#([a-z2-9]{10})\]/.exec(mail.parsed.subject!)![1];
    await customer.sendMail({ from: 'jan.jansen@klant.example', to: MAILBOX, subject: `Nog een vraag [#${token}]`, text: 'Wanneer krijg ik de nieuwe factuur?' });
    await socket.event('message.created', (e) => e.conversationId === conversationId && String((e.data as { text: string }).text).includes('nieuwe factuur'));

    // The same token from someone else opens their own conversation instead.
    const before = await conversationCount();
    await customer.sendMail({ from: 'iemand.anders@klant.example', to: MAILBOX, subject: `Meelezen [#${token}]`, text: 'Ik probeer mee te lezen in dit gesprek.' });
    expect(await conversationCount()).toBe(before + 1);
    const all = await emma.request<{ events: WireEvent[] }>('GET', `/api/conversations/${conversationId}/events?after=0`);
    expect(all.body.events.some((e) => String(e.data.text ?? '').includes('mee te lezen'))).toBe(false);
  });

  it('does not open a conversation for an auto-reply or a bounce, and notes one in the thread', async () => {
    const before = await conversationCount();
    await customer.sendMail({ from: 'vakantie@klant.example', to: MAILBOX, subject: 'Afwezig: uw bericht', text: 'Ik ben afwezig tot maandag.', headers: { 'Auto-Submitted': 'auto-replied' } });
    await customer.sendMail({ from: 'MAILER-DAEMON@mx.klant.example', to: MAILBOX, subject: 'Undelivered Mail Returned to Sender', text: 'This is the mail system.' });
    await customer.sendMail({ from: 'lijst@klant.example', to: MAILBOX, subject: 'Nieuwsbrief', text: 'Onze aanbiedingen.', headers: { Precedence: 'bulk' } });
    expect(await conversationCount()).toBe(before);

    // An out-of-office answering our reply lands in its thread as a note, not as a customer message.
    const threadMail = sink.mails.find((m) => m.envelopeTo.includes('jan.jansen@klant.example'))!;
    await customer.sendMail({ from: 'jan.jansen@klant.example', to: MAILBOX, subject: 'Automatisch antwoord', text: 'Ik ben er niet.', inReplyTo: threadMail.parsed.messageId, headers: { 'X-Autoreply': 'yes' } });
    const note = await socket.event('channel.automated_received');
    expect(note.data).toMatchObject({ reason: 'x-autoreply' });
    expect(await conversationCount()).toBe(before);
  });

  it('refuses an oversized attachment with SMTP 552 and a clear reason, and stores nothing', async () => {
    const before = await conversationCount();
    const error = await customer
      .sendMail({ from: 'groot@klant.example', to: MAILBOX, subject: 'Foto meter', text: 'Zie bijlage', attachments: [{ filename: 'meter.jpg', content: Buffer.alloc(MAX_ATTACHMENT + 1, 1), contentType: 'image/jpeg' }] })
      .then(() => undefined, (e: { responseCode?: number; response?: string }) => e);
    expect(error?.responseCode).toBe(552);
    expect(error?.response).toContain('meter.jpg');
    expect(error?.response).toContain('limit is 64 kB per attachment');
    expect(await conversationCount()).toBe(before);

    // A program renamed to a PDF is refused (554) before anything is stored.
    const program = await customer
      .sendMail({ from: 'factuur@klant.example', to: MAILBOX, subject: 'Factuur', text: 'Zie bijlage', attachments: [{ filename: 'factuur.pdf', content: Buffer.from('4d5a90000300000004000000ffff0000', 'hex'), contentType: 'application/pdf' }] })
      .then(() => undefined, (e: { responseCode?: number; response?: string }) => e);
    expect(program?.responseCode).toBe(554);
    expect(program?.response).toContain('is a program');
    expect(await conversationCount()).toBe(before);

    // A voice note is accepted on WhatsApp only: by mail it is still refused by its type (554).
    const voice = await customer
      .sendMail({ from: 'spraak@klant.example', to: MAILBOX, subject: 'Bericht', text: 'Zie bijlage', attachments: [{ filename: 'bericht.ogg', content: Buffer.from('OggS\u0000\u0002OpusHead', 'latin1'), contentType: 'audio/ogg' }] })
      .then(() => undefined, (e: { responseCode?: number; response?: string }) => e);
    expect(voice?.responseCode).toBe(554);
    expect(voice?.response).toContain('has type audio/ogg, which we do not accept');
    expect(await conversationCount()).toBe(before);

    const unknown = await customer.sendMail({ from: 'x@klant.example', to: 'niemand@energienoord.example', subject: 'x', text: 'x' }).then(() => undefined, (e: { responseCode?: number }) => e);
    expect(unknown?.responseCode).toBe(550);
  });

  it('records a refused delivery on the message, with the provider error, for the agent', async () => {
    await customer.sendMail({ from: 'refuse.me@klant.example', to: MAILBOX, subject: 'Meterstand', text: 'Mijn meterstand is 4711.' });
    const conversationId = await acceptOfferFor('4711');
    const reply = await emma.request<{ seq: number }>('POST', `/api/conversations/${conversationId}/messages`, { clientId: 'r-refused', text: 'Dank u, verwerkt.' });
    const failed = await socket.event('message.delivery', (e) => e.conversationId === conversationId);
    expect(failed.data).toMatchObject({ seq: reply.body.seq, status: 'failed', error: { code: 'SMTP_550' } });
    expect(String((failed.data as { error: { message: string } }).error.message)).toContain('No such user');
  });

  it('gives a French mail on a Dutch and French line the French language, for a French-speaking agent', async () => {
    await customer.sendMail({ from: 'claire@client.example', to: MAILBOX, subject: 'Plan de paiement', text: 'Bonjour, je voudrais un plan de paiement pour ma facture de mars. Merci beaucoup.' });
    const db = await server.database.open();
    const language = async () => (await db.kysely.selectFrom('conversations as c').innerJoin('channel_threads as t', 't.conversation_id', 'c.id').select('c.language').where('t.subject', '=', 'Plan de paiement').executeTakeFirst())?.language;
    await expect.poll(language).toBe('fr');
    await db.close();
  });

  it('takes parsed mail from a provider webhook as well, behind its bearer secret', async () => {
    const body = { from: { address: 'webhook.klant@klant.example', name: 'Wim' }, to: [MAILBOX], subject: 'Via de provider', text: 'Mijn meterstand is 9999.', messageId: '<wh.1@klant.example>' };
    const post = (auth: string | undefined) =>
      fetch(`${server.url}/api/channels/email/inbound`, { method: 'POST', headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) }, body: JSON.stringify(body) });
    const refused = await post('Bearer wrong-secret-wrong-secret');
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('EMAIL_WEBHOOK_UNAUTHORISED');
    const accepted = await post(`Bearer ${WEBHOOK_SECRET}`);
    expect(accepted.status).toBe(201);
    const outcome = (await accepted.json()) as { outcome: string; conversationId: string };
    expect(outcome.outcome).toBe('new_conversation');
    const again = await post(`Bearer ${WEBHOOK_SECRET}`);
    expect(((await again.json()) as { outcome: string }).outcome).toBe('duplicate');
    const invalid = await fetch(`${server.url}/api/channels/email/inbound`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${WEBHOOK_SECRET}` }, body: JSON.stringify({ to: [] }) });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { error: { code: string } }).error.code).toBe('EMAIL_WEBHOOK_INVALID');
    await acceptOfferFor('9999');
  });

  it('keeps the address from agents on an anonymous line, and the reply still reaches the customer', async () => {
    const beheer = await StaffClient.login(server.url, 'beheer@contactpunt.example');
    const config = await beheer.request<{ lines: Array<Record<string, unknown> & { id: string; channels: string[] }> }>('GET', '/api/admin/config');
    const kinderlijn = config.body.lines.find((l) => l.id === 'ln_kinderlijn')!;
    const { id: _id, tenantId: _tenant, ...input } = kinderlijn;
    const taken = await beheer.request<{ error: { code: string } }>('PUT', '/api/admin/lines/ln_kinderlijn', { ...input, channels: [...kinderlijn.channels, 'email'], email: { address: MAILBOX } });
    expect(taken.status).toBe(409); // Energie Noord's mailbox belongs to Energie Noord
    const badAddress = await beheer.request('PUT', '/api/admin/lines/ln_kinderlijn', { ...input, channels: [...kinderlijn.channels, 'email'], email: { address: 'hulp+x@kinderlijn.example' } });
    expect(badAddress.status).toBe(400);
    const saved = await beheer.request('PUT', '/api/admin/lines/ln_kinderlijn', { ...input, channels: [...kinderlijn.channels, 'email'], email: { address: 'hulp@kinderlijn.example', signature: { nl: 'Groetjes,\nDe Kinderlijn' } } });
    expect(saved.status).toBe(200);

    // Emma also works the Kinderlijn queue.
    const address = 'kim.anoniem@kindmail.example';
    const seen = { payloads: emma.payloads.length, frames: socket.raw.length };
    await customer.sendMail({ from: { name: 'Kim Kindermans', address }, to: 'hulp@kinderlijn.example', subject: 'Ik word gepest', text: `Ik word gepest op school. Mail me terug op ${address} alsjeblieft.` });
    const conversationId = await acceptOfferFor('gepest');
    const log = await emma.request<{ events: WireEvent[] }>('GET', `/api/conversations/${conversationId}/events?after=0`);
    const message = log.body.events.find((e) => e.type === 'message.created' && e.actor.kind === 'customer')!;
    expect(message.data.text).toBe('Ik word gepest op school. Mail me terug op […] alsjeblieft.');
    const details = await emma.request<{ contact: Record<string, unknown> }>('GET', `/api/conversations/${conversationId}`);
    expect(details.body.contact.pseudonym).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(details.body.contact).not.toHaveProperty('identifier');
    await emma.request('GET', `/api/conversations/${conversationId}/channel`);
    await emma.request('GET', `/api/conversations/${conversationId}/history`);
    await emma.request('POST', `/api/conversations/${conversationId}/messages`, { clientId: 'kl-1', text: 'Fijn dat je ons mailt. Vertel eens wat er gebeurt?' });

    const reply = await sink.next((m) => m.envelopeTo.includes(address));
    expect(reply.parsed.text).toContain('Vertel eens wat er gebeurt?');
    expect(reply.parsed.text).toContain('De Kinderlijn');
    expect(reply.parsed.from?.value[0]?.address).toBe('hulp@kinderlijn.example');
    await socket.event('message.delivery', (e) => e.conversationId === conversationId);

    const everything = [...emma.payloads.slice(seen.payloads), ...socket.raw.slice(seen.frames)].join('\n');
    expect(everything).toContain('Vertel eens');
    expect(everything.toLowerCase()).not.toContain('kim.anoniem');
    expect(everything).not.toContain('Kindermans');
    const db = await server.database.open();
    const contact = await db.kysely.selectFrom('contacts as c').innerJoin('conversations as v', 'v.contact_id', 'c.id').select(['c.identifier', 'c.display_name']).where('v.id', '=', conversationId).executeTakeFirstOrThrow();
    const thread = await db.kysely.selectFrom('channel_threads').select('sealed_address').where('conversation_id', '=', conversationId).executeTakeFirstOrThrow();
    await db.close();
    expect(contact).toEqual({ identifier: null, display_name: null });
    expect(thread.sealed_address).not.toContain('kim');
  });
});
