import { compareIds, compareRanked } from './contact-order.js';
import { makeOffer } from './offer-lifecycle.js';
import { excludes, hasAllSkills, hasFreeCapacity, type AgentRecord, type ContactRecord } from './routing.records.js';
import type { DecisionBatch, QueueRecord, RoutingState } from './routing-state.js';
import { CHANNELS } from './routing.types.js';
import type { WaitingBucket } from './waiting-list.js';

/*
 * Matching keeps one promise after every call: no waiting contact has an available agent
 * with room that could take it. Only agents that gained room and contacts that started
 * waiting in this call can break it, so only they are examined. Agents choose first, in
 * idle order, so the best contact goes to the longest-idle agent; each remaining new
 * contact then takes the longest-idle agent left.
 */
export function settle(state: RoutingState, batch: DecisionBatch): void {
  const agents = [...batch.freedAgents]
    .filter((agent) => agent.status === 'available' && state.agents.get(agent.id) === agent)
    .sort((a, b) => a.idleSince - b.idleSince || compareIds(a.id, b.id));
  batch.freedAgents.clear();
  for (const agent of agents) fillAgent(state, batch, agent);
  for (const contact of batch.waitingContacts) {
    if (contact.phase === 'waiting' && state.contacts.get(contact.conversationId) === contact) {
      const agent = state.agents.pickLongestIdle(contact);
      if (agent !== undefined) makeOffer(state, batch, contact, agent);
    }
  }
  batch.waitingContacts.length = 0;
}

/**
 * Gives the agent the best contacts it can take until it is full. A contact that this
 * agent declined or missed goes to someone else who can take it, and only to this agent
 * when nobody else can.
 */
function fillAgent(state: RoutingState, batch: DecisionBatch, agent: AgentRecord): void {
  for (;;) {
    const contact = pickContactForAgent(state, agent);
    if (contact === undefined) return;
    const target = excludes(contact, agent.id) ? (state.agents.pickLongestIdle(contact) ?? agent) : agent;
    makeOffer(state, batch, contact, target);
  }
}

interface Candidate {
  readonly contact: ContactRecord;
  readonly key: number;
}

interface Candidates {
  /** Best contact that has not excluded the agent. */
  welcome?: Candidate;
  /** Best contact of all, used only when every candidate excluded the agent. */
  any?: Candidate;
}

/** The best waiting contact this agent could take, comparing bucket heads only. */
export function pickContactForAgent(state: RoutingState, agent: AgentRecord): ContactRecord | undefined {
  if (agent.status !== 'available') return undefined;
  const candidates: Candidates = {};
  for (const queueId of agent.queueIds) {
    const queue = state.queues.get(queueId);
    if (queue === undefined || queue.waiting.size === 0 || !hasAllSkills(agent.skills, queue.config.skills)) continue;
    for (const channel of CHANNELS) {
      if (!hasFreeCapacity(agent, channel)) continue;
      for (const bucket of queue.waiting.bucketsFor(channel)) {
        considerBucket(candidates, bucket, agent, queue, state.options.agingMsPerLevel);
      }
    }
  }
  return (candidates.welcome ?? candidates.any)?.contact;
}

function considerBucket(
  candidates: Candidates,
  bucket: WaitingBucket,
  agent: AgentRecord,
  queue: QueueRecord,
  agingMsPerLevel: number,
): void {
  const head = bucket.contacts.peek();
  if (head === undefined || !hasAllSkills(agent.skills, bucket.requiredSkills)) return;
  const offset = (queue.config.priority + bucket.priority) * agingMsPerLevel;
  const headKey = head.enqueuedAt - offset;
  if (beats(headKey, head, candidates.any)) candidates.any = { contact: head, key: headKey };
  // Everything behind the head ranks lower, so a head that loses settles the bucket.
  if (!beats(headKey, head, candidates.welcome)) return;
  const welcome = excludes(head, agent.id) ? bucket.contacts.find((contact) => !excludes(contact, agent.id)) : head;
  if (welcome === undefined) return;
  const key = welcome.enqueuedAt - offset;
  if (beats(key, welcome, candidates.welcome)) candidates.welcome = { contact: welcome, key };
}

function beats(key: number, contact: ContactRecord, current: Candidate | undefined): boolean {
  return current === undefined || compareRanked(key, contact, current.key, current.contact) < 0;
}
