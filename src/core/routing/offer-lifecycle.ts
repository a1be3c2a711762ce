import { leaveWaiting, returnToPlace } from './queue-membership.js';
import type { AgentRecord, ContactRecord } from './routing.records.js';
import { nextSequence, requireAgent, requireQueue, type DecisionBatch, type RoutingState } from './routing-state.js';
import type { Assignment, OfferEndReason } from './routing.types.js';

/*
 * The life of an offer: rung, then accepted, declined, expired or withdrawn. Load counts
 * offered and accepted conversations alike, so an agent is never offered more than it
 * could accept.
 */

export function makeOffer(state: RoutingState, batch: DecisionBatch, contact: ContactRecord, agent: AgentRecord): void {
  leaveWaiting(state, contact);
  const offer = {
    conversationId: contact.conversationId,
    agentId: agent.id,
    queueId: contact.queueId,
    channel: contact.channel,
    offeredAt: batch.now,
    expiresAt: batch.now + state.options.ringTimeoutMs,
  };
  holdOffer(state, contact, agent, offer.offeredAt, offer.expiresAt);
  batch.offers.push(offer);
}

/** Books an offer on both sides and arms its expiry; shared with restoring after a restart. */
export function holdOffer(
  state: RoutingState,
  contact: ContactRecord,
  agent: AgentRecord,
  offeredAt: number,
  expiresAt: number,
): void {
  const { conversationId, queueId, channel } = contact;
  contact.phase = 'offered';
  contact.agentId = agent.id;
  contact.offer = { conversationId, agentId: agent.id, queueId, channel, offeredAt, expiresAt };
  contact.offerSeq = nextSequence(state);
  agent.offered.add(conversationId);
  agent.load[channel] += 1;
  state.agents.refresh(agent);
  requireQueue(state, queueId).offered += 1;
  state.offerExpiries.schedule(expiresAt, { conversationId, offerSeq: contact.offerSeq });
}

/**
 * Takes an outstanding offer back from its agent. The caller decides where the contact
 * goes next (back to its place, or gone). `exclude` records that this agent declined
 * or missed it.
 */
export function endOffer(
  state: RoutingState,
  batch: DecisionBatch,
  contact: ContactRecord,
  reason: OfferEndReason,
  exclude: boolean,
): AgentRecord {
  const offer = contact.offer;
  if (offer === null) throw new Error(`routing invariant: ${contact.conversationId} has no offer`);
  const agent = requireAgent(state, offer.agentId);
  agent.offered.delete(contact.conversationId);
  agent.load[contact.channel] -= 1;
  state.agents.refresh(agent);
  batch.freedAgents.add(agent);
  requireQueue(state, contact.queueId).offered -= 1;
  contact.offer = null;
  contact.agentId = null;
  if (exclude) (contact.excludedAgentIds ??= new Set()).add(agent.id);
  batch.endedOffers.push({ ...offer, reason, endedAt: batch.now });
  return agent;
}

export function acceptHeldOffer(state: RoutingState, contact: ContactRecord, now: number): Assignment {
  const agent = requireAgent(state, contact.agentId ?? '');
  agent.offered.delete(contact.conversationId);
  agent.assigned.add(contact.conversationId);
  agent.missedOffers = 0;
  requireQueue(state, contact.queueId).offered -= 1;
  contact.phase = 'assigned';
  contact.offer = null;
  const { conversationId, queueId, channel } = contact;
  return { conversationId, agentId: agent.id, queueId, channel, assignedAt: now };
}

/**
 * Frees the agent's capacity. The agent is excluded for this conversation, so a transfer
 * (release, then requeue) does not ring straight back at the agent who handed it over.
 */
export function releaseAssignment(state: RoutingState, batch: DecisionBatch, contact: ContactRecord): void {
  const agent = requireAgent(state, contact.agentId ?? '');
  agent.assigned.delete(contact.conversationId);
  agent.load[contact.channel] -= 1;
  agent.idleSince = batch.now;
  state.agents.refresh(agent);
  batch.freedAgents.add(agent);
  (contact.excludedAgentIds ??= new Set()).add(agent.id);
  markReleased(state, contact, batch.now);
}

export function markReleased(state: RoutingState, contact: ContactRecord, now: number): void {
  contact.phase = 'released';
  contact.agentId = null;
  contact.releasedAt = now;
  state.releasedExpiries.schedule(now + state.options.releasedRetentionMs, contact.conversationId);
}

/** Rings that found no answer go back to their place; repeat offenders are set away. */
export function expireDueOffers(state: RoutingState, batch: DecisionBatch): void {
  for (let timer = state.offerExpiries.takeDue(batch.now); timer !== undefined; timer = state.offerExpiries.takeDue(batch.now)) {
    const contact = state.contacts.get(timer.conversationId);
    if (contact === undefined || contact.phase !== 'offered' || contact.offerSeq !== timer.offerSeq) continue;
    const agent = endOffer(state, batch, contact, 'expired', true);
    returnToPlace(state, batch, contact);
    agent.missedOffers += 1;
    if (agent.missedOffers >= state.options.maxMissedOffers && agent.status !== 'away' && agent.status !== 'offline') {
      agent.status = 'away';
      withdrawAgentOffers(state, batch, agent, 'agent_unavailable');
      state.agents.refresh(agent);
      batch.agentsMarkedAway.push(agent.id);
    }
  }
}

/** Every contact ringing at this agent goes back to its place, without blame. */
export function withdrawAgentOffers(
  state: RoutingState,
  batch: DecisionBatch,
  agent: AgentRecord,
  reason: OfferEndReason,
): void {
  for (const conversationId of [...agent.offered]) {
    const contact = state.contacts.get(conversationId);
    if (contact === undefined) continue;
    endOffer(state, batch, contact, reason, false);
    returnToPlace(state, batch, contact);
  }
}

/** Forgets released conversations nobody requeued in time, so memory stays bounded. */
export function pruneReleased(state: RoutingState, now: number): void {
  for (let id = state.releasedExpiries.takeDue(now); id !== undefined; id = state.releasedExpiries.takeDue(now)) {
    const contact = state.contacts.get(id);
    if (contact?.phase === 'released' && (contact.releasedAt ?? now) + state.options.releasedRetentionMs <= now) {
      state.contacts.delete(id);
    }
  }
}
