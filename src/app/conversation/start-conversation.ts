import { createHmac, timingSafeEqual } from 'node:crypto';
import { contactKey, pseudonymFromKey } from '../../core/contact/pseudonym.js';
import { isOpen } from '../../core/line/opening-hours.js';
import type { Channel, Contact, Conversation, ConversationContext, IdentifierKind, Language, Line } from '../../core/model/index.js';
import { EMPTY_REGISTRATION, pickText } from '../../core/model/index.js';
import { errors } from '../app.errors.js';
import { signWidgetToken } from '../auth/widget-token.js';
import type { ServiceDeps } from '../deps.js';
import { newId } from '../ids.js';
import { assertContactNotBlocked } from '../safety/assert-contact-not-blocked.js';
import { activeBotOf } from '../bot/bot-models.js';
import { botActor } from '../bot/answer-customer-message.js';
import type { EventDraft } from './event-recorder.js';
import { startBrowserIvr } from '../voice/voice-session.js';

export interface StartConversationInput {
  lineId: string;
  channel: Channel;
  language?: Language;
  topicId?: string;
  /** How the customer is known: a widget visitor id, a phone number, an email, … */
  identifier: { kind: IdentifierKind; value: string };
  displayName?: string;
  /** Asynchronous channels (email, WhatsApp): the customer is not waiting, so a closed line still takes the message into its queue. */
  acceptOutsideOpeningHours?: boolean;
  context?: {
    page?: string;
    selfServiceSteps?: string[];
    customerRef?: string;
    /** hex HMAC-SHA256 of customerRef with the line's context secret, made by the host page's server. */
    customerRefSignature?: string;
  };
}

export interface StartedConversation {
  conversationId: string;
  token: string;
  language: Language;
  contactPseudonym: string;
}

/**
 * A customer starts a conversation on a line: contact by pseudonymous key, then queue and route.
 * On a line with an active customer bot the conversation starts in state `bot` with the bot's
 * greeting instead; the bot hands it to the queue later (src/app/bot/).
 */
export async function startConversation(deps: ServiceDeps, input: StartConversationInput): Promise<StartedConversation> {
  const line = deps.directory.line(input.lineId);
  const now = deps.clock.now();
  if (!line.channels.includes(input.channel)) throw errors.channelNotOffered(input.channel);
  const language = input.language ?? line.languages[0] ?? 'nl';
  if (!line.languages.includes(language)) throw errors.languageNotOffered(language);
  if (!input.acceptOutsideOpeningHours && !isOpen(line.openingHours, now)) throw errors.lineClosed(line.name);
  const tenant = deps.directory.tenant(line.tenantId);
  await assertContactNotBlocked(deps, line, contactKey(tenant.secret, input.identifier.kind, input.identifier.value), language, now);
  const contact = await findOrCreateContact(deps, line, tenant.secret, input, now);
  const queueId = (input.topicId && line.topicQueues[input.topicId]) || line.defaultQueueId;
  const queue = deps.directory.queue(line.tenantId, queueId);
  // A call goes through the line's IVR flow (its saved one, or the default: a welcome, then the queue).
  const ivr = input.channel === 'voice';
  const bot = input.channel === 'voice' ? undefined : activeBotOf(line);
  const conversation: Conversation = {
    id: newId('cv'),
    tenantId: line.tenantId,
    lineId: line.id,
    queueId: queue.id,
    contactId: contact.id,
    channel: input.channel,
    language,
    state: bot || ivr ? 'bot' : 'queued',
    priority: queue.priority,
    assignedAgentId: null,
    offeredAgentId: null,
    offerExpiresAt: null,
    createdAt: now,
    // A bot conversation has not reached the queue yet: reports count it as bot-resolved unless it does.
    enqueuedAt: bot || ivr ? null : now,
    acceptedAt: null,
    closedAt: null,
    registration: EMPTY_REGISTRATION,
    context: input.channel === 'voice' ? { ...buildContext(line, input), browserCall: true } : buildContext(line, input),
  };
  const entry = deps.live.add(conversation);
  const drafts: EventDraft[] = [{ type: 'conversation.started', actor: { kind: 'customer' }, data: { lineId: line.id, lineName: line.name, channel: input.channel, language } }];
  if (input.channel === 'voice') drafts.push({ type: 'call.started', actor: { kind: 'customer' }, data: { via: 'widget' } });
  if (bot) drafts.push({ type: 'message.created', actor: botActor(bot), data: { text: pickText(bot.greeting, language) } });
  else if (!ivr) drafts.push({ type: 'conversation.queued', actor: { kind: 'system' }, data: { queueId: queue.id, queueName: queue.name } });
  await deps.live.withConversation(conversation.id, () => deps.recorder.record(entry, drafts, true));
  if (ivr) await startBrowserIvr(deps, conversation.id);
  else if (!bot) deps.routing.enqueue(conversation);
  return { conversationId: conversation.id, token: signWidgetToken(tenant.secret, conversation.id), language, contactPseudonym: contact.pseudonym };
}

async function findOrCreateContact(deps: ServiceDeps, line: Line, secret: string, input: StartConversationInput, now: number): Promise<Contact> {
  const key = contactKey(secret, input.identifier.kind, input.identifier.value);
  const existing = await deps.repos.contacts.findByKey(line.tenantId, key);
  if (existing) return existing;
  return deps.repos.contacts.insertOrGet(
    {
      id: newId('ct'),
      tenantId: line.tenantId,
      key,
      pseudonym: pseudonymFromKey(key),
      identifierKind: input.identifier.kind,
      // On an anonymous line the raw identifier is never stored where an agent could read it.
      identifier: line.anonymous ? null : input.identifier.value,
      displayName: line.anonymous ? null : (input.displayName ?? null),
    },
    now,
  );
}

function buildContext(line: Line, input: StartConversationInput): ConversationContext {
  const context: ConversationContext = {};
  const given = input.context;
  if (input.topicId) context.topicChoice = input.topicId;
  if (!given) return context;
  if (given.page) context.page = given.page;
  if (given.selfServiceSteps?.length) context.selfServiceSteps = given.selfServiceSteps;
  if (given.customerRef && !line.anonymous) {
    context.customerRef = given.customerRef;
    context.customerRefVerified = verifyCustomerRef(line.contextSecret, given.customerRef, given.customerRefSignature);
  }
  return context;
}

/** The host page's server signs the customer reference; an unsigned one is shown as unverified. */
export function verifyCustomerRef(secret: string | null, ref: string, signature: string | undefined): boolean {
  if (!secret || !signature) return false;
  const expected = Buffer.from(createHmac('sha256', secret).update(ref).digest('hex'));
  const given = Buffer.from(signature.toLowerCase());
  return expected.length === given.length && timingSafeEqual(expected, given);
}
