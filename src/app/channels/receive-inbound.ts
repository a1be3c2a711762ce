import { randomBytes } from 'node:crypto';
import { guessLanguage } from '../../ai/text/index.js';
import type { DeliveryStatusUpdate, InboundMessage } from '../../channels/channel-contract.js';
import { contactKey } from '../../core/contact/pseudonym.js';
import { AppError } from '../../core/errors/app-error.js';
import { isTerminal } from '../../core/conversation/lifecycle.js';
import type { Line } from '../../core/model/index.js';
import type { ServiceDeps } from '../deps.js';
import { newId } from '../ids.js';
import { postMessage } from '../conversation/post-message.js';
import { startConversation } from '../conversation/start-conversation.js';
import { sealAddress } from './sealed-address.js';

export type InboundOutcome =
  | { outcome: 'new_conversation' | 'threaded'; conversationId: string; seq: number }
  | { outcome: 'duplicate'; conversationId: string }
  | { outcome: 'automated'; conversationId: string | null; reason: string }
  /** Refused for good (a blocked contact, a line that no longer takes the channel): acknowledged, not stored, not retried. */
  | { outcome: 'refused'; conversationId: null; code: string };

const TOKEN_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/**
 * A customer's email or WhatsApp message enters the same conversations as chat: it threads
 * into the contact's open conversation (by message id, reply token or — on WhatsApp — the open
 * thread of that number), or starts a new one that is queued, routed, screened and answered by
 * the line's bot like a chat. Resolves once the message is durable.
 *
 * Threading requires the same contact: a forwarded mail or a guessed token from another sender
 * starts its own conversation instead of writing into someone else's.
 */
export async function receiveInbound(deps: ServiceDeps, item: InboundMessage): Promise<InboundOutcome> {
  const line = deps.directory.line(item.lineId);
  const tenant = deps.directory.tenant(line.tenantId);
  const key = contactKey(tenant.secret, item.from.identifierKind, item.from.address);
  // One sender's messages are taken one at a time: two quick WhatsApp messages (webhooks arrive in parallel)
  // or a redelivered mail racing its first delivery must land in one conversation, not start two.
  return deps.channels.senderTurns.run(`${line.id}:${item.channel}:${key}`, () => receiveInTurn(deps, line, key, item));
}

async function receiveInTurn(deps: ServiceDeps, line: Line, key: string, item: InboundMessage): Promise<InboundOutcome> {
  const known = await deps.repos.channels.messageByExternalId(item.channel, item.externalId);
  if (known) return { outcome: 'duplicate', conversationId: known.conversationId };
  const tenant = deps.directory.tenant(line.tenantId);
  const contact = await deps.repos.contacts.findByKey(line.tenantId, key);
  const threaded = contact ? await findThread(deps, line, contact.id, item) : undefined;

  if (item.automated) {
    // Auto-replies and bounces never open a conversation; in a thread the agent sees that one came.
    if (threaded) await recordAutomated(deps, threaded, item);
    else deps.log('info', 'automatic mail dropped', { lineId: line.id, reason: item.automated });
    return { outcome: 'automated', conversationId: threaded ?? null, reason: item.automated };
  }

  const clientId = `${item.channel}:${item.externalId}`.slice(0, 200);
  const text = redact(line, item.text, item.from.address) || '…';
  if (threaded) {
    try {
      const channelData = await channelDataOf(deps, line, item, threaded);
      const { seq } = await postMessage(deps, { kind: 'customer', conversationId: threaded }, { conversationId: threaded, clientId, text, channelData });
      await afterStored(deps, line, threaded, item, seq);
      return { outcome: 'threaded', conversationId: threaded, seq };
    } catch (error) {
      // Closed in the meantime: the customer's message starts a new conversation instead of being lost.
      if (!(error instanceof AppError && error.code === 'CONVERSATION_ENDED')) throw error;
    }
  }
  const started = await startConversation(deps, {
    lineId: line.id,
    channel: item.channel,
    identifier: { kind: item.from.identifierKind, value: item.from.address },
    ...(item.from.displayName ? { displayName: item.from.displayName } : {}),
    // A French mail on a NL/FR line goes to a French-speaking agent; unclear text keeps the line's first language.
    ...(line.languages.length > 1 ? { language: guessLanguage(`${item.subject ?? ''}\n${item.text}`, line.languages) ?? line.languages[0]! } : {}),
    acceptOutsideOpeningHours: deps.channels.adapterFor(item.channel)?.capabilities.asynchronous ?? false,
  });
  const conversation = deps.live.peek(started.conversationId)?.conversation;
  await deps.repos.channels.insertThread({
    conversation_id: started.conversationId,
    tenant_id: line.tenantId,
    line_id: line.id,
    contact_id: conversation?.contactId ?? '',
    channel: item.channel,
    sealed_address: sealAddress(tenant.secret, item.from.address),
    reply_token: replyToken(),
    subject: item.subject ? redact(line, item.subject, item.from.address).slice(0, 500) : null,
    last_inbound_at: null,
    created_at: deps.clock.now(),
  });
  const channelData = await channelDataOf(deps, line, item, started.conversationId);
  const { seq } = await postMessage(deps, { kind: 'customer', conversationId: started.conversationId }, { conversationId: started.conversationId, clientId, text, channelData });
  await afterStored(deps, line, started.conversationId, item, seq);
  return { outcome: 'new_conversation', conversationId: started.conversationId, seq };
}

/** A provider's delivery report on a message we sent: a `message.delivery` the agent sees on that message. */
export async function receiveStatus(deps: ServiceDeps, update: DeliveryStatusUpdate): Promise<boolean> {
  const sent = await deps.repos.channels.messageByExternalId(update.channel, update.externalId);
  if (!sent || sent.direction !== 'out' || sent.seq === null) return false;
  await recordDelivery(deps, sent.conversationId, sent.seq, update.status, update.error ? { code: update.error.code, message: update.error.message } : undefined);
  return true;
}

/** Records a delivery status in the conversation's log (also after it closed, for the record). */
export async function recordDelivery(deps: ServiceDeps, conversationId: string, seq: number, status: string, error?: { code: string; message: string }): Promise<void> {
  const wasLive = deps.live.peek(conversationId) !== undefined;
  await deps.live.withConversation(conversationId, (entry) =>
    deps.recorder.record(entry, [{ type: 'message.delivery', actor: { kind: 'system' }, data: { seq, status, ...(error ? { error } : {}) } }], false),
  );
  const after = deps.live.peek(conversationId);
  if (!wasLive && after && isTerminal(after.conversation.state)) deps.live.evict(conversationId);
}

async function findThread(deps: ServiceDeps, line: Line, contactId: string, item: InboundMessage): Promise<string | undefined> {
  const candidates: string[] = [];
  const byId = await deps.repos.channels.conversationOfAny(item.channel, item.inReplyTo);
  if (byId) candidates.push(byId);
  if (item.replyToken) {
    const thread = await deps.repos.channels.threadByToken(item.replyToken);
    if (thread) candidates.push(thread.conversation_id);
  }
  for (const conversationId of candidates) {
    const thread = await deps.repos.channels.threadOf(conversationId);
    if (thread && thread.contact_id === contactId && thread.line_id === line.id && (await deps.repos.channels.isConversationOpen(conversationId))) return conversationId;
  }
  // A chat-like channel (no subject, no references needed): the number's open conversation continues.
  if (!deps.channels.adapterFor(item.channel)?.capabilities.html) {
    return (await deps.repos.channels.openThreadOfContact(line.id, item.channel, contactId))?.conversation_id;
  }
  return undefined;
}

async function afterStored(deps: ServiceDeps, line: Line, conversationId: string, item: InboundMessage, seq: number): Promise<void> {
  // Media at the provider: only queued here (before the webhook's 200), fetched by the media worker afterwards.
  // Queued before the message id is remembered: if that fails, the provider's redelivery queues it (once) again.
  const media = item.extra?.media as { kind: string; mediaId: string; mimeType: string | null; filename: string | null } | undefined;
  if (media && deps.channels.adapterFor(item.channel)?.mediaInfo) {
    await deps.repos.channels.insertMediaFetch({ tenantId: line.tenantId, conversationId, seq, mediaId: media.mediaId, kind: media.kind, mimeType: media.mimeType, filename: media.filename, now: deps.clock.now() });
  }
  await deps.repos.channels.rememberMessage({ tenantId: line.tenantId, conversationId, channel: item.channel, externalId: item.externalId, direction: 'in', seq, at: deps.clock.now() });
  await deps.repos.channels.noteInbound(conversationId, Math.min(item.sentAt, deps.clock.now()));
}

async function recordAutomated(deps: ServiceDeps, conversationId: string, item: InboundMessage): Promise<void> {
  await deps.live.withConversation(conversationId, (entry) =>
    deps.recorder.record(entry, [{ type: 'channel.automated_received', actor: { kind: 'system' }, data: { reason: item.automated, subject: item.subject ?? null } }], false),
  );
  const line = deps.directory.line(item.lineId);
  await deps.repos.channels.rememberMessage({ tenantId: line.tenantId, conversationId, channel: item.channel, externalId: item.externalId, direction: 'in', seq: null, at: deps.clock.now() });
}

/** What the agent sees besides the text; attachments are stored first and referenced by id. */
async function channelDataOf(deps: ServiceDeps, line: Line, item: InboundMessage, conversationId: string): Promise<Record<string, unknown>> {
  const data: Record<string, unknown> = { channel: item.channel };
  if (item.subject !== undefined) data.subject = redact(line, item.subject, item.from.address);
  if (item.html) data.html = redact(line, item.html, item.from.address);
  if (item.extra) data.channelContent = item.extra;
  if (item.attachments.length > 0) {
    const stored = [];
    for (const a of item.attachments) {
      const id = newId('at');
      await deps.repos.channels.insertAttachment({
        id,
        tenant_id: line.tenantId,
        conversation_id: conversationId,
        filename: a.filename.slice(0, 255),
        content_type: a.contentType,
        size: a.size,
        content_base64: a.content.toString('base64'),
        created_at: deps.clock.now(),
      });
      stored.push({ id, filename: a.filename, contentType: a.contentType, size: a.size });
    }
    data.attachments = stored;
  }
  return data;
}

/** On an anonymous line the sender's address is cut out of what agents read (quoted headers, signatures). */
function redact(line: Line, text: string, address: string): string {
  if (!line.anonymous || !address) return text;
  return text.split(address).join('[…]');
}

function replyToken(): string {
  const bytes = randomBytes(10);
  return [...bytes].map((b) => TOKEN_ALPHABET[b % TOKEN_ALPHABET.length]).join('');
}

/** Everything one provider delivery carried, in order; resolves once all of it is durable. */
/**
 * Several nodes: hands a tenant's inbound items to the node that holds the tenant's routing lease,
 * where its conversations are written. Returns undefined when this node holds the tenant.
 */
export interface InboundForwarder {
  forward(tenantId: string, items: ReadonlyArray<InboundMessage | DeliveryStatusUpdate>): Promise<InboundOutcome[]> | undefined;
}

/**
 * Stores a webhook's or a mail's items; resolves once they are durable. With several nodes each
 * item is stored on its tenant's lease holder, whichever node the provider reached.
 */
export async function receiveItems(deps: ServiceDeps, items: ReadonlyArray<InboundMessage | DeliveryStatusUpdate>): Promise<InboundOutcome[]> {
  const forwarder = deps.inboundForwarder;
  if (!forwarder) return receiveItemsHere(deps, items);
  const outcomes: InboundOutcome[] = [];
  for (const item of items) {
    const tenantId = await tenantOfItem(deps, item);
    const remote = tenantId === undefined ? undefined : forwarder.forward(tenantId, [item]);
    outcomes.push(...(await (remote ?? receiveItemsHere(deps, [item]))));
  }
  return outcomes;
}

async function tenantOfItem(deps: ServiceDeps, item: InboundMessage | DeliveryStatusUpdate): Promise<string | undefined> {
  if (item.kind === 'message') return deps.directory.findLine(item.lineId)?.tenantId;
  const sent = await deps.repos.channels.messageByExternalId(item.channel, item.externalId);
  return sent ? (await deps.repos.conversations.getAnyTenant(sent.conversationId))?.tenantId : undefined;
}

/** Stores the items on this node (the tenant's holder, or the only node). */
export async function receiveItemsHere(deps: ServiceDeps, items: ReadonlyArray<InboundMessage | DeliveryStatusUpdate>): Promise<InboundOutcome[]> {
  const outcomes: InboundOutcome[] = [];
  for (const item of items) {
    if (item.kind === 'status') {
      await receiveStatus(deps, item);
      continue;
    }
    try {
      outcomes.push(await receiveInbound(deps, item));
    } catch (error) {
      // A provider that gets an error delivers again; only a temporary failure deserves that.
      if (!(error instanceof AppError) || error.retryable || error.status >= 500) throw error;
      deps.log('info', 'inbound message refused', { channel: item.channel, lineId: item.lineId, code: error.code });
      outcomes.push({ outcome: 'refused', conversationId: null, code: error.code });
    }
  }
  return outcomes;
}
