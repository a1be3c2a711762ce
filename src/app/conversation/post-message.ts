import { TALKING_STATES } from '../../core/conversation/lifecycle.js';
import type { ConversationEvent } from '../../core/model/index.js';
import { errors } from '../app.errors.js';
import type { ServiceDeps } from '../deps.js';
import { enforceTimeOut } from '../safety/enforce-time-out.js';
import { screenCustomerMessage } from '../safety/screen-customer-message.js';
import { answerCustomerMessage } from '../bot/answer-customer-message.js';
import { attachmentRefs } from '../channels/agent-attachments.js';
import { assertAssigned, assertOpen, type Participant } from './access.js';

export interface PostMessageInput {
  conversationId: string;
  clientId: string;
  text: string;
  /** Agents only: an internal note, never shown to the customer. */
  internal?: boolean;
  /** Agents only: files uploaded for this conversation (POST …/attachments) that go with the message. */
  attachmentIds?: string[];
  /** Customer messages from a channel adapter: subject, sanitised HTML, attachments, location … (never the sender's address). */
  channelData?: Record<string, unknown>;
}

/** Stores a message and resolves with its sequence number once it is durable. Retries with the same clientId are stored once. */
export async function postMessage(deps: ServiceDeps, who: Participant, input: PostMessageInput): Promise<{ seq: number; duplicate: boolean }> {
  if (who.kind === 'customer' && who.conversationId !== input.conversationId) throw errors.badToken();
  const attachmentIds = input.attachmentIds ?? [];
  if (who.kind === 'customer' && attachmentIds.length > 0) throw errors.forbidden('Customers cannot attach files here');
  // Text may be empty only when a file goes with it (a picture without words); channel input is checked by its adapter.
  if (!input.channelData && !input.text.trim() && attachmentIds.length === 0) throw errors.invalid('text: message is empty');
  let stored: ConversationEvent | undefined;
  const result = await deps.live.withConversation(input.conversationId, async (entry) => {
    const c = entry.conversation;
    const known = entry.recentClientIds.get(input.clientId);
    if (known !== undefined) return { seq: known, duplicate: true };
    assertOpen(c);
    await enforceTimeOut(deps, entry);
    if (!TALKING_STATES.has(c.state)) throw errors.conversationEnded(c.id);
    if (who.kind === 'customer') {
      if (input.internal) throw errors.forbidden('Customers cannot write internal notes');
      const [event] = await deps.recorder.record(entry, [{ type: 'message.created', actor: { kind: 'customer' }, data: { text: input.text, ...(input.channelData ?? {}) }, clientId: input.clientId }], false);
      stored = event;
      return { seq: event!.seq, duplicate: false };
    }
    assertAssigned(c, who.agent);
    // Some channels allow free text only for a while after the customer wrote (WhatsApp: 24 hours).
    if (!input.internal) await deps.channels.assertFreeTextAllowed(c);
    const type = input.internal ? 'note.created' : 'message.created';
    const actor = { kind: 'agent' as const, id: who.agent.id, name: who.agent.name };
    const attachments = attachmentIds.length > 0 ? await attachmentRefs(deps, c, attachmentIds) : [];
    const data = { text: input.text, ...(attachments.length > 0 ? { attachments } : {}) };
    const [event] = await deps.recorder.record(entry, [{ type, actor, data, clientId: input.clientId }], false);
    return { seq: event!.seq, duplicate: false };
  });
  // Screening takes the lock again after the ack: the detector never delays the customer's message.
  if (stored) {
    const message = stored;
    void screenCustomerMessage(deps, message).catch((error: unknown) => deps.log('error', `screening message ${message.seq} of ${message.conversationId} failed`, { error: String(error) }));
    // The bot answers on its own turn of the lock too, after screening had the chance to end it.
    void answerCustomerMessage(deps, message).catch((error: unknown) => deps.log('error', `bot turn on message ${message.seq} of ${message.conversationId} failed`, { error: String(error) }));
  }
  return result;
}
