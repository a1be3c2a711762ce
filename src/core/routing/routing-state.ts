import { AgentPool } from './agent-pool.js';
import { DeadlineQueue } from './deadline-queue.js';
import { HandleTimeAverages } from './expected-wait.js';
import { RoutingError } from './routing.errors.js';
import type { ResolvedRoutingOptions } from './routing-options.js';
import type { AgentRecord, ContactRecord, NormalizedQueue } from './routing.records.js';
import type { EndedOffer, Offer, OverflowMove, RoutingDecisions } from './routing.types.js';
import type { WaitingList } from './waiting-list.js';

export interface QueueRecord {
  config: NormalizedQueue;
  readonly waiting: WaitingList;
  /** Outstanding offers of contacts in this queue. */
  offered: number;
}

export interface OfferTimer {
  readonly conversationId: string;
  readonly offerSeq: number;
}

export interface OverflowTimer {
  readonly conversationId: string;
  readonly queueVisit: number;
}

/** Everything one engine knows; the modules of this folder share it by reference. */
export interface RoutingState {
  readonly options: ResolvedRoutingOptions;
  readonly queues: Map<string, QueueRecord>;
  readonly agents: AgentPool;
  readonly contacts: Map<string, ContactRecord>;
  readonly offerExpiries: DeadlineQueue<OfferTimer>;
  readonly overflowChecks: DeadlineQueue<OverflowTimer>;
  readonly releasedExpiries: DeadlineQueue<string>;
  readonly handleTimes: HandleTimeAverages;
  /** Source of offer and queue-visit numbers, unique across the engine's whole life. */
  readonly sequence: { last: number };
}

/**
 * Timers recognise the offer or queue visit they were armed for by this number. It is
 * engine-wide, not per conversation, because a conversation that is forgotten and comes
 * back starts a fresh record whose own counters would repeat the old timers' numbers.
 */
export function nextSequence(state: RoutingState): number {
  state.sequence.last += 1;
  return state.sequence.last;
}

export function createRoutingState(options: ResolvedRoutingOptions): RoutingState {
  const queues = new Map<string, QueueRecord>();
  return {
    options,
    queues,
    agents: new AgentPool((queueId) => queues.get(queueId)?.config.skills),
    contacts: new Map(),
    offerExpiries: new DeadlineQueue(),
    overflowChecks: new DeadlineQueue(),
    releasedExpiries: new DeadlineQueue(),
    handleTimes: new HandleTimeAverages(options.defaultHandleTimeSeconds, options.handleTimeSmoothing),
    sequence: { last: 0 },
  };
}

/**
 * Collects what one call decided, plus the agents that gained room and the contacts that
 * started waiting: only those can form new matches, so only those are examined.
 */
export class DecisionBatch {
  readonly offers: Offer[] = [];
  readonly endedOffers: EndedOffer[] = [];
  readonly agentsMarkedAway: string[] = [];
  readonly overflows: OverflowMove[] = [];
  readonly freedAgents = new Set<AgentRecord>();
  readonly waitingContacts: ContactRecord[] = [];

  constructor(readonly now: number) {}

  toDecisions(): RoutingDecisions {
    return {
      offers: this.offers,
      endedOffers: this.endedOffers,
      agentsMarkedAway: this.agentsMarkedAway,
      overflows: this.overflows,
    };
  }
}

export function requireQueue(state: RoutingState, queueId: string): QueueRecord {
  const queue = state.queues.get(queueId);
  if (queue === undefined) throw new RoutingError('QUEUE_NOT_FOUND', `unknown queue ${queueId}`, { queueId });
  return queue;
}

export function requireAgent(state: RoutingState, agentId: string): AgentRecord {
  const agent = state.agents.get(agentId);
  if (agent === undefined) throw new RoutingError('AGENT_NOT_FOUND', `unknown agent ${agentId}`, { agentId });
  return agent;
}

export function requireContact(state: RoutingState, conversationId: string): ContactRecord {
  const contact = state.contacts.get(conversationId);
  if (contact === undefined) {
    throw new RoutingError('CONVERSATION_NOT_FOUND', `unknown conversation ${conversationId}`, { conversationId });
  }
  return contact;
}
