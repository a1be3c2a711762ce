import type { Agent } from '../../core/model/index.js';
import { RoutingError } from '../../core/routing/index.js';
import { AppError } from '../../core/errors/app-error.js';
import { topics } from '../../realtime/event-bus.js';
import type { ServiceDeps } from '../deps.js';
import type { EventDraft } from './event-recorder.js';
import { PhoneCallControl } from '../voice/phone-call-control.js';

const ASSIGNED_STATES = new Set(['active', 'on_hold', 'wrap_up', 'timed_out']);

function offerGone(conversationId: string): AppError {
  return new AppError('OFFER_NOT_FOUND', `There is no open offer of conversation ${conversationId} for you`, {
    status: 409,
    userMessage: 'This offer is no longer available.',
  });
}

/** The agent takes the offered conversation: it becomes active and the agent's sockets join it. Accepting again is acknowledged again. */
export async function acceptOffer(deps: ServiceDeps, agent: Agent, conversationId: string): Promise<void> {
  const accepted = await deps.live.withConversation(conversationId, async (entry) => {
    const c = entry.conversation;
    if (c.tenantId === agent.tenantId && c.assignedAgentId === agent.id && ASSIGNED_STATES.has(c.state)) {
      // A repeated accept (the first ack was lost with a node or a connection): it is this agent's already.
      deps.bus.publish(topics.agent(agent.id), { kind: 'subscribe', conversationId });
      return null;
    }
    if (c.tenantId !== agent.tenantId || c.state !== 'offered' || c.offeredAgentId !== agent.id) throw offerGone(conversationId);
    try {
      deps.routing.engine(c.tenantId).acceptOffer(conversationId, agent.id, deps.clock.now());
    } catch (error) {
      if (error instanceof RoutingError) throw offerGone(conversationId);
      throw error;
    }
    c.state = 'active';
    c.assignedAgentId = agent.id;
    c.offeredAgentId = null;
    c.offerExpiresAt = null;
    c.acceptedAt = deps.clock.now();
    deps.bus.publish(topics.agent(agent.id), { kind: 'subscribe', conversationId });
    const actor = { kind: 'agent' as const, id: agent.id, name: agent.name };
    const drafts: EventDraft[] = [{ type: 'conversation.assigned', actor, data: { agentId: agent.id, agentName: agent.name } }];
    // Accepting a ringing call picks it up: the customer's browser now calls this agent's browser.
    if (c.channel === 'voice' && c.context.browserCall) drafts.push({ type: 'call.answered', actor, data: { agentId: agent.id, agentName: agent.name } });
    await deps.recorder.record(entry, drafts, true);
    return { ...c };
  });
  // A caller waiting on a phone line is put through at once through the provider (not awaited: the hold loop is the fallback).
  if (accepted && accepted.channel === 'voice' && !accepted.context.browserCall) {
    void new PhoneCallControl(deps).connectAccepted(conversationId).catch((error: unknown) => deps.log('warn', 'connecting an accepted phone call failed', { conversationId, error: String(error) }));
  }
}

/** The agent declines; the engine offers the conversation to the next eligible agent. */
export async function declineOffer(deps: ServiceDeps, agent: Agent, conversationId: string): Promise<void> {
  const entry = await deps.live.get(conversationId);
  const c = entry.conversation;
  if (c.tenantId !== agent.tenantId || c.state !== 'offered' || c.offeredAgentId !== agent.id) throw offerGone(conversationId);
  try {
    deps.routing.decide(c.tenantId, (engine, now) => engine.declineOffer(conversationId, agent.id, now));
  } catch (error) {
    if (error instanceof RoutingError) throw offerGone(conversationId);
    throw error;
  }
  await deps.routing.settled();
}
