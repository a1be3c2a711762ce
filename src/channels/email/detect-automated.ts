/**
 * Recognises mail that no person wrote: auto-replies (RFC 3834 Auto-Submitted, X-Autoreply,
 * Precedence), bounces and delivery reports (multipart/report, MAILER-DAEMON), list mail.
 * Such mail must never open a conversation, or two auto-responders would talk forever.
 * Returns the reason, or null for a person's mail.
 */
export interface MailSignals {
  /** Lower-case header names → raw values. */
  headers: ReadonlyMap<string, string>;
  fromAddress: string;
  /** The top-level content type, e.g. multipart/report. */
  contentType: string;
  subject: string;
}

const SYSTEM_SENDERS = /^(mailer-daemon|postmaster|mail-daemon|bounces?|no-?reply|do-?not-?reply)([+@]|$)/i;
const AUTO_SUBJECTS = /^(auto(matic)?[ -]?(reply|response|antwoord)|out of (the )?office|afwezig|absence|réponse automatique|delivery status notification|undeliverable|undelivered mail|mail delivery failed|returned mail)\b/i;

export function detectAutomatedMail(mail: MailSignals): string | null {
  const h = (name: string) => mail.headers.get(name)?.trim().toLowerCase();
  const autoSubmitted = h('auto-submitted');
  if (autoSubmitted && autoSubmitted !== 'no') return `auto-submitted: ${autoSubmitted}`;
  if (h('x-autoreply') !== undefined || h('x-autorespond') !== undefined || h('x-autoresponder') !== undefined) return 'x-autoreply';
  const precedence = h('precedence');
  if (precedence && ['bulk', 'auto_reply', 'junk', 'list'].includes(precedence)) return `precedence: ${precedence}`;
  const suppress = h('x-auto-response-suppress');
  if (suppress && /\b(all|oof|autoreply)\b/.test(suppress) && h('x-ms-exchange-generated-message-source') !== undefined) return 'exchange auto-response';
  if (mail.contentType.toLowerCase().startsWith('multipart/report')) return 'delivery report';
  if (SYSTEM_SENDERS.test(mail.fromAddress)) return `system sender ${mail.fromAddress.split('@')[0]}`;
  if (h('list-id') !== undefined || h('list-unsubscribe') !== undefined) return 'mailing list';
  if (AUTO_SUBJECTS.test(mail.subject.trim())) return 'auto-reply subject';
  return null;
}
