import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import type { Line } from '../../core/model/index.js';
import { attachmentProblem, formatBytes } from '../attachments/attachment-rules.js';
import { looksLikeProgram } from '../attachments/sniff-content.js';
import { InboundRefusal, type InboundAttachment, type InboundMessage } from '../channel-contract.js';
import { detectAutomatedMail } from './detect-automated.js';
import { splitPlusAddress, tokenFromSubject } from './reply-token.js';
import { htmlToText, sanitizeEmailHtml } from './sanitize-email-html.js';
import { stripQuotedReply } from './strip-quoted-reply.js';

/** The allow-list lives with the upload rules (src/channels/attachments); re-exported for existing readers. */
export { ALLOWED_ATTACHMENT_TYPES } from '../attachments/attachment-rules.js';

export interface EmailLimits {
  maxAttachmentBytes: number;
}

/** A mail in a neutral shape, from SMTP (parsed RFC 822) or from a provider's inbound webhook. */
export interface NeutralMail {
  recipients: string[];
  from: { address: string; name?: string };
  subject: string;
  messageId: string | undefined;
  inReplyTo: string[];
  text: string;
  html: string | null;
  headers: Map<string, string>;
  contentType: string;
  attachments: InboundAttachment[];
  date: number | undefined;
}

/** Finds the line a mail is for: one of its recipients is the line's address (with or without +token). */
export function lineForRecipients(lines: readonly Line[], recipients: readonly string[]): { line: Line; token?: string } | undefined {
  for (const recipient of recipients) {
    const { base, token } = splitPlusAddress(recipient);
    const line = lines.find((l) => l.email?.address.toLowerCase() === base && l.channels.includes('email'));
    if (line) return { line, ...(token ? { token } : {}) };
  }
  return undefined;
}

/** Parses an RFC 822 message into the neutral shape; `envelopeRecipients` are the SMTP RCPT TO addresses. */
export async function parseRfc822(source: Buffer, envelopeRecipients: string[]): Promise<NeutralMail> {
  const parsed = await simpleParser(source, { skipImageLinks: true, skipTextToHtml: true, keepDeliveryStatus: true });
  const headers = new Map<string, string>();
  for (const { key, line } of parsed.headerLines) headers.set(key.toLowerCase(), line.slice(line.indexOf(':') + 1).trim());
  const from = firstAddress(parsed.from);
  return {
    recipients: envelopeRecipients.length > 0 ? envelopeRecipients : [...addresses(parsed.to), ...addresses(parsed.cc)],
    from: { address: from?.address ?? '', ...(from?.name ? { name: from.name } : {}) },
    subject: parsed.subject ?? '',
    messageId: bare(parsed.messageId),
    inReplyTo: threadIds(parsed),
    text: parsed.text ?? '',
    html: typeof parsed.html === 'string' ? parsed.html : null,
    headers,
    contentType: headers.get('content-type')?.split(';')[0]?.trim() ?? 'text/plain',
    attachments: parsed.attachments.map((a) => ({ filename: a.filename ?? 'attachment', contentType: a.contentType.toLowerCase(), size: a.size || a.content.length, content: a.content })),
    date: parsed.date?.getTime(),
  };
}

/**
 * The neutral mail as an inbound message of a line. Automatic mail is returned marked (never a
 * conversation); a too large or refused attachment throws an InboundRefusal (SMTP 552 / 554).
 */
export function toInboundMessage(mail: NeutralMail, lines: readonly Line[], limits: EmailLimits, now: number): InboundMessage {
  const target = lineForRecipients(lines, mail.recipients);
  if (!target) throw new InboundRefusal('EMAIL_UNKNOWN_RECIPIENT', `No line receives mail for ${mail.recipients.join(', ') || 'these recipients'}`, 404, 550);
  const fromAddress = mail.from.address.trim().toLowerCase();
  const automated = detectAutomatedMail({ headers: mail.headers, fromAddress, contentType: mail.contentType, subject: mail.subject });
  if (!automated && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(fromAddress)) throw new InboundRefusal('EMAIL_SENDER_INVALID', 'The mail has no valid From address', 422, 550);
  if (!automated) checkAttachments(mail.attachments, limits);
  const html = mail.html ? sanitizeEmailHtml(mail.html) : '';
  const fullText = mail.text.trim() || (mail.html ? htmlToText(mail.html) : '');
  const token = target.token ?? tokenFromSubject(mail.subject);
  return {
    kind: 'message',
    channel: 'email',
    lineId: target.line.id,
    from: { identifierKind: 'email', address: fromAddress, ...(mail.from.name ? { displayName: mail.from.name } : {}) },
    externalId: mail.messageId ?? `generated-${now}-${Math.random().toString(36).slice(2)}`,
    inReplyTo: mail.inReplyTo,
    ...(token ? { replyToken: token } : {}),
    subject: mail.subject,
    text: stripQuotedReply(fullText) || '(—)',
    ...(html ? { html } : {}),
    attachments: automated ? [] : mail.attachments,
    ...(automated ? { automated } : {}),
    sentAt: mail.date && mail.date <= now ? mail.date : now,
  };
}

function checkAttachments(attachments: readonly InboundAttachment[], limits: EmailLimits): void {
  for (const a of attachments) {
    const problem = attachmentProblem(a, limits.maxAttachmentBytes);
    if (problem?.kind === 'too_large') {
      throw new InboundRefusal(
        'EMAIL_ATTACHMENT_TOO_LARGE',
        `5.3.4 Attachment "${a.filename}" is ${formatBytes(a.size)}; the limit is ${formatBytes(limits.maxAttachmentBytes)} per attachment. Please send a smaller file or a link.`,
        413,
        552,
      );
    }
    if (problem?.kind === 'type_refused') {
      throw new InboundRefusal('EMAIL_ATTACHMENT_TYPE_REFUSED', `5.7.1 Attachment "${a.filename}" has type ${a.contentType}, which we do not accept. Please send a PDF, picture or office document.`, 415, 554);
    }
    if (looksLikeProgram(a.content)) {
      throw new InboundRefusal('EMAIL_ATTACHMENT_TYPE_REFUSED', `5.7.1 Attachment "${a.filename}" is a program, which we do not accept. Please send a PDF, picture or office document.`, 415, 554);
    }
  }
}

function firstAddress(from: AddressObject | AddressObject[] | undefined): { address?: string; name?: string } | undefined {
  const list = Array.isArray(from) ? from : from ? [from] : [];
  return list[0]?.value[0];
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(field) ? field : field ? [field] : [];
  return list.flatMap((a) => a.value.map((v) => v.address ?? '')).filter(Boolean);
}

function threadIds(parsed: ParsedMail): string[] {
  const refs = Array.isArray(parsed.references) ? parsed.references : parsed.references ? parsed.references.split(/\s+/) : [];
  const ids = [parsed.inReplyTo, ...refs.reverse()].flatMap((id) => (id ? id.split(/\s+/) : [])).map(bare).filter((id): id is string => Boolean(id));
  return [...new Set(ids)];
}

/** Message ids without the angle brackets. */
export function bare(id: string | undefined): string | undefined {
  const trimmed = id?.trim().replace(/^<|>$/g, '');
  return trimmed ? trimmed : undefined;
}
