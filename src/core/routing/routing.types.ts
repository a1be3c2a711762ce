/**
 * Public vocabulary of the routing engine. The engine is pure and in-memory: the
 * application layer feeds it configuration and events, persists what it decides and
 * publishes the resulting offers. Every time is a millisecond epoch passed in as `now`.
 */

// One vocabulary for the whole core: the routing engine speaks the domain model's channels and statuses.
import { CHANNELS, type Channel } from '../model/channel.js';
import { AGENT_STATUSES, type AgentStatus } from '../model/agent.js';
export { CHANNELS, AGENT_STATUSES, type Channel, type AgentStatus };

export interface QueueOverflow {
  /** Seconds a contact may wait in this queue before it moves to `toQueueId`. */
  readonly afterSeconds: number;
  readonly toQueueId: string;
}

export interface RoutingQueue {
  readonly id: string;
  /** Skills every agent needs to take work from this queue. */
  readonly skills: readonly string[];
  /** Added to each contact's own priority when ordering contacts of different queues. */
  readonly priority: number;
  readonly overflow?: QueueOverflow | null;
}

/** Conversations an agent may hold at once per channel; a missing channel means 0. */
export type ChannelCapacity = Readonly<Partial<Record<Channel, number>>>;

export interface RoutingAgent {
  readonly id: string;
  /** Skills including languages such as `lang:nl`. */
  readonly skills: readonly string[];
  readonly queueIds: readonly string[];
  readonly capacity: ChannelCapacity;
}

export interface ContactInput {
  readonly conversationId: string;
  readonly queueId: string;
  readonly channel: Channel;
  /** Skills this contact needs on top of the queue's, e.g. `['lang:fr']`. */
  readonly requiredSkills: readonly string[];
  readonly priority: number;
  readonly enqueuedAt: number;
}

export interface Offer {
  readonly conversationId: string;
  readonly agentId: string;
  readonly queueId: string;
  readonly channel: Channel;
  readonly offeredAt: number;
  readonly expiresAt: number;
}

export const OFFER_END_REASONS = [
  'declined',
  'expired',
  'agent_unavailable',
  'agent_removed',
  'abandoned',
  'requeued',
] as const;
export type OfferEndReason = (typeof OFFER_END_REASONS)[number];

/** An offer that stopped ringing without being accepted. */
export interface EndedOffer extends Offer {
  readonly reason: OfferEndReason;
  readonly endedAt: number;
}

export interface OverflowMove {
  readonly conversationId: string;
  readonly fromQueueId: string;
  readonly toQueueId: string;
  readonly at: number;
}

/** What one mutating call decided; the application persists and publishes all of it. */
export interface RoutingDecisions {
  readonly offers: Offer[];
  readonly endedOffers: EndedOffer[];
  /** Agents the engine set to `away` after too many missed offers. */
  readonly agentsMarkedAway: string[];
  readonly overflows: OverflowMove[];
}

export interface RemoveAgentResult extends RoutingDecisions {
  /** Conversations the removed agent still held; they are released and may be requeued. */
  readonly orphanedConversationIds: string[];
}

export interface Assignment {
  readonly conversationId: string;
  readonly agentId: string;
  readonly queueId: string;
  readonly channel: Channel;
  readonly assignedAt: number;
}

export interface RequeueInput {
  readonly queueId: string;
  /** Defaults to the conversation's current priority. */
  readonly priority?: number;
  /** true keeps the original `enqueuedAt` (a transfer keeps its place); false goes to the back. */
  readonly keepPlace: boolean;
}

export interface RestoredOffer {
  readonly agentId: string;
  readonly offeredAt: number;
  readonly expiresAt: number;
}

export interface QueuePosition {
  /** 1-based among contacts of the same queue and channel in routing order; 0 while offered. */
  readonly position: number;
  readonly expectedWaitSeconds: number;
}

export interface QueueStats {
  readonly queueId: string;
  readonly waiting: number;
  readonly offered: number;
  readonly longestWaitSeconds: number;
}

export interface AgentState {
  readonly agentId: string;
  readonly status: AgentStatus;
  readonly load: Record<Channel, number>;
  readonly capacity: Record<Channel, number>;
  readonly idleSince: number;
  readonly missedOffers: number;
  readonly offeredConversationIds: string[];
  readonly assignedConversationIds: string[];
}

export const CONVERSATION_PHASES = ['waiting', 'offered', 'assigned', 'released'] as const;
export type ConversationPhase = (typeof CONVERSATION_PHASES)[number];

export interface ConversationState {
  readonly conversationId: string;
  readonly phase: ConversationPhase;
  readonly queueId: string;
  readonly channel: Channel;
  readonly requiredSkills: readonly string[];
  readonly priority: number;
  readonly enqueuedAt: number;
  /** The agent ringing (offered) or handling it (assigned). */
  readonly agentId: string | null;
  readonly offer: Offer | null;
  /** Agents that declined or missed it; they are offered it again only when nobody else can take it. */
  readonly excludedAgentIds: string[];
}

export interface RoutingOptions {
  /** Seconds of waiting worth one priority level (ageing); default 60. */
  readonly agingSecondsPerPriorityLevel?: number;
  /** How long an offer rings before `tick` expires it; default 20 000 ms. */
  readonly ringTimeoutMs?: number;
  /** Consecutive missed offers after which an agent is set `away`; default 2. */
  readonly maxMissedOffers?: number;
  /** Average handle time assumed until `recordHandleTime` has data; default 180 s. */
  readonly defaultHandleTimeSeconds?: number;
  /** Weight of the newest sample in the handle-time moving average; default 0.1. */
  readonly handleTimeSmoothing?: number;
  /** How long a released conversation can still be requeued (transfer); default 10 min. */
  readonly releasedRetentionMs?: number;
}
