import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRoutingError } from './routing.errors.js';
import { RoutingEngine } from './routing-engine.js';
import type { AgentStatus, Channel, ConversationState, RoutingAgent, RoutingDecisions, RoutingQueue } from './routing.types.js';

/*
 * Random sequences of operations against one engine, with the invariants checked after
 * every step by brute force over the whole state, independently of the engine's indexes.
 */

const T0 = 1_700_000_000_000;
const AGING_MS = 60_000;
const QUEUES: RoutingQueue[] = [
  { id: 'q3', skills: [], priority: 1 },
  { id: 'q1', skills: [], priority: 0, overflow: { afterSeconds: 30, toQueueId: 'q3' } },
  { id: 'q2', skills: ['s'], priority: 0 },
];
const QUEUE_CYCLE: RoutingQueue = { id: 'q3', skills: [], priority: 1, overflow: { afterSeconds: 45, toQueueId: 'q1' } };
const QUEUE_IDS = ['q1', 'q2', 'q3'];
const CHANNELS_USED: Channel[] = ['chat', 'voice'];
const LANGS = ['lang:nl', 'lang:fr'];
const STATUSES: AgentStatus[] = ['available', 'available', 'busy', 'wrap_up', 'away', 'offline'];

const agentArb = fc.record({
  skills: fc.subarray(['s', ...LANGS]),
  queueIds: fc.subarray(QUEUE_IDS, { minLength: 1 }),
  chat: fc.integer({ min: 0, max: 3 }),
  voice: fc.integer({ min: 0, max: 1 }),
});

const dt = fc.integer({ min: 0, max: 4000 });
const opArb = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('enqueue' as const), queue: fc.nat(2), channel: fc.constantFrom(...CHANNELS_USED), langs: fc.subarray(LANGS, { maxLength: 1 }), priority: fc.integer({ min: 0, max: 2 }), age: fc.integer({ min: 0, max: 90_000 }), dt }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('status' as const), agent: fc.nat(), status: fc.constantFrom(...STATUSES), dt }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('accept' as const), pick: fc.nat(), dt }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('decline' as const), pick: fc.nat(), dt }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('release' as const), pick: fc.nat(), dt }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('abandon' as const), pick: fc.nat(), dt }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('requeue' as const), pick: fc.nat(), queue: fc.nat(2), keepPlace: fc.boolean(), dt }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('tick' as const), dt: fc.integer({ min: 0, max: 40_000 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('transfer' as const), pick: fc.nat(), agent: fc.nat(), queue: fc.nat(2), dt }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('grow' as const), agent: fc.nat(), skill: fc.constantFrom('s', ...LANGS), queue: fc.nat(2), dt }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('bad' as const), variant: fc.nat(7), pick: fc.nat(), dt }) },
);
type Op = typeof opArb extends fc.Arbitrary<infer T> ? T : never;

interface Model {
  readonly engine: RoutingEngine;
  readonly agents: RoutingAgent[];
  readonly statuses: Map<string, AgentStatus>;
  readonly conversations: string[];
  /** Conversations sent to a named colleague, who need not match the queue's rules. */
  readonly handPicked: Set<string>;
  /** Outstanding offers as told by the decisions alone: conversation → agent. */
  readonly outstanding: Map<string, string>;
  now: number;
  nextId: number;
}

function pick<T>(items: readonly T[], index: number): T | undefined {
  return items.length === 0 ? undefined : items[index % items.length];
}

function states(model: Model): ConversationState[] {
  return model.conversations.flatMap((id) => model.engine.conversationState(id) ?? []);
}

function inPhase(model: Model, phase: ConversationState['phase']): ConversationState[] {
  return states(model).filter((state) => state.phase === phase);
}

function absorb(model: Model, decisions: RoutingDecisions): void {
  for (const ended of decisions.endedOffers) {
    expect(model.outstanding.get(ended.conversationId)).toBe(ended.agentId);
    model.outstanding.delete(ended.conversationId);
  }
  for (const offer of decisions.offers) {
    expect(model.outstanding.has(offer.conversationId), `second offer of ${offer.conversationId}`).toBe(false);
    model.outstanding.set(offer.conversationId, offer.agentId);
  }
  for (const agentId of decisions.agentsMarkedAway) model.statuses.set(agentId, 'away');
}

function snapshot(model: Model): string {
  const agents = model.agents.map((agent) => model.engine.agentState(agent.id));
  return JSON.stringify({ conversations: states(model), agents, queues: model.engine.queueStats(model.now) });
}

function badCall(model: Model, variant: number, index: number): () => unknown {
  const { engine, now } = model;
  const existing = pick(model.conversations, index) ?? 'none';
  const waiting = pick(inPhase(model, 'waiting'), index)?.conversationId ?? 'none';
  const assigned = pick(inPhase(model, 'assigned'), index)?.conversationId ?? 'none';
  const calls: (() => unknown)[] = [
    () => engine.enqueue({ conversationId: 'x', queueId: 'nope', channel: 'chat', requiredSkills: [], priority: 0, enqueuedAt: now }, now),
    () => engine.acceptOffer(existing, 'ghost', now),
    () => engine.release(waiting, now),
    () => engine.setAgentStatus('ghost', 'available', now),
    () => engine.requeue(existing, { queueId: 'nope', keepPlace: true }, now),
    () => engine.upsertAgent({ id: 'a0', skills: [], queueIds: ['nope'], capacity: { chat: 9 } }, now),
    () => engine.abandon(assigned, now),
    () => engine.enqueue({ conversationId: existing, queueId: 'q1', channel: 'chat', requiredSkills: [], priority: Number.NaN, enqueuedAt: now }, now),
  ];
  return calls[variant % calls.length] as () => unknown;
}

function apply(model: Model, op: Op): void {
  model.now += op.dt;
  const { engine, now } = model;
  switch (op.kind) {
    case 'enqueue': {
      const conversationId = `c${model.nextId++}`;
      model.conversations.push(conversationId);
      const queueId = QUEUE_IDS[op.queue] as string;
      const contact = { conversationId, queueId, channel: op.channel, requiredSkills: op.langs, priority: op.priority, enqueuedAt: now - op.age };
      return absorb(model, engine.enqueue(contact, now));
    }
    case 'status': {
      const agent = pick(model.agents, op.agent) as RoutingAgent;
      model.statuses.set(agent.id, op.status);
      return absorb(model, engine.setAgentStatus(agent.id, op.status, now));
    }
    case 'accept':
    case 'decline':
      return answer(model, op.kind, op.pick);
    case 'release': {
      const assigned = pick(inPhase(model, 'assigned'), op.pick);
      return assigned === undefined ? undefined : absorb(model, engine.release(assigned.conversationId, now));
    }
    case 'abandon': {
      const open = pick([...inPhase(model, 'waiting'), ...inPhase(model, 'offered')], op.pick);
      return open === undefined ? undefined : absorb(model, engine.abandon(open.conversationId, now));
    }
    case 'requeue': {
      const target = pick(states(model), op.pick);
      if (target === undefined) return;
      return absorb(model, engine.requeue(target.conversationId, { queueId: QUEUE_IDS[op.queue] as string, keepPlace: op.keepPlace }, now));
    }
    case 'tick':
      return absorb(model, engine.tick(now));
    case 'transfer':
      return transferTo(model, op.pick, op.agent, op.queue);
    case 'grow':
      return grow(model, op.agent, op.skill, op.queue);
    case 'bad':
      return expectRejected(model, op.variant, op.pick);
  }
}

function answer(model: Model, kind: 'accept' | 'decline', index: number): void {
  const offered = pick([...model.outstanding], index);
  if (offered === undefined) return;
  const [conversationId, agentId] = offered;
  const { engine, now } = model;
  if (kind === 'decline') return absorb(model, engine.declineOffer(conversationId, agentId, now));
  const expiresAt = engine.conversationState(conversationId)?.offer?.expiresAt ?? 0;
  if (now >= expiresAt) return expect(() => engine.acceptOffer(conversationId, agentId, now)).toThrowError(/expired/);
  engine.acceptOffer(conversationId, agentId, now);
  model.outstanding.delete(conversationId);
}

function transferTo(model: Model, index: number, agentIndex: number, queueIndex: number): void {
  const target = pick(states(model).filter((c) => c.phase === 'released' || c.phase === 'waiting'), index);
  if (target === undefined) return;
  const agent = pick(model.agents, agentIndex) as RoutingAgent;
  const { conversationId, channel, requiredSkills, priority, enqueuedAt } = target;
  const contact = { conversationId, queueId: QUEUE_IDS[queueIndex] as string, channel, requiredSkills, priority, enqueuedAt };
  model.handPicked.add(conversationId);
  absorb(model, model.engine.offerTo(contact, agent.id, model.now));
}

/** Agents only gain skills, queues and capacity, so `load ≤ capacity` must always hold. */
function grow(model: Model, agentIndex: number, skill: string, queueIndex: number): void {
  const index = agentIndex % model.agents.length;
  const agent = model.agents[index] as RoutingAgent;
  const grown: RoutingAgent = {
    ...agent,
    skills: [...new Set([...agent.skills, skill])],
    queueIds: [...new Set([...agent.queueIds, QUEUE_IDS[queueIndex] as string])],
    capacity: { chat: (agent.capacity.chat ?? 0) + 1, voice: agent.capacity.voice ?? 0 },
  };
  model.agents[index] = grown;
  absorb(model, model.engine.upsertAgent(grown, model.now));
}

function expectRejected(model: Model, variant: number, index: number): void {
  const before = snapshot(model);
  let error: unknown;
  try {
    badCall(model, variant, index)();
  } catch (caught) {
    error = caught;
  }
  expect(isRoutingError(error), `variant ${variant} should fail with a RoutingError`).toBe(true);
  expect(snapshot(model)).toBe(before);
}

function queueSkills(queueId: string): readonly string[] {
  return QUEUES.find((queue) => queue.id === queueId)?.skills ?? [];
}

/** The brute-force eligibility scan the starvation check relies on. */
function canTake(model: Model, agent: RoutingAgent, contact: ConversationState): boolean {
  const state = model.engine.agentState(agent.id);
  const skills = new Set(agent.skills);
  return (
    state.status === 'available' &&
    agent.queueIds.includes(contact.queueId) &&
    [...queueSkills(contact.queueId), ...contact.requiredSkills].every((skill) => skills.has(skill)) &&
    state.load[contact.channel] < (agent.capacity[contact.channel] ?? 0)
  );
}

function checkInvariants(model: Model): void {
  const all = states(model);
  const holders = new Map<string, string[]>();
  for (const agent of model.agents) {
    const state = model.engine.agentState(agent.id);
    expect(state.status).toBe(model.statuses.get(agent.id) ?? 'offline');
    if (state.status === 'away' || state.status === 'offline') expect(state.offeredConversationIds).toEqual([]);
    for (const channel of CHANNELS_USED) {
      expect(state.load[channel], `load of ${agent.id} on ${channel}`).toBeLessThanOrEqual(agent.capacity[channel] ?? 0);
      const held = all.filter((c) => c.agentId === agent.id && c.channel === channel && (c.phase === 'offered' || c.phase === 'assigned'));
      expect(state.load[channel]).toBe(held.length);
    }
    for (const id of [...state.offeredConversationIds, ...state.assignedConversationIds]) holders.set(id, [...(holders.get(id) ?? []), agent.id]);
  }
  for (const contact of all) {
    const heldBy = holders.get(contact.conversationId) ?? [];
    const expected = contact.phase === 'offered' || contact.phase === 'assigned' ? [contact.agentId] : [];
    expect(heldBy, `holders of ${contact.conversationId} (${contact.phase})`).toEqual(expected);
    expect(contact.offer !== null).toBe(contact.phase === 'offered');
    expect(model.outstanding.get(contact.conversationId)).toBe(contact.phase === 'offered' ? contact.agentId : undefined);
    if ((contact.phase === 'offered' || contact.phase === 'assigned') && !model.handPicked.has(contact.conversationId)) {
      const holder = model.agents.find((agent) => agent.id === contact.agentId) as RoutingAgent;
      expect(holder.queueIds).toContain(contact.queueId);
      expect([...queueSkills(contact.queueId), ...contact.requiredSkills].every((skill) => holder.skills.includes(skill))).toBe(true);
    }
  }
  for (const contact of all.filter((c) => c.phase === 'waiting')) {
    const idle = model.agents.filter((agent) => canTake(model, agent, contact)).map((agent) => agent.id);
    expect(idle, `${contact.conversationId} waits while agents can take it`).toEqual([]);
  }
  checkQueues(model, all);
}

function checkQueues(model: Model, all: ConversationState[]): void {
  for (const stats of model.engine.queueStats(model.now)) {
    const inQueue = all.filter((c) => c.queueId === stats.queueId);
    expect(stats.waiting).toBe(inQueue.filter((c) => c.phase === 'waiting').length);
    expect(stats.offered).toBe(inQueue.filter((c) => c.phase === 'offered').length);
    const queuePriority = stats.queueId === 'q3' ? 1 : 0;
    for (const channel of CHANNELS_USED) {
      const ranked = inQueue
        .filter((c) => c.phase === 'waiting' && c.channel === channel)
        .map((c) => ({ id: c.conversationId, key: c.enqueuedAt - (queuePriority + c.priority) * AGING_MS, at: c.enqueuedAt }))
        .sort((a, b) => a.key - b.key || a.at - b.at || (a.id < b.id ? -1 : 1));
      ranked.forEach((entry, index) => expect(model.engine.positionOf(entry.id).position).toBe(index + 1));
    }
  }
}

type AgentDraft = typeof agentArb extends fc.Arbitrary<infer T> ? T : never;

function newModel(agents: AgentDraft[], cycle: boolean): Model {
  const engine = new RoutingEngine();
  for (const queue of QUEUES) engine.upsertQueue(queue, T0);
  if (cycle) engine.upsertQueue(QUEUE_CYCLE, T0);
  const configs = agents.map((agent, index) => ({ id: `a${index}`, skills: agent.skills, queueIds: agent.queueIds, capacity: { chat: agent.chat, voice: agent.voice } }));
  for (const config of configs) engine.upsertAgent(config, T0);
  return { engine, agents: configs, statuses: new Map(), conversations: [], handPicked: new Set(), outstanding: new Map(), now: T0, nextId: 0 };
}

describe('RoutingEngine properties', () => {
  it('keeps capacity, single offers and no starvation after every step of any operation sequence', () => {
    fc.assert(
      fc.property(fc.array(agentArb, { minLength: 1, maxLength: 6, size: 'max' }), fc.boolean(), fc.array(opArb, { minLength: 10, maxLength: 100, size: 'max' }), (agents, cycle, ops) => {
        const model = newModel(agents, cycle);
        for (const op of ops) {
          apply(model, op);
          checkInvariants(model);
        }
      }),
      { numRuns: 200 },
    );
  });
});
