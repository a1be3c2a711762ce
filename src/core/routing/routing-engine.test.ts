import { describe, expect, it } from 'vitest';
import { RoutingError } from './routing.errors.js';
import { RoutingEngine } from './routing-engine.js';
import { agent, contact, engineWith, makeAvailable, offeredTo, queue, T0 } from './routing.test-kit.js';

const SECOND = 1000;

function expectRoutingError(call: () => unknown, code: string): void {
  let caught: unknown;
  try {
    call();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(RoutingError);
  expect((caught as RoutingError).code).toBe(code);
}

describe('RoutingEngine agent selection', () => {
  it('offers a new contact to the longest-idle available agent when several are free', () => {
    const engine = engineWith([agent('a'), agent('b'), agent('c')]);
    makeAvailable(engine, ['b', 'a', 'c']);
    expect(offeredTo(engine.enqueue(contact('c1'), T0 + 10))).toEqual(['c1->b']);
    expect(offeredTo(engine.enqueue(contact('c2'), T0 + 11))).toEqual(['c2->a']);
  });

  it('counts idle time from the last release when agents free up', () => {
    const engine = engineWith([agent('a'), agent('b')]);
    makeAvailable(engine, ['a', 'b']);
    engine.enqueue(contact('c1'), T0 + 10);
    engine.enqueue(contact('c2'), T0 + 10);
    engine.acceptOffer('c1', 'a', T0 + 11);
    engine.acceptOffer('c2', 'b', T0 + 11);
    engine.release('c2', T0 + 50);
    engine.release('c1', T0 + 100);
    expect(engine.agentState('a').idleSince).toBe(T0 + 100);
    expect(offeredTo(engine.enqueue(contact('c3'), T0 + 200))).toEqual(['c3->b']);
  });

  it('offers a contact only to agents with its required language when it has one', () => {
    const engine = engineWith([agent('nl', { skills: ['lang:nl'] }), agent('fr', { skills: ['lang:fr', 'lang:en'] })]);
    makeAvailable(engine, ['nl', 'fr']);
    expect(offeredTo(engine.enqueue(contact('c1', { requiredSkills: ['lang:fr'] }), T0 + 10))).toEqual(['c1->fr']);
    expect(engine.enqueue(contact('c2', { requiredSkills: ['lang:fr'] }), T0 + 10).offers).toEqual([]);
    expect(engine.conversationState('c2')?.phase).toBe('waiting');
  });

  it('requires every required skill when a contact needs several', () => {
    const engine = engineWith([agent('a', { skills: ['lang:nl'] }), agent('b', { skills: ['lang:nl', 'vip'] })]);
    makeAvailable(engine, ['a', 'b']);
    expect(offeredTo(engine.enqueue(contact('c1', { requiredSkills: ['vip', 'lang:nl'] }), T0 + 10))).toEqual(['c1->b']);
  });

  it('skips members without the queue skills when the queue requires some', () => {
    const engine = engineWith([agent('a', { queueIds: ['bank'] }), agent('b', { queueIds: ['bank'], skills: ['banking'] })], [
      queue('bank', { skills: ['banking'] }),
    ]);
    makeAvailable(engine, ['a', 'b']);
    expect(offeredTo(engine.enqueue(contact('c1', { queueId: 'bank' }), T0 + 10))).toEqual(['c1->b']);
  });

  it('skips agents outside the contact queue when they are free', () => {
    const engine = engineWith([agent('other', { queueIds: ['q2'] }), agent('member')], [queue('q2')]);
    makeAvailable(engine, ['other']);
    expect(engine.enqueue(contact('c1'), T0 + 10).offers).toEqual([]);
    expect(offeredTo(engine.setAgentStatus('member', 'available', T0 + 20))).toEqual(['c1->member']);
  });

  it('offers nothing to agents that are busy, in wrap-up, away or offline', () => {
    const engine = engineWith([agent('busy'), agent('wrap'), agent('away'), agent('off')]);
    engine.setAgentStatus('busy', 'busy', T0);
    engine.setAgentStatus('wrap', 'wrap_up', T0);
    engine.setAgentStatus('away', 'away', T0);
    expect(engine.enqueue(contact('c1'), T0 + 10).offers).toEqual([]);
    expect(offeredTo(engine.setAgentStatus('wrap', 'available', T0 + 20))).toEqual(['c1->wrap']);
  });

  it('offers up to the capacity of each channel separately when an agent handles several', () => {
    const engine = engineWith([agent('a', { capacity: { chat: 2, voice: 1 } })]);
    makeAvailable(engine, ['a']);
    expect(offeredTo(engine.enqueue(contact('chat1'), T0 + 1))).toEqual(['chat1->a']);
    expect(offeredTo(engine.enqueue(contact('chat2'), T0 + 2))).toEqual(['chat2->a']);
    expect(engine.enqueue(contact('chat3'), T0 + 3).offers).toEqual([]);
    expect(offeredTo(engine.enqueue(contact('call1', { channel: 'voice' }), T0 + 4))).toEqual(['call1->a']);
    expect(engine.enqueue(contact('call2', { channel: 'voice' }), T0 + 5).offers).toEqual([]);
    expect(engine.enqueue(contact('mail1', { channel: 'email' }), T0 + 6).offers).toEqual([]);
    expect(engine.agentState('a').load).toEqual({ chat: 2, voice: 1, email: 0, whatsapp: 0 });
  });

  it('fills all free capacity at once when an agent becomes available', () => {
    const engine = engineWith([agent('a', { capacity: { chat: 3 } })]);
    for (const id of ['c1', 'c2', 'c3', 'c4']) engine.enqueue(contact(id), T0);
    expect(offeredTo(engine.setAgentStatus('a', 'available', T0 + 10))).toEqual(['c1->a', 'c2->a', 'c3->a']);
  });

  it('uses new skills and queues at once when an available agent is updated', () => {
    const engine = engineWith([agent('a', { skills: ['lang:nl'] })]);
    makeAvailable(engine, ['a']);
    engine.enqueue(contact('c1', { requiredSkills: ['lang:fr'] }), T0 + 10);
    const decisions = engine.upsertAgent(agent('a', { skills: ['lang:nl', 'lang:fr'] }), T0 + 20);
    expect(offeredTo(decisions)).toEqual(['c1->a']);
  });

  it('offers waiting contacts to members when a queue drops a skill requirement', () => {
    const engine = engineWith([agent('a', { queueIds: ['bank'], capacity: { chat: 2 } })], [queue('bank', { skills: ['banking'] })]);
    makeAvailable(engine, ['a']);
    engine.enqueue(contact('c1', { queueId: 'bank' }), T0 + 10);
    expect(offeredTo(engine.upsertQueue(queue('bank'), T0 + 20))).toEqual(['c1->a']);
    expect(offeredTo(engine.enqueue(contact('c2', { queueId: 'bank' }), T0 + 30))).toEqual(['c2->a']);
  });

  it('offers new contacts to members that a changed queue no longer excludes', () => {
    const engine = engineWith([agent('a', { queueIds: ['bank'], capacity: { chat: 2 } })], [queue('bank', { skills: ['banking'] })]);
    makeAvailable(engine, ['a']);
    engine.upsertQueue(queue('bank'), T0 + 20);
    expect(offeredTo(engine.enqueue(contact('c1', { queueId: 'bank' }), T0 + 30))).toEqual(['c1->a']);
    engine.upsertQueue(queue('bank', { skills: ['banking'] }), T0 + 40);
    expect(engine.enqueue(contact('c2', { queueId: 'bank' }), T0 + 50).offers).toEqual([]);
  });
});

describe('RoutingEngine contact order', () => {
  it('gives a freed agent the highest-priority contact when contacts of several priorities wait', () => {
    const engine = engineWith([agent('a')]);
    engine.enqueue(contact('low', { priority: 0, enqueuedAt: T0 }), T0);
    engine.enqueue(contact('high', { priority: 2, enqueuedAt: T0 + SECOND }), T0 + SECOND);
    expect(offeredTo(engine.setAgentStatus('a', 'available', T0 + 2 * SECOND))).toEqual(['high->a']);
  });

  it('lets an old low-priority contact overtake a newer high-priority one after enough waiting', () => {
    const build = (highArrivesAfterSeconds: number): RoutingEngine => {
      const engine = engineWith([agent('a')]);
      engine.enqueue(contact('old-low', { priority: 0, enqueuedAt: T0 }), T0);
      const at = T0 + highArrivesAfterSeconds * SECOND;
      engine.enqueue(contact('new-high', { priority: 1, enqueuedAt: at }), at);
      return engine;
    };
    // One priority level is worth 60 s of waiting: arriving 59 s later, the high one still wins.
    expect(offeredTo(build(59).setAgentStatus('a', 'available', T0 + 70 * SECOND))).toEqual(['new-high->a']);
    expect(offeredTo(build(61).setAgentStatus('a', 'available', T0 + 70 * SECOND))).toEqual(['old-low->a']);
  });

  it('applies the configured ageing when agingSecondsPerPriorityLevel is set', () => {
    const engine = engineWith([agent('a')], [], { agingSecondsPerPriorityLevel: 10 });
    engine.enqueue(contact('old-low', { priority: 0, enqueuedAt: T0 }), T0);
    engine.enqueue(contact('new-high', { priority: 1, enqueuedAt: T0 + 11 * SECOND }), T0 + 11 * SECOND);
    expect(offeredTo(engine.setAgentStatus('a', 'available', T0 + 20 * SECOND))).toEqual(['old-low->a']);
  });

  it('serves the earliest arrival first and then the lowest conversation id when scores tie', () => {
    const engine = engineWith([agent('a', { capacity: { chat: 3 } })]);
    engine.enqueue(contact('b', { enqueuedAt: T0 + 5 }), T0 + 5);
    engine.enqueue(contact('z', { enqueuedAt: T0 }), T0 + 6);
    engine.enqueue(contact('a', { enqueuedAt: T0 + 5 }), T0 + 7);
    expect(offeredTo(engine.setAgentStatus('a', 'available', T0 + 10))).toEqual(['z->a', 'a->a', 'b->a']);
  });

  it('picks the oldest contact across languages when the agent speaks several', () => {
    const engine = engineWith([agent('a', { skills: ['lang:nl', 'lang:fr'] })]);
    engine.enqueue(contact('nl', { requiredSkills: ['lang:nl'], enqueuedAt: T0 + 1 }), T0 + 1);
    engine.enqueue(contact('fr', { requiredSkills: ['lang:fr'], enqueuedAt: T0 }), T0 + 2);
    engine.enqueue(contact('en', { requiredSkills: ['lang:en'], enqueuedAt: T0 - 5 }), T0 + 3);
    expect(offeredTo(engine.setAgentStatus('a', 'available', T0 + 10))).toEqual(['fr->a']);
  });

  it('adds the queue priority when an agent serves several queues', () => {
    const engine = engineWith([agent('a', { queueIds: ['q', 'vip'] })], [queue('vip', { priority: 1 })]);
    engine.enqueue(contact('normal', { enqueuedAt: T0 }), T0);
    engine.enqueue(contact('vip', { queueId: 'vip', enqueuedAt: T0 + 30 * SECOND }), T0 + 30 * SECOND);
    expect(offeredTo(engine.setAgentStatus('a', 'available', T0 + 31 * SECOND))).toEqual(['vip->a']);
  });
});

describe('RoutingEngine bad input', () => {
  it('throws QUEUE_NOT_FOUND when a contact names an unknown queue', () => {
    const engine = engineWith([]);
    expectRoutingError(() => engine.enqueue(contact('c1', { queueId: 'nope' }), T0), 'QUEUE_NOT_FOUND');
    expect(engine.conversationState('c1')).toBeUndefined();
  });

  it('throws CONVERSATION_ALREADY_QUEUED and keeps the first contact when it is enqueued twice', () => {
    const engine = engineWith([]);
    engine.enqueue(contact('c1', { priority: 1 }), T0);
    expectRoutingError(() => engine.enqueue(contact('c1', { priority: 5 }), T0), 'CONVERSATION_ALREADY_QUEUED');
    expect(engine.conversationState('c1')?.priority).toBe(1);
    expect(engine.queueStats(T0)).toEqual([{ queueId: 'q', waiting: 1, offered: 0, longestWaitSeconds: 0 }]);
  });

  it('throws AGENT_NOT_FOUND when an unknown agent changes status', () => {
    expectRoutingError(() => engineWith([]).setAgentStatus('ghost', 'available', T0), 'AGENT_NOT_FOUND');
  });

  it('throws INVALID_INPUT and stores nothing when the input is malformed', () => {
    const engine = engineWith([]);
    expectRoutingError(() => engine.upsertAgent(agent('a', { capacity: { chat: -1 } }), T0), 'INVALID_INPUT');
    expectRoutingError(() => engine.enqueue(contact('c1', { channel: 'fax' as 'chat' }), T0), 'INVALID_INPUT');
    expectRoutingError(() => engine.enqueue(contact('c2', { priority: Number.NaN }), T0), 'INVALID_INPUT');
    engine.upsertAgent(agent('a'), T0);
    expectRoutingError(() => engine.setAgentStatus('a', 'sleeping' as 'away', T0), 'INVALID_INPUT');
    expect(engine.agentState('a').status).toBe('offline');
    expectRoutingError(() => new RoutingEngine({ maxMissedOffers: 0 }), 'INVALID_INPUT');
    expect(engine.queueStats(T0)[0]?.waiting).toBe(0);
  });

  it('throws QUEUE_NOT_FOUND when an agent or an overflow names an unknown queue', () => {
    const engine = engineWith([]);
    expectRoutingError(() => engine.upsertAgent(agent('a', { queueIds: ['q', 'nope'] }), T0), 'QUEUE_NOT_FOUND');
    expectRoutingError(() => engine.upsertQueue(queue('q2', { overflow: { afterSeconds: 5, toQueueId: 'nope' } }), T0), 'QUEUE_NOT_FOUND');
    expectRoutingError(() => engine.agentState('a'), 'AGENT_NOT_FOUND');
  });

  it('throws OFFER_NOT_FOUND when another agent answers an offer', () => {
    const engine = engineWith([agent('a'), agent('b')]);
    makeAvailable(engine, ['a', 'b']);
    engine.enqueue(contact('c1'), T0 + 10);
    expectRoutingError(() => engine.acceptOffer('c1', 'b', T0 + 11), 'OFFER_NOT_FOUND');
    expectRoutingError(() => engine.declineOffer('c1', 'b', T0 + 11), 'OFFER_NOT_FOUND');
    expectRoutingError(() => engine.acceptOffer('nope', 'a', T0 + 11), 'OFFER_NOT_FOUND');
    expect(engine.conversationState('c1')?.agentId).toBe('a');
  });

  it('throws phase errors when release or abandon do not fit the conversation', () => {
    const engine = engineWith([agent('a')]);
    makeAvailable(engine, ['a']);
    engine.enqueue(contact('c1'), T0 + 10);
    engine.enqueue(contact('c2'), T0 + 10);
    engine.acceptOffer('c1', 'a', T0 + 11);
    expectRoutingError(() => engine.release('c2', T0 + 12), 'CONVERSATION_NOT_ASSIGNED');
    expectRoutingError(() => engine.abandon('c1', T0 + 12), 'CONVERSATION_NOT_WAITING');
    expectRoutingError(() => engine.release('nope', T0 + 12), 'CONVERSATION_NOT_FOUND');
    expect(engine.agentState('a').assignedConversationIds).toEqual(['c1']);
  });
});

describe('RoutingEngine restore', () => {
  it('rebuilds assignments and offers that hold capacity when restored after a restart', () => {
    const engine = engineWith([agent('a', { capacity: { chat: 2 } }), agent('b')]);
    engine.restoreAssignment(contact('c1'), 'a');
    engine.restoreOffer(contact('c2'), { agentId: 'a', offeredAt: T0, expiresAt: T0 + 5000 });
    expect(engine.agentState('a').load.chat).toBe(2);
    expect(engine.conversationState('c2')?.offer?.expiresAt).toBe(T0 + 5000);
    makeAvailable(engine, ['a', 'b'], T0 + 1);
    expect(offeredTo(engine.enqueue(contact('c3'), T0 + 10))).toEqual(['c3->b']);
    expect(engine.acceptOffer('c2', 'a', T0 + 20).agentId).toBe('a');
    expect(offeredTo(engine.release('c1', T0 + 30))).toEqual([]);
  });

  it('expires a restored offer at its original expiry when ticked', () => {
    const engine = engineWith([agent('a'), agent('b')]);
    engine.restoreOffer(contact('c1'), { agentId: 'a', offeredAt: T0, expiresAt: T0 + 5000 });
    makeAvailable(engine, ['a', 'b'], T0 + 1);
    const decisions = engine.tick(T0 + 5000);
    expect(decisions.endedOffers.map((ended) => ended.reason)).toEqual(['expired']);
    expect(offeredTo(decisions)).toEqual(['c1->b']);
  });

  it('refuses to restore a conversation that is already live', () => {
    const engine = engineWith([agent('a')]);
    engine.enqueue(contact('c1'), T0);
    expectRoutingError(() => engine.restoreAssignment(contact('c1'), 'a'), 'CONVERSATION_ALREADY_QUEUED');
    expect(engine.agentState('a').load.chat).toBe(0);
  });
});
