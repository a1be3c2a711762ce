import { describe, expect, it } from 'vitest';
import { RoutingError } from './routing.errors.js';
import { agent, contact, engineWith, makeAvailable, offeredTo, queue, T0 } from './routing.test-kit.js';

const RING = 20_000;

describe('offer lifecycle', () => {
  it('turns an accepted offer into an assignment that keeps the capacity taken', () => {
    const engine = engineWith([agent('a')]);
    makeAvailable(engine, ['a']);
    const [offer] = engine.enqueue(contact('c1'), T0 + 10).offers;
    expect(offer).toEqual({ conversationId: 'c1', agentId: 'a', queueId: 'q', channel: 'chat', offeredAt: T0 + 10, expiresAt: T0 + 10 + RING });
    const assignment = engine.acceptOffer('c1', 'a', T0 + 20);
    expect(assignment).toEqual({ conversationId: 'c1', agentId: 'a', queueId: 'q', channel: 'chat', assignedAt: T0 + 20 });
    expect(engine.agentState('a')).toMatchObject({ load: { chat: 1 }, offeredConversationIds: [], assignedConversationIds: ['c1'] });
    expect(engine.enqueue(contact('c2'), T0 + 30).offers).toEqual([]);
  });

  it('throws OFFER_EXPIRED and keeps the offer when accepted at or after expiresAt', () => {
    const engine = engineWith([agent('a')]);
    makeAvailable(engine, ['a']);
    engine.enqueue(contact('c1'), T0);
    expect(() => engine.acceptOffer('c1', 'a', T0 + RING)).toThrowError(RoutingError);
    expect(engine.conversationState('c1')?.phase).toBe('offered');
  });

  it('offers the contact to the next agent when the ring times out', () => {
    const engine = engineWith([agent('a'), agent('b')]);
    makeAvailable(engine, ['a', 'b']);
    engine.enqueue(contact('c1'), T0 + 10);
    expect(engine.tick(T0 + 10 + RING - 1).offers).toEqual([]);
    const decisions = engine.tick(T0 + 10 + RING);
    expect(decisions.endedOffers).toMatchObject([{ conversationId: 'c1', agentId: 'a', reason: 'expired' }]);
    expect(offeredTo(decisions)).toEqual(['c1->b']);
    expect(engine.agentState('a').missedOffers).toBe(1);
    expect(engine.conversationState('c1')?.excludedAgentIds).toEqual(['a']);
  });

  it('keeps a new offer ringing for its full time when the conversation rang before', () => {
    const engine = engineWith([agent('a')]);
    makeAvailable(engine, ['a']);
    engine.enqueue(contact('c1'), T0);
    engine.acceptOffer('c1', 'a', T0 + 1);
    engine.release('c1', T0 + 2);
    // The customer comes back: the first offer's time-out must not end the second offer.
    engine.enqueue(contact('c1', { enqueuedAt: T0 + 10_000 }), T0 + 10_000);
    expect(engine.tick(T0 + RING).endedOffers).toEqual([]);
    expect(engine.conversationState('c1')?.phase).toBe('offered');
  });

  it('uses the configured ring time-out when ringTimeoutMs is set', () => {
    const engine = engineWith([agent('a')], [], { ringTimeoutMs: 5000 });
    makeAvailable(engine, ['a']);
    expect(engine.enqueue(contact('c1'), T0).offers[0]?.expiresAt).toBe(T0 + 5000);
    expect(engine.tick(T0 + 5000).endedOffers).toHaveLength(1);
  });

  it('marks an agent away after maxMissedOffers consecutive missed offers', () => {
    const engine = engineWith([agent('a')]);
    makeAvailable(engine, ['a']);
    engine.enqueue(contact('c1'), T0);
    // Nobody else can take it, so the same agent rings again after the first miss.
    const first = engine.tick(T0 + RING);
    expect(offeredTo(first)).toEqual(['c1->a']);
    expect(first.agentsMarkedAway).toEqual([]);
    const second = engine.tick(T0 + 2 * RING);
    expect(second.agentsMarkedAway).toEqual(['a']);
    expect(second.offers).toEqual([]);
    expect(engine.agentState('a')).toMatchObject({ status: 'away', missedOffers: 2, load: { chat: 0 } });
    expect(engine.conversationState('c1')?.phase).toBe('waiting');
  });

  it('resets the missed count when the agent accepts an offer', () => {
    const engine = engineWith([agent('a')], [], { maxMissedOffers: 2 });
    makeAvailable(engine, ['a']);
    engine.enqueue(contact('c1'), T0);
    engine.tick(T0 + RING);
    engine.acceptOffer('c1', 'a', T0 + RING + 1);
    expect(engine.agentState('a').missedOffers).toBe(0);
    engine.release('c1', T0 + RING + 2);
    engine.enqueue(contact('c2'), T0 + RING + 3);
    expect(engine.tick(T0 + 2 * RING + 3).agentsMarkedAway).toEqual([]);
  });

  it('offers a declined contact to another agent and keeps its place when declined', () => {
    const engine = engineWith([agent('a'), agent('b')]);
    makeAvailable(engine, ['a']);
    engine.enqueue(contact('c1', { enqueuedAt: T0 }), T0);
    engine.enqueue(contact('c2', { enqueuedAt: T0 + 5 }), T0 + 5);
    const decisions = engine.declineOffer('c1', 'a', T0 + 10);
    expect(decisions.endedOffers).toMatchObject([{ conversationId: 'c1', reason: 'declined' }]);
    // a prefers work it did not decline; c1 keeps its place at the head for the next agent.
    expect(offeredTo(decisions)).toEqual(['c2->a']);
    expect(engine.positionOf('c1').position).toBe(1);
    expect(offeredTo(engine.setAgentStatus('b', 'available', T0 + 20))).toEqual(['c1->b']);
  });

  it('offers a declined contact again to the same agent when nobody else can take it', () => {
    const engine = engineWith([agent('a')]);
    makeAvailable(engine, ['a']);
    engine.enqueue(contact('c1'), T0);
    expect(offeredTo(engine.declineOffer('c1', 'a', T0 + 10))).toEqual(['c1->a']);
  });

  it('prefers an agent that has not declined when a contact returns', () => {
    const engine = engineWith([agent('a'), agent('b')]);
    makeAvailable(engine, ['a', 'b']);
    engine.enqueue(contact('c1'), T0 + 10);
    expect(offeredTo(engine.declineOffer('c1', 'a', T0 + 20))).toEqual(['c1->b']);
  });

  it('frees capacity and offers the next waiting contact when a conversation is released', () => {
    const engine = engineWith([agent('a')]);
    makeAvailable(engine, ['a']);
    engine.enqueue(contact('c1'), T0);
    engine.enqueue(contact('c2'), T0 + 1);
    engine.acceptOffer('c1', 'a', T0 + 2);
    const decisions = engine.release('c1', T0 + 100);
    expect(offeredTo(decisions)).toEqual(['c2->a']);
    expect(engine.conversationState('c1')?.phase).toBe('released');
  });

  it('forgets a waiting contact when the customer abandons', () => {
    const engine = engineWith([agent('a')]);
    engine.enqueue(contact('c1'), T0);
    engine.enqueue(contact('c2'), T0 + 1);
    engine.abandon('c1', T0 + 2);
    expect(engine.conversationState('c1')).toBeUndefined();
    expect(offeredTo(engine.setAgentStatus('a', 'available', T0 + 3))).toEqual(['c2->a']);
  });

  it('gives the agent new work when a ringing contact is abandoned', () => {
    const engine = engineWith([agent('a')]);
    makeAvailable(engine, ['a']);
    engine.enqueue(contact('c1'), T0);
    engine.enqueue(contact('c2'), T0 + 1);
    const decisions = engine.abandon('c1', T0 + 2);
    expect(decisions.endedOffers).toMatchObject([{ conversationId: 'c1', agentId: 'a', reason: 'abandoned' }]);
    expect(offeredTo(decisions)).toEqual(['c2->a']);
    expect(engine.agentState('a').missedOffers).toBe(0);
  });

  it('sends ringing offers to others without blame when the agent goes away', () => {
    const engine = engineWith([agent('a'), agent('b')]);
    makeAvailable(engine, ['a']);
    engine.enqueue(contact('c1'), T0);
    engine.setAgentStatus('b', 'available', T0 + 5);
    const decisions = engine.setAgentStatus('a', 'away', T0 + 10);
    expect(decisions.endedOffers).toMatchObject([{ conversationId: 'c1', reason: 'agent_unavailable' }]);
    expect(offeredTo(decisions)).toEqual(['c1->b']);
    expect(engine.conversationState('c1')?.excludedAgentIds).toEqual([]);
  });

  it('lets a busy agent still answer what was ringing when it sets busy', () => {
    const engine = engineWith([agent('a', { capacity: { chat: 2 } })]);
    makeAvailable(engine, ['a']);
    engine.enqueue(contact('c1'), T0);
    expect(engine.setAgentStatus('a', 'busy', T0 + 1).endedOffers).toEqual([]);
    expect(engine.acceptOffer('c1', 'a', T0 + 2).agentId).toBe('a');
    expect(engine.enqueue(contact('c2'), T0 + 3).offers).toEqual([]);
  });

  it('releases held conversations and re-offers ringing ones when an agent is removed', () => {
    const engine = engineWith([agent('a', { capacity: { chat: 2 } }), agent('b')]);
    makeAvailable(engine, ['a']);
    engine.enqueue(contact('c1'), T0);
    engine.enqueue(contact('c2'), T0);
    engine.acceptOffer('c1', 'a', T0 + 1);
    engine.setAgentStatus('b', 'available', T0 + 2);
    const result = engine.removeAgent('a', T0 + 3);
    expect(result.orphanedConversationIds).toEqual(['c1']);
    expect(offeredTo(result)).toEqual(['c2->b']);
    expect(engine.conversationState('c1')?.phase).toBe('released');
  });
});

describe('requeue', () => {
  it('puts a transferred conversation in its original place when keepPlace is true', () => {
    const engine = engineWith([agent('a'), agent('b', { queueIds: ['q2'] })], [queue('q2')]);
    engine.enqueue(contact('later', { queueId: 'q2', enqueuedAt: T0 + 50 }), T0 + 50);
    makeAvailable(engine, ['a'], T0 + 60);
    engine.enqueue(contact('c1', { enqueuedAt: T0 }), T0 + 60);
    engine.acceptOffer('c1', 'a', T0 + 61);
    engine.release('c1', T0 + 100);
    expect(engine.requeue('c1', { queueId: 'q2', keepPlace: true }, T0 + 101).offers).toEqual([]);
    expect(engine.positionOf('c1').position).toBe(1);
    expect(offeredTo(engine.setAgentStatus('b', 'available', T0 + 102))).toEqual(['c1->b']);
  });

  it('puts a requeued conversation at the back when keepPlace is false', () => {
    const engine = engineWith([agent('a')]);
    makeAvailable(engine, ['a']);
    engine.enqueue(contact('c1', { enqueuedAt: T0 }), T0);
    engine.acceptOffer('c1', 'a', T0 + 1);
    engine.enqueue(contact('c2', { enqueuedAt: T0 + 2 }), T0 + 2);
    const decisions = engine.requeue('c1', { queueId: 'q', keepPlace: false, priority: 0 }, T0 + 10);
    expect(engine.conversationState('c1')?.enqueuedAt).toBe(T0 + 10);
    expect(offeredTo(decisions)).toEqual(['c2->a']);
    expect(engine.positionOf('c1').position).toBe(1);
  });

  it('rings the handing-over agent only when nobody else can take a transfer', () => {
    const engine = engineWith([agent('a'), agent('b')]);
    makeAvailable(engine, ['a', 'b']);
    engine.enqueue(contact('c1'), T0);
    engine.acceptOffer('c1', 'a', T0 + 1);
    expect(offeredTo(engine.requeue('c1', { queueId: 'q', keepPlace: true }, T0 + 2))).toEqual(['c1->b']);
  });

  it('moves a waiting contact to another queue with a new priority when requeued', () => {
    const engine = engineWith([agent('b', { queueIds: ['q2'] })], [queue('q2')]);
    engine.enqueue(contact('c1'), T0);
    engine.requeue('c1', { queueId: 'q2', keepPlace: true, priority: 3 }, T0 + 1);
    expect(engine.conversationState('c1')).toMatchObject({ queueId: 'q2', priority: 3, enqueuedAt: T0 });
    expect(engine.queueStats(T0 + 1).map((s) => [s.queueId, s.waiting])).toEqual([['q', 0], ['q2', 1]]);
  });

  it('rings a named colleague at once when a transfer targets them, whatever their skills', () => {
    const engine = engineWith([agent('a'), agent('b', { capacity: { chat: 2 } })]);
    makeAvailable(engine, ['a', 'b']);
    engine.enqueue(contact('c1'), T0);
    engine.acceptOffer('c1', 'a', T0 + 1);
    engine.enqueue(contact('c2'), T0 + 2);
    engine.acceptOffer('c2', 'b', T0 + 3);
    engine.enqueue(contact('older', { enqueuedAt: T0 - 60_000, requiredSkills: ['lang:de'] }), T0 + 4);
    engine.release('c1', T0 + 5);
    const decisions = engine.offerTo(contact('c1', { requiredSkills: ['lang:de'] }), 'b', T0 + 6);
    expect(offeredTo(decisions)).toEqual(['c1->b']);
    expect(engine.conversationState('c1')?.excludedAgentIds).toEqual(['a']);
  });

  it('leaves a transfer waiting in its queue when the named colleague cannot take it', () => {
    const engine = engineWith([agent('a'), agent('b'), agent('c')]);
    makeAvailable(engine, ['a', 'c']);
    engine.enqueue(contact('c1'), T0);
    engine.acceptOffer('c1', 'a', T0 + 1);
    engine.release('c1', T0 + 2);
    expect(offeredTo(engine.offerTo(contact('c1'), 'b', T0 + 3))).toEqual(['c1->c']);
  });

  it('throws CONVERSATION_NOT_WAITING when a named transfer targets a ringing conversation', () => {
    const engine = engineWith([agent('a'), agent('b')]);
    makeAvailable(engine, ['a', 'b']);
    engine.enqueue(contact('c1'), T0);
    expect(() => engine.offerTo(contact('c1'), 'b', T0 + 1)).toThrowError(/offered/);
    expect(engine.conversationState('c1')?.agentId).toBe('a');
  });

  it('forgets a released conversation when nobody requeues it within the retention', () => {
    const engine = engineWith([agent('a')], [], { releasedRetentionMs: 1000 });
    makeAvailable(engine, ['a']);
    engine.enqueue(contact('c1'), T0);
    engine.acceptOffer('c1', 'a', T0 + 1);
    engine.release('c1', T0 + 2);
    engine.tick(T0 + 1001);
    expect(engine.conversationState('c1')?.phase).toBe('released');
    engine.tick(T0 + 1002);
    expect(engine.conversationState('c1')).toBeUndefined();
  });
});
