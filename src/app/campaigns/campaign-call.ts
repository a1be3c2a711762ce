import { contactKey, pseudonymFromKey } from '../../core/contact/pseudonym.js';
import { assertTransition } from '../../core/conversation/lifecycle.js';
import { campaignWrapUpCode, type CallResult } from '../../core/campaign/index.js';
import { EMPTY_REGISTRATION, type Agent, type Contact, type Conversation } from '../../core/model/index.js';
import { topics } from '../../realtime/event-bus.js';
import type { CampaignContactRecord, CampaignRecord } from '../../storage/index.js';
import type { ServiceDeps } from '../deps.js';
import { newId } from '../ids.js';
import type { EventDraft } from '../conversation/event-recorder.js';

/**
 * A dialled campaign contact is an outbound voice conversation, like a callback: channel `voice`,
 * `context.direction = 'outbound'`, assigned to the dialling agent from the start (never queued, so it
 * stays out of the inbound service level), with the same journal and lifecycle (active → wrap-up →
 * closed) as every conversation. The customer is a contact of the tenant found or created by the
 * pseudonymous key of the normalised number, so the call shows in the contact's history.
 */
export async function openCampaignConversation(deps: ServiceDeps, agent: Agent, campaign: CampaignRecord, contact: CampaignContactRecord): Promise<Conversation> {
  if (contact.conversationId) {
    const existing = await loadCampaignConversation(deps, contact.conversationId);
    if (existing) return existing;
  }
  const line = deps.directory.line(campaign.lineId);
  const queue = deps.directory.queuesOf(campaign.tenantId).find((q) => q.lineId === line.id && agent.queueIds.includes(q.id)) ?? deps.directory.queue(campaign.tenantId, line.defaultQueueId);
  const now = deps.clock.now();
  // A link without its conversation (the process stopped between the two writes): the conversation is made under the linked id.
  const conversationId = contact.conversationId ?? newId('cv');
  // The conditional link is the lock: a second dial (another tab, the softphone webhook) finds this conversation instead.
  if (!contact.conversationId && !(await deps.repos.campaigns.attachConversation(contact.id, agent.id, conversationId, now))) {
    const again = await deps.repos.campaigns.getContact(campaign.id, contact.id);
    const other = again?.conversationId ? await loadCampaignConversation(deps, again.conversationId) : undefined;
    if (other) return other;
    throw new Error(`campaign contact ${contact.id} could not be linked to a call`);
  }
  const customer = await findOrCreatePhoneContact(deps, campaign.tenantId, line.anonymous, contact, now);
  const language = line.languages[0] ?? 'nl';
  const conversation: Conversation = {
    id: conversationId,
    tenantId: campaign.tenantId,
    lineId: line.id,
    queueId: queue.id,
    contactId: customer.id,
    channel: 'voice',
    language,
    state: 'active',
    priority: queue.priority,
    assignedAgentId: agent.id,
    offeredAgentId: null,
    offerExpiresAt: null,
    createdAt: now,
    enqueuedAt: null,
    acceptedAt: now,
    closedAt: null,
    registration: EMPTY_REGISTRATION,
    context: { direction: 'outbound', campaignId: campaign.id, campaignContactId: contact.id },
  };
  const entry = deps.live.add(conversation);
  const actor = { kind: 'agent' as const, id: agent.id, name: agent.name };
  await deps.live.withConversation(conversation.id, () =>
    deps.recorder.record(
      entry,
      [
        { type: 'conversation.started', actor, data: { lineId: line.id, lineName: line.name, channel: 'voice', language, direction: 'outbound', campaignId: campaign.id, campaignName: campaign.name } },
        { type: 'conversation.assigned', actor, data: { agentId: agent.id, agentName: agent.name } },
        { type: 'campaign.dialled', actor, data: { campaignId: campaign.id, campaignName: campaign.name, campaignContactId: contact.id, attempt: contact.attempts + 1 } },
      ],
      true,
    ),
  );
  // The call takes the agent's voice capacity like any assigned call (released when it closes).
  try {
    deps.routing.engine(campaign.tenantId).restoreAssignment(deps.routing.contactInput(conversation), agent.id);
  } catch (error) {
    deps.log('warn', 'campaign call not counted in the agent load', { conversationId, error: String(error) });
  }
  deps.bus.publish(topics.agent(agent.id), { kind: 'subscribe', conversationId });
  return conversation;
}

/**
 * The result closes the call's conversation: a call still talking goes to wrap-up first (the agent
 * ended it), and the campaign result becomes its wrap-up code (`campaign:<result>`, apart from the line's codes). Returns false when there was nothing to close.
 */
export async function closeCampaignConversation(deps: ServiceDeps, agent: Agent, conversationId: string, result: { attemptId: string; result: CallResult; note?: string }): Promise<boolean> {
  const live = await loadCampaignConversation(deps, conversationId);
  if (!live || live.state === 'closed') return false;
  const closed = await deps.live.withConversation(conversationId, async (entry) => {
    const c = entry.conversation;
    if (c.state === 'closed' || c.assignedAgentId !== agent.id) return null;
    const actor = { kind: 'agent' as const, id: agent.id, name: agent.name };
    const drafts: EventDraft[] = [];
    if (c.state !== 'wrap_up') {
      assertTransition(c.state, 'wrap_up');
      drafts.push({ type: 'call.ended', actor, data: { by: 'agent', reason: 'campaign_result' } });
    }
    assertTransition('wrap_up', 'closed');
    c.state = 'closed';
    c.closedAt = deps.clock.now();
    const wrapUpCode = campaignWrapUpCode(result.result);
    c.registration = { ...c.registration, wrapUpCode, ...(result.note ? { notes: result.note } : {}) };
    c.context = { ...c.context, campaignAttemptId: result.attemptId };
    drafts.push({ type: 'conversation.closed', actor, data: { wrapUpCode, campaignResult: result.result, attemptId: result.attemptId } });
    await deps.recorder.record(entry, drafts, true);
    deps.bus.publish(topics.agent(agent.id), { kind: 'unsubscribe', conversationId });
    return { ...c };
  });
  if (!closed) return false;
  try {
    deps.routing.decide(closed.tenantId, (engine, now) => engine.release(conversationId, now));
  } catch (error) {
    deps.log('warn', 'campaign call was not in the agent load', { conversationId, error: String(error) });
  }
  deps.live.evict(conversationId);
  return true;
}

async function loadCampaignConversation(deps: ServiceDeps, conversationId: string): Promise<Conversation | undefined> {
  return deps.live.peek(conversationId)?.conversation ?? (await deps.repos.conversations.getAnyTenant(conversationId));
}

/** The same pseudonymous key as an inbound call from this number, so both land on one contact. */
async function findOrCreatePhoneContact(deps: ServiceDeps, tenantId: string, anonymous: boolean, entry: CampaignContactRecord, now: number): Promise<Contact> {
  const key = contactKey(deps.directory.tenant(tenantId).secret, 'phone', entry.phone);
  const existing = await deps.repos.contacts.findByKey(tenantId, key);
  if (existing) return existing;
  return deps.repos.contacts.insertOrGet(
    { id: newId('ct'), tenantId, key, pseudonym: pseudonymFromKey(key), identifierKind: 'phone', identifier: anonymous ? null : entry.phone, displayName: anonymous ? null : entry.name },
    now,
  );
}
