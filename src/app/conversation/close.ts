import type { Agent } from '../../core/model/index.js';
import { assertTransition } from '../../core/conversation/lifecycle.js';
import { setWrapUp } from '../../core/registration/registration.js';
import { AppError } from '../../core/errors/app-error.js';
import { topics } from '../../realtime/event-bus.js';
import type { ServiceDeps } from '../deps.js';
import type { EventDraft } from './event-recorder.js';
import type { LiveConversation } from '../live-conversations.js';
import { assertAssigned, assertOpen } from './access.js';
import { complaintFollowUp } from '../quality/complaints.service.js';
import { campaignErrors } from '../campaigns/campaign.errors.js';
import { campaignWrapUpCode, CALL_RESULTS, type CallResult } from '../../core/campaign/index.js';

/**
 * The agent closes the conversation with a wrap-up code (required when the line defines codes).
 * A campaign call is closed by its result instead (campaign-call.ts): without a recorded result
 * the close is refused, since a line's wrap-up code cannot say whether the contact was reached,
 * must be tried again or never called again; with one (recorded, but its close did not happen),
 * the conversation closes with that result as its wrap-up code.
 */
export async function closeConversation(deps: ServiceDeps, agent: Agent, conversationId: string, wrapUpCode?: string): Promise<void> {
  const closed = await deps.live.withConversation(conversationId, async (entry) => {
    const c = entry.conversation;
    assertAssigned(c, agent);
    assertOpen(c);
    assertTransition(c.state, 'closed');
    const line = deps.directory.line(c.lineId);
    if (c.context.campaignId) {
      const attempt = await deps.repos.campaigns.attemptOfConversation(c.id);
      if (!attempt || !(CALL_RESULTS as readonly string[]).includes(attempt.result)) throw campaignErrors.resultRequired();
      c.registration = { ...c.registration, wrapUpCode: campaignWrapUpCode(attempt.result as CallResult) };
      c.context = { ...c.context, campaignAttemptId: attempt.id };
    } else if (wrapUpCode) c.registration = setWrapUp(line, c.registration, wrapUpCode);
    if (line.wrapUpCodes.length > 0 && !c.registration.wrapUpCode) {
      throw new AppError('WRAP_UP_REQUIRED', 'Choose a wrap-up code before closing', { status: 422 });
    }
    c.state = 'closed';
    c.closedAt = deps.clock.now();
    const actor = { kind: 'agent' as const, id: agent.id, name: agent.name };
    // A complaint wrap-up puts the conversation on the follow-up list (quality), in the close's own transaction.
    const followUp = complaintFollowUp(deps, c);
    await deps.recorder.record(entry, [{ type: 'conversation.closed', actor, data: { wrapUpCode: c.registration.wrapUpCode } }], true, followUp ? { followUps: [followUp] } : {});
    deps.bus.publish(topics.agent(agent.id), { kind: 'unsubscribe', conversationId });
    return { ...c };
  });
  recordHandleTime(deps, conversationId);
  deps.routing.decide(closed.tenantId, (engine, now) => engine.release(conversationId, now));
  deps.live.evict(conversationId);
}

function recordHandleTime(deps: ServiceDeps, conversationId: string): void {
  const c = deps.live.peek(conversationId)?.conversation;
  if (!c?.acceptedAt || !c.closedAt) return;
  deps.routing.engine(c.tenantId).recordHandleTime(c.queueId, (c.closedAt - c.acceptedAt) / 1000);
}

/**
 * The customer leaves. Still with the bot: the bot resolved it. Waiting or ringing: the contact
 * is abandoned. Talking: the conversation goes to wrap-up so the agent can finish the
 * registration and close it.
 */
export async function endByCustomer(deps: ServiceDeps, conversationId: string): Promise<void> {
  const outcome = await deps.live.withConversation(conversationId, async (entry) => {
    const c = entry.conversation;
    assertOpen(c);
    if (c.state === 'bot') {
      await closeAsBotResolved(deps, entry);
      return { wasWaiting: false, offeredTo: null, tenantId: c.tenantId, botResolved: true };
    }
    const wasWaiting = c.state === 'queued' || c.state === 'offered';
    const offeredTo = c.offeredAgentId;
    c.state = wasWaiting ? 'abandoned' : 'wrap_up';
    if (wasWaiting) {
      c.closedAt = deps.clock.now();
      c.offeredAgentId = null;
      c.offerExpiresAt = null;
    }
    const drafts: EventDraft[] = [{ type: 'conversation.ended_by_customer', actor: { kind: 'customer' } }];
    if (wasWaiting) drafts.push({ type: 'conversation.abandoned', actor: { kind: 'customer' } });
    await deps.recorder.record(entry, drafts, true);
    return { wasWaiting, offeredTo, tenantId: c.tenantId, botResolved: false };
  });
  if (outcome.botResolved) return deps.live.evict(conversationId);
  if (!outcome.wasWaiting) return;
  if (outcome.offeredTo) {
    deps.bus.publish(topics.agent(outcome.offeredTo), { kind: 'frame', frame: { t: 'offer.withdrawn', conversationId, reason: 'abandoned' } });
  }
  deps.routing.decide(outcome.tenantId, (engine, now) => engine.abandon(conversationId, now));
  deps.live.evict(conversationId);
}

/** Only the bot talked with the customer, and the customer left: it counts as resolved by the bot. */
async function closeAsBotResolved(deps: ServiceDeps, entry: LiveConversation): Promise<void> {
  const c = entry.conversation;
  assertTransition(c.state, 'closed');
  c.state = 'closed';
  c.closedAt = deps.clock.now();
  c.context = { ...c.context, botResolved: true };
  await deps.recorder.record(
    entry,
    [
      { type: 'conversation.ended_by_customer', actor: { kind: 'customer' } },
      { type: 'conversation.closed', actor: { kind: 'system' }, data: { reason: 'bot_resolved' } },
    ],
    true,
  );
}
