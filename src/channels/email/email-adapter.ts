import { randomBytes } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import { z } from 'zod';
import { pickText } from '../../core/model/index.js';
import { ChannelSendError, InboundRefusal, type ChannelAdapter, type ChannelCapabilities, type InboundItem, type LineLookup, type OutboundMessage, type SendResult } from '../channel-contract.js';
import { bare, parseRfc822, toInboundMessage, type NeutralMail } from './parse-email.js';
import { plusAddress, replySubject } from './reply-token.js';

/** Inbound mail as the SMTP server hands it over, or as a provider posts it already parsed. */
export type EmailRaw = { kind: 'rfc822'; source: Buffer; recipients: string[] } | { kind: 'webhook'; body: unknown };

export const EMAIL_CAPABILITIES: ChannelCapabilities = {
  typing: false,
  readReceipts: false,
  templates: false,
  html: true,
  attachments: true,
  replyWindowMs: null,
  asynchronous: true,
};

/** The parsed-mail webhook body (providers differ; this is the shape we document in docs/architecture.md). */
const webhookMail = z.object({
  from: z.object({ address: z.string().min(3).max(254), name: z.string().max(200).optional() }),
  to: z.array(z.string().min(3).max(254)).min(1).max(50),
  subject: z.string().max(2000).default(''),
  text: z.string().max(1_000_000).default(''),
  html: z.string().max(2_000_000).optional(),
  messageId: z.string().max(998).optional(),
  inReplyTo: z.string().max(998).optional(),
  references: z.array(z.string().max(998)).max(100).default([]),
  headers: z.record(z.string(), z.string().max(10_000)).default({}),
  attachments: z.array(z.object({ filename: z.string().min(1).max(255), contentType: z.string().min(3).max(255), contentBase64: z.string() })).max(50).default([]),
  date: z.string().datetime({ offset: true }).optional(),
});

export interface EmailAdapterOptions {
  lines: LineLookup;
  /** smtp://host:port; undefined: sends fail with EMAIL_OUTBOUND_NOT_CONFIGURED. */
  outboundUrl: string | undefined;
  maxAttachmentBytes: number;
  now: () => number;
}

/** Email: inbound RFC 822 (SMTP) or parsed mail (webhook), outbound through an SMTP relay with nodemailer. */
export class EmailAdapter implements ChannelAdapter<EmailRaw> {
  readonly channel = 'email' as const;
  readonly capabilities = EMAIL_CAPABILITIES;
  private readonly transport: Transporter | undefined;

  constructor(private readonly options: EmailAdapterOptions) {
    this.transport = options.outboundUrl ? nodemailer.createTransport(options.outboundUrl) : undefined;
  }

  async parseInbound(raw: EmailRaw): Promise<InboundItem[]> {
    const mail = raw.kind === 'rfc822' ? await parseRfc822(raw.source, raw.recipients) : fromWebhook(raw.body);
    return [toInboundMessage(mail, this.options.lines(), { maxAttachmentBytes: this.options.maxAttachmentBytes }, this.options.now())];
  }

  async send(message: OutboundMessage): Promise<SendResult> {
    const settings = message.line.email;
    if (!settings) throw new ChannelSendError({ code: 'EMAIL_LINE_HAS_NO_ADDRESS', message: `Line ${message.line.name} has no email address`, retryable: false });
    if (!this.transport) throw new ChannelSendError({ code: 'EMAIL_OUTBOUND_NOT_CONFIGURED', message: 'No SMTP relay is configured (SMTP_OUTBOUND_URL)', retryable: false });
    const domain = settings.address.split('@')[1]!;
    const messageId = `${message.conversationId}.${message.seq}.${randomBytes(6).toString('hex')}@${domain}`;
    const signature = settings.signature ? pickText(settings.signature, message.language) : '';
    const text = signature ? `${message.text}\n\n-- \n${signature}` : message.text;
    try {
      await this.transport.sendMail({
        from: { name: settings.displayName ?? message.line.name, address: settings.address },
        replyTo: plusAddress(settings.address, message.thread.replyToken),
        to: message.to,
        subject: replySubject(message.thread.subject, message.thread.replyToken),
        messageId: `<${messageId}>`,
        ...(message.thread.inReplyTo ? { inReplyTo: `<${message.thread.inReplyTo}>` } : {}),
        ...(message.thread.references.length > 0 ? { references: message.thread.references.map((r) => `<${r}>`) } : {}),
        text,
        // Name and type as uploaded; nodemailer adds no author or other metadata to the parts.
        ...(message.attachments?.length ? { attachments: message.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })) } : {}),
        headers: message.automatic ? { 'Auto-Submitted': 'auto-replied' } : {},
      });
    } catch (error) {
      throw new ChannelSendError(smtpError(error));
    }
    return { externalId: messageId };
  }

  async close(): Promise<void> {
    this.transport?.close();
  }
}

function fromWebhook(body: unknown): NeutralMail {
  const parsed = webhookMail.safeParse(body);
  if (!parsed.success) throw new InboundRefusal('EMAIL_WEBHOOK_INVALID', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), 400);
  const mail = parsed.data;
  const headers = new Map(Object.entries(mail.headers).map(([k, v]) => [k.toLowerCase(), v] as const));
  return {
    recipients: mail.to,
    from: { address: mail.from.address, ...(mail.from.name ? { name: mail.from.name } : {}) },
    subject: mail.subject,
    messageId: bare(mail.messageId),
    inReplyTo: [mail.inReplyTo, ...[...mail.references].reverse()].map(bare).filter((id): id is string => Boolean(id)),
    text: mail.text,
    html: mail.html ?? null,
    headers,
    contentType: headers.get('content-type')?.split(';')[0]?.trim() ?? 'text/plain',
    attachments: mail.attachments.map((a) => {
      const content = Buffer.from(a.contentBase64, 'base64');
      return { filename: a.filename, contentType: a.contentType.toLowerCase(), size: content.length, content };
    }),
    date: mail.date ? Date.parse(mail.date) : undefined,
  };
}

function smtpError(error: unknown): { code: string; message: string; retryable: boolean } {
  const e = error as { responseCode?: number; code?: string; response?: string; message?: string };
  if (typeof e.responseCode === 'number') {
    return { code: `SMTP_${e.responseCode}`, message: e.response ?? e.message ?? 'refused', retryable: e.responseCode < 500 };
  }
  return { code: e.code ?? 'SMTP_ERROR', message: e.message ?? String(error), retryable: true };
}
