import type { Conversation } from '../../core/model/index.js';
import type { WireEvent } from '../../realtime/protocol.js';
import { errors } from '../app.errors.js';
import type { ServiceDeps } from '../deps.js';
import { toWireEvent } from '../views/wire-views.js';
import { assertCanRead, type Participant } from './access.js';

const PAGE = 500;

/** Events after a sequence number, as the reader may see them (what a reconnecting client missed). */
export async function readEvents(deps: ServiceDeps, who: Participant, conversationId: string, afterSeq: number, limit = PAGE): Promise<WireEvent[]> {
  const conversation = await loadConversation(deps, conversationId);
  assertCanRead(conversation, who);
  const events = await deps.repos.events.listAfter(conversationId, afterSeq, Math.min(limit, PAGE));
  const audience = who.kind === 'customer' ? 'customer' : 'agent';
  return events.flatMap((e) => toWireEvent(e, audience) ?? []);
}

export async function loadConversation(deps: ServiceDeps, conversationId: string): Promise<Conversation> {
  const live = deps.live.peek(conversationId);
  if (live) return live.conversation;
  const stored = await deps.repos.conversations.getAnyTenant(conversationId);
  if (!stored) throw errors.notFound('conversation', conversationId);
  return stored;
}

/** What an agent sees of a conversation and its contact: pseudonymous on anonymous lines. */
export async function conversationDetails(deps: ServiceDeps, who: Participant & { kind: 'agent' }, conversationId: string) {
  const c = await loadConversation(deps, conversationId);
  assertCanRead(c, who);
  const line = deps.directory.line(c.lineId);
  const contact = await deps.repos.contacts.get(c.tenantId, c.contactId);
  const queue = deps.directory.findQueue(c.tenantId, c.queueId);
  // A call that came in on a phone line (the telephony adapter's row, not browser signalling): the desktop shows its controls.
  const phoneCall = c.channel === 'voice' && c.context.browserCall !== true ? await deps.repos.voice.findCallByConversation(c.id) : undefined;
  return {
    id: c.id,
    state: c.state,
    channel: c.channel,
    language: c.language,
    line: { id: line.id, name: line.name, anonymous: line.anonymous },
    queue: queue ? { id: queue.id, name: queue.name } : null,
    assignedAgentId: c.assignedAgentId,
    createdAt: new Date(c.createdAt).toISOString(),
    registration: c.registration,
    context: c.context,
    phoneCall: phoneCall && phoneCall.direction === 'inbound' ? { status: phoneCall.status } : null,
    contact: {
      id: contact?.id ?? c.contactId,
      pseudonym: contact?.pseudonym ?? 'unknown',
      ...(line.anonymous || !contact ? {} : { identifier: contact.identifier, identifierKind: contact.identifierKind, displayName: contact.displayName }),
    },
  };
}

/** The contact's earlier conversations on this line (not on other lines), newest first. */
export async function contactHistory(deps: ServiceDeps, who: Participant & { kind: 'agent' }, conversationId: string) {
  const c = await loadConversation(deps, conversationId);
  assertCanRead(c, who);
  const earlier = await deps.repos.conversations.listByContactOnLine(c.tenantId, c.contactId, c.lineId, 50);
  return earlier
    .filter((e) => e.id !== c.id)
    .map((e) => ({
      id: e.id,
      channel: e.channel,
      state: e.state,
      createdAt: new Date(e.createdAt).toISOString(),
      closedAt: e.closedAt ? new Date(e.closedAt).toISOString() : null,
      topics: e.registration.topics,
      phaseId: e.registration.phaseId,
      wrapUpCode: e.registration.wrapUpCode,
      agentId: e.assignedAgentId,
    }));
}
