import { summariseExtractiveSentences, type SummaryTurn } from '../../ai/summary/index.js';
import type { Agent, Language } from '../../core/model/index.js';
import { assertCanRead } from '../conversation/access.js';
import { loadConversation } from '../conversation/read-conversation.js';
import type { ServiceDeps } from '../deps.js';
import { channelErrors } from './channel.errors.js';

/** Threads longer than this many characters (about a screen of mail) get a summary in the desktop. */
const SUMMARY_FROM_CHARS = 700;

/**
 * What the desktop shows about an email or WhatsApp conversation besides the transcript: the
 * subject, the reply window, the line's templates and, for a long thread, an extractive summary.
 * Never the customer's address: that stays sealed in the channel layer.
 */
export async function channelView(deps: ServiceDeps, agent: Agent, conversationId: string) {
  const c = await loadConversation(deps, conversationId);
  assertCanRead(c, { kind: 'agent', agent });
  const adapter = deps.channels.adapterFor(c.channel);
  if (!adapter) return { channel: c.channel, capabilities: null, subject: null, replyWindow: null, templates: [], summary: null };
  const line = deps.directory.line(c.lineId);
  const thread = await deps.repos.channels.threadOf(c.id);
  const events = await deps.repos.events.listAfter(c.id, 0, 500);
  const messages: SummaryTurn[] = events
    .filter((e) => e.type === 'message.created' && ['customer', 'agent', 'bot'].includes(e.actor.kind))
    .map((e) => ({ speaker: e.actor.kind as SummaryTurn['speaker'], text: String(e.data.text ?? '') }));
  const total = messages.reduce((sum, m) => sum + m.text.length, 0);
  const all = adapter.capabilities.templates ? (line.whatsapp?.templates ?? []) : [];
  const inLanguage = all.filter((t) => t.language === c.language);
  const templates = inLanguage.length > 0 ? inLanguage : all;
  return {
    channel: c.channel,
    capabilities: adapter.capabilities,
    subject: thread?.subject ?? null,
    replyWindow: await deps.channels.replyWindow(c),
    templates: templates.map((t) => ({ name: t.name, language: t.language, body: t.body, parameters: new Set(t.body.match(/\{\{\d+\}\}/g) ?? []).size })),
    summary: total >= SUMMARY_FROM_CHARS ? threadSummary(messages, c.language) : null,
  };
}

/** The channel panel's shape of the summary: each sentence with who said it and in which message. */
function threadSummary(messages: readonly SummaryTurn[], language: Language) {
  return summariseExtractiveSentences(messages, language, { maxSentences: 4 }).map((s) => ({ from: s.speaker, message: s.turn, text: s.text }));
}

/** An inbound attachment, for readers of its conversation only. */
export async function readAttachment(deps: ServiceDeps, agent: Agent, conversationId: string, attachmentId: string) {
  const c = await loadConversation(deps, conversationId);
  assertCanRead(c, { kind: 'agent', agent });
  const attachment = await deps.repos.channels.attachment(c.tenantId, attachmentId);
  if (!attachment || attachment.conversation_id !== c.id) throw channelErrors.attachmentNotFound(attachmentId);
  return { filename: attachment.filename, contentType: attachment.content_type, content: Buffer.from(attachment.content_base64, 'base64') };
}
