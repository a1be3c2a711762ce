import type { AgentStatus, Channel, ConversationPhase, Offer } from './routing.types.js';

/** Internal mutable state of one conversation known to the engine. */
export interface ContactRecord {
  readonly conversationId: string;
  readonly channel: Channel;
  /** Sorted and de-duplicated, so equal needs share one bucket. */
  readonly requiredSkills: readonly string[];
  readonly skillsKey: string;
  queueId: string;
  priority: number;
  /** Sets the contact's place; kept when an offer fails, on overflow and on `keepPlace` requeue. */
  enqueuedAt: number;
  /** When it entered its current queue; overflow counts from here. */
  queueEnteredAt: number;
  /** New on every queue entry so stale overflow timers can be recognised. */
  queueVisit: number;
  phase: ConversationPhase;
  agentId: string | null;
  offer: Offer | null;
  /** New on every offer so stale expiry timers can be recognised. */
  offerSeq: number;
  releasedAt: number | null;
  excludedAgentIds: Set<string> | null;
  overflowedFrom: Set<string> | null;
}

export interface AgentRecord {
  readonly id: string;
  skills: ReadonlySet<string>;
  queueIds: readonly string[];
  capacity: Record<Channel, number>;
  status: AgentStatus;
  load: Record<Channel, number>;
  idleSince: number;
  missedOffers: number;
  readonly offered: Set<string>;
  readonly assigned: Set<string>;
}

export interface NormalizedQueue {
  readonly id: string;
  readonly skills: readonly string[];
  readonly priority: number;
  readonly overflow: { readonly afterMs: number; readonly toQueueId: string } | null;
}

export function zeroLoad(): Record<Channel, number> {
  return { chat: 0, voice: 0, email: 0, whatsapp: 0 };
}

export function hasAllSkills(skills: ReadonlySet<string>, required: readonly string[]): boolean {
  for (const skill of required) if (!skills.has(skill)) return false;
  return true;
}

export function hasFreeCapacity(agent: AgentRecord, channel: Channel): boolean {
  return agent.load[channel] < agent.capacity[channel];
}

export function excludes(contact: ContactRecord, agentId: string): boolean {
  return contact.excludedAgentIds !== null && contact.excludedAgentIds.has(agentId);
}
