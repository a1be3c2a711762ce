import { settle } from './matching.js';
import {
  acceptHeldOffer,
  endOffer,
  expireDueOffers,
  holdOffer,
  makeOffer,
  markReleased,
  pruneReleased,
  releaseAssignment,
  withdrawAgentOffers,
} from './offer-lifecycle.js';
import { enterQueue, leaveWaiting, returnToPlace, runDueOverflows, scheduleOverflow } from './queue-membership.js';
import { RoutingError } from './routing.errors.js';
import { resolveRoutingOptions } from './routing-options.js';
import { agentState, conversationState, positionOf, queueStats } from './routing-queries.js';
import { hasFreeCapacity, zeroLoad, type AgentRecord, type ContactRecord } from './routing.records.js';
import {
  createRoutingState,
  DecisionBatch,
  requireAgent,
  requireContact,
  requireQueue,
  type RoutingState,
} from './routing-state.js';
import type {
  AgentState,
  AgentStatus,
  Assignment,
  ContactInput,
  ConversationState,
  QueuePosition,
  QueueStats,
  RemoveAgentResult,
  RequeueInput,
  RestoredOffer,
  RoutingAgent,
  RoutingDecisions,
  RoutingOptions,
  RoutingQueue,
} from './routing.types.js';
import {
  normalizeAgent,
  normalizeContact,
  normalizeQueue,
  requireId,
  requireNumber,
  requireStatus,
  type NormalizedAgent,
  type NormalizedContact,
} from './validate-routing-input.js';
import { WaitingList } from './waiting-list.js';

/**
 * The routing engine of one tenant on one node: pure, synchronous and in memory. Every
 * mutating call validates all its input first (a bad call throws a `RoutingError` and
 * changes nothing), applies the change, then returns the offers it decided, which the
 * application persists and rings. No clock and no timers: callers pass `now` and call
 * `tick(now)` about once a second for ring time-outs and overflow.
 *
 * @example
 * const engine = new RoutingEngine();
 * engine.upsertQueue({ id: 'sales', skills: [], priority: 0 }, now);
 * engine.upsertAgent({ id: 'ann', skills: ['lang:nl'], queueIds: ['sales'], capacity: { chat: 3 } }, now);
 * engine.setAgentStatus('ann', 'available', now);
 * const { offers } = engine.enqueue(
 *   { conversationId: 'c1', queueId: 'sales', channel: 'chat', requiredSkills: ['lang:nl'], priority: 0, enqueuedAt: now },
 *   now,
 * ); // offers[0].agentId === 'ann'
 */
export class RoutingEngine {
  private readonly state: RoutingState;

  constructor(options: RoutingOptions = {}) {
    this.state = createRoutingState(resolveRoutingOptions(options));
  }

  /** Creates or changes a queue. Its overflow target must exist already. */
  upsertQueue(queue: RoutingQueue, now: number): RoutingDecisions {
    const config = normalizeQueue(queue);
    if (config.overflow !== null) requireQueue(this.state, config.overflow.toQueueId);
    return this.decide(now, (batch) => {
      const existing = this.state.queues.get(config.id);
      if (existing === undefined) {
        this.state.queues.set(config.id, { config, waiting: new WaitingList(), offered: 0 });
        this.state.agents.addQueue(config.id);
        return;
      }
      const overflowChanged =
        existing.config.overflow?.afterMs !== config.overflow?.afterMs ||
        existing.config.overflow?.toQueueId !== config.overflow?.toQueueId;
      existing.config = config;
      // Looser skills can make members eligible for contacts that were waiting.
      this.state.agents.refreshQueue(config.id);
      for (const agent of this.state.agents.membersOf(config.id)) batch.freedAgents.add(agent);
      if (overflowChanged) for (const contact of existing.waiting.contacts()) scheduleOverflow(this.state, contact);
    });
  }

  /** Creates an agent (status `offline`) or changes its skills, queues and capacity. */
  upsertAgent(agent: RoutingAgent, now: number): RoutingDecisions {
    const config = normalizeAgent(agent);
    for (const queueId of config.queueIds) requireQueue(this.state, queueId);
    return this.decide(now, (batch) => {
      let record = this.state.agents.get(config.id);
      if (record === undefined) {
        record = newAgentRecord(config, now);
        this.state.agents.add(record);
      } else {
        record.skills = new Set(config.skills);
        record.capacity = config.capacity;
        this.state.agents.setQueues(record, config.queueIds);
        this.state.agents.refresh(record);
      }
      batch.freedAgents.add(record);
    });
  }

  /** Ringing offers go to others; conversations the agent held are released for `requeue`. */
  removeAgent(agentId: string, now: number): RemoveAgentResult {
    const agent = requireAgent(this.state, agentId);
    const orphanedConversationIds = [...agent.assigned];
    const decisions = this.decide(now, (batch) => {
      withdrawAgentOffers(this.state, batch, agent, 'agent_removed');
      for (const conversationId of orphanedConversationIds) {
        const contact = requireContact(this.state, conversationId);
        markReleased(this.state, contact, now);
      }
      this.state.agents.delete(agent);
    });
    return { ...decisions, orphanedConversationIds };
  }

  /**
   * Only `available` agents receive offers. Becoming available restarts idle time and the
   * missed-offer count; going `away` or `offline` sends ringing offers to others, while
   * `busy` and `wrap_up` agents are at their desk and may still answer what rings.
   */
  setAgentStatus(agentId: string, status: AgentStatus, now: number): RoutingDecisions {
    const agent = requireAgent(this.state, agentId);
    const next = requireStatus(status);
    return this.decide(now, (batch) => {
      if (next === 'available' && agent.status !== 'available') {
        agent.idleSince = now;
        agent.missedOffers = 0;
      }
      agent.status = next;
      if (next === 'away' || next === 'offline') withdrawAgentOffers(this.state, batch, agent, 'agent_unavailable');
      this.state.agents.refresh(agent);
      batch.freedAgents.add(agent);
    });
  }

  /** A contact starts waiting; it is offered at once when an eligible agent has room. */
  enqueue(contact: ContactInput, now: number): RoutingDecisions {
    const input = this.requireNewContact(contact);
    return this.decide(now, (batch) => {
      const record = newContactRecord(input);
      this.state.contacts.set(record.conversationId, record);
      enterQueue(this.state, batch, record, input.queueId, input.enqueuedAt);
    });
  }

  /** The agent answers; throws `OFFER_NOT_FOUND` or `OFFER_EXPIRED` (once `now` ≥ `expiresAt`). */
  acceptOffer(conversationId: string, agentId: string, now: number): Assignment {
    requireNumber(now, 'now');
    const contact = this.requireOffer(conversationId, agentId);
    const expiresAt = contact.offer?.expiresAt ?? now;
    if (now >= expiresAt) {
      throw new RoutingError('OFFER_EXPIRED', `offer of ${conversationId} to ${agentId} expired`, { conversationId, agentId, expiresAt });
    }
    return acceptHeldOffer(this.state, contact, now);
  }

  /** The contact goes back to its place and to another agent when one can take it. */
  declineOffer(conversationId: string, agentId: string, now: number): RoutingDecisions {
    const contact = this.requireOffer(conversationId, agentId);
    return this.decide(now, (batch) => {
      const agent = endOffer(this.state, batch, contact, 'declined', true);
      // Declining proves the agent is present, which breaks a run of missed offers.
      agent.missedOffers = 0;
      returnToPlace(this.state, batch, contact);
    });
  }

  /** The conversation ended or left its agent: capacity frees up and is used at once. */
  release(conversationId: string, now: number): RoutingDecisions {
    const contact = requireContact(this.state, conversationId);
    this.requirePhase(contact, 'assigned', 'CONVERSATION_NOT_ASSIGNED');
    return this.decide(now, (batch) => releaseAssignment(this.state, batch, contact));
  }

  /** The customer left while waiting or ringing; the engine forgets the conversation. */
  abandon(conversationId: string, now: number): RoutingDecisions {
    const contact = requireContact(this.state, conversationId);
    if (contact.phase !== 'offered') this.requirePhase(contact, 'waiting', 'CONVERSATION_NOT_WAITING');
    return this.decide(now, (batch) => {
      if (contact.phase === 'offered') endOffer(this.state, batch, contact, 'abandoned', false);
      else leaveWaiting(this.state, contact);
      this.state.contacts.delete(conversationId);
    });
  }

  /**
   * Puts a conversation (back) in a queue: a transfer after `release`, or a move of a
   * waiting, ringing or assigned one. `keepPlace` keeps its original `enqueuedAt`.
   */
  requeue(conversationId: string, target: RequeueInput, now: number): RoutingDecisions {
    const contact = requireContact(this.state, conversationId);
    const queueId = requireId(target.queueId, 'queueId');
    requireQueue(this.state, queueId);
    const priority = target.priority === undefined ? contact.priority : requireNumber(target.priority, 'priority');
    if (typeof target.keepPlace !== 'boolean') throw new RoutingError('INVALID_INPUT', 'keepPlace must be a boolean', { field: 'keepPlace' });
    return this.decide(now, (batch) => {
      if (contact.phase === 'waiting') leaveWaiting(this.state, contact);
      else if (contact.phase === 'offered') endOffer(this.state, batch, contact, 'requeued', false);
      else if (contact.phase === 'assigned') releaseAssignment(this.state, batch, contact);
      contact.priority = priority;
      if (!target.keepPlace) contact.enqueuedAt = now;
      contact.overflowedFrom = null;
      contact.releasedAt = null;
      enterQueue(this.state, batch, contact, queueId, now);
    });
  }

  /**
   * A transfer to a named colleague: the conversation enters `contact.queueId` (keeping
   * `enqueuedAt`) and rings at `agentId` at once when that agent is available with room on
   * the channel. Order and skills are not checked, because a person chose the colleague.
   * When the colleague cannot take it, it waits in the queue like any transfer. Works on
   * an unknown, released or waiting conversation.
   */
  offerTo(contact: ContactInput, agentId: string, now: number): RoutingDecisions {
    const input = normalizeContact(contact);
    requireQueue(this.state, input.queueId);
    const agent = requireAgent(this.state, agentId);
    const existing = this.state.contacts.get(input.conversationId);
    if (existing !== undefined && existing.phase !== 'waiting') this.requirePhase(existing, 'released', 'CONVERSATION_NOT_WAITING');
    return this.decide(now, (batch) => {
      if (existing?.phase === 'waiting') leaveWaiting(this.state, existing);
      const record = newContactRecord(input);
      record.excludedAgentIds = existing?.excludedAgentIds ?? null;
      this.state.contacts.set(record.conversationId, record);
      enterQueue(this.state, batch, record, input.queueId, now);
      if (agent.status === 'available' && hasFreeCapacity(agent, record.channel)) makeOffer(this.state, batch, record, agent);
    });
  }

  /** Expires unanswered offers, moves overflowing contacts, forgets old releases. */
  tick(now: number): RoutingDecisions {
    return this.decide(now, (batch) => {
      expireDueOffers(this.state, batch);
      runDueOverflows(this.state, batch);
      pruneReleased(this.state, now);
    });
  }

  /** Feeds the queue's average handle time, used for expected waits. */
  recordHandleTime(queueId: string, seconds: number): void {
    requireQueue(this.state, queueId);
    this.state.handleTimes.record(queueId, requireNumber(seconds, 'seconds', { min: 0 }));
  }

  /**
   * Rebuilds state after a restart: queues, then agents, then `restoreAssignment` and
   * `restoreOffer` from the database, then statuses and waiting contacts (`enqueue` with
   * their original `enqueuedAt`). The database is the truth, so capacity is not checked.
   */
  restoreAssignment(contact: ContactInput, agentId: string): void {
    const input = this.requireNewContact(contact);
    const agent = requireAgent(this.state, agentId);
    const record = this.restoredRecord(input, agent);
    record.phase = 'assigned';
    agent.assigned.add(record.conversationId);
    agent.load[record.channel] += 1;
    this.state.agents.refresh(agent);
  }

  restoreOffer(contact: ContactInput, offer: RestoredOffer): void {
    const input = this.requireNewContact(contact);
    const agent = requireAgent(this.state, offer.agentId);
    const offeredAt = requireNumber(offer.offeredAt, 'offeredAt');
    const expiresAt = requireNumber(offer.expiresAt, 'expiresAt');
    holdOffer(this.state, this.restoredRecord(input, agent), agent, offeredAt, expiresAt);
  }

  positionOf(conversationId: string): QueuePosition {
    return positionOf(this.state, conversationId);
  }

  queueStats(now: number): QueueStats[] {
    return queueStats(this.state, requireNumber(now, 'now'));
  }

  agentState(agentId: string): AgentState {
    return agentState(this.state, agentId);
  }

  conversationState(conversationId: string): ConversationState | undefined {
    return conversationState(this.state, conversationId);
  }

  private decide(now: number, change: (batch: DecisionBatch) => void): RoutingDecisions {
    const batch = new DecisionBatch(requireNumber(now, 'now'));
    change(batch);
    settle(this.state, batch);
    return batch.toDecisions();
  }

  private requireNewContact(contact: ContactInput): NormalizedContact {
    const input = normalizeContact(contact);
    requireQueue(this.state, input.queueId);
    const existing = this.state.contacts.get(input.conversationId);
    // A released conversation may come back as a new contact (the customer returns).
    if (existing !== undefined && existing.phase !== 'released') {
      throw new RoutingError('CONVERSATION_ALREADY_QUEUED', `conversation ${input.conversationId} is ${existing.phase}`, {
        conversationId: input.conversationId,
        phase: existing.phase,
      });
    }
    return input;
  }

  private requireOffer(conversationId: string, agentId: string): ContactRecord {
    const contact = this.state.contacts.get(conversationId);
    if (contact?.phase !== 'offered' || contact.agentId !== agentId) {
      throw new RoutingError('OFFER_NOT_FOUND', `no outstanding offer of ${conversationId} to ${agentId}`, { conversationId, agentId });
    }
    return contact;
  }

  private requirePhase(
    contact: ContactRecord,
    phase: ContactRecord['phase'],
    code: 'CONVERSATION_NOT_ASSIGNED' | 'CONVERSATION_NOT_WAITING',
  ): void {
    if (contact.phase !== phase) {
      throw new RoutingError(code, `conversation ${contact.conversationId} is ${contact.phase}`, {
        conversationId: contact.conversationId,
        phase: contact.phase,
      });
    }
  }

  private restoredRecord(input: NormalizedContact, agent: AgentRecord): ContactRecord {
    const record = newContactRecord(input);
    record.agentId = agent.id;
    this.state.contacts.set(record.conversationId, record);
    return record;
  }
}

function newAgentRecord(config: NormalizedAgent, now: number): AgentRecord {
  return {
    id: config.id,
    skills: new Set(config.skills),
    queueIds: config.queueIds,
    capacity: config.capacity,
    status: 'offline',
    load: zeroLoad(),
    idleSince: now,
    missedOffers: 0,
    offered: new Set(),
    assigned: new Set(),
  };
}

function newContactRecord(input: NormalizedContact): ContactRecord {
  return {
    conversationId: input.conversationId,
    channel: input.channel,
    requiredSkills: input.requiredSkills,
    skillsKey: input.requiredSkills.join('\u0000'),
    queueId: input.queueId,
    priority: input.priority,
    enqueuedAt: input.enqueuedAt,
    queueEnteredAt: input.enqueuedAt,
    queueVisit: 0,
    phase: 'waiting',
    agentId: null,
    offer: null,
    offerSeq: 0,
    releasedAt: null,
    excludedAgentIds: null,
    overflowedFrom: null,
  };
}
