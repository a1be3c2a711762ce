import { describe, expect, it } from 'vitest';
import { agent, contact, engineWith, makeAvailable, T0 } from './routing.test-kit.js';

const SECOND = 1000;

describe('positionOf', () => {
  it('counts the place among contacts of the same queue and channel in routing order', () => {
    const engine = engineWith([agent('a')]);
    engine.enqueue(contact('c1', { enqueuedAt: T0 }), T0);
    engine.enqueue(contact('c2', { enqueuedAt: T0 + 1 }), T0 + 1);
    engine.enqueue(contact('vip', { enqueuedAt: T0 + 2, priority: 1 }), T0 + 2);
    engine.enqueue(contact('call', { enqueuedAt: T0 - 10, channel: 'voice' }), T0 + 3);
    expect(['vip', 'c1', 'c2', 'call'].map((id) => engine.positionOf(id).position)).toEqual([1, 2, 3, 1]);
  });

  it('estimates the wait as position times handle time over the capacity of staffed agents', () => {
    const engine = engineWith([
      agent('a', { capacity: { chat: 2 } }),
      agent('b', { capacity: { chat: 2 } }),
      agent('gone', { capacity: { chat: 5 } }),
    ]);
    for (const id of ['c1', 'c2', 'c3', 'c4', 'c5']) engine.enqueue(contact(id), T0);
    // Nobody staffed yet: capacity counts as 1.
    expect(engine.positionOf('c5').expectedWaitSeconds).toBe(5 * 180);
    makeAvailable(engine, ['a', 'b'], T0 + 1);
    engine.setAgentStatus('a', 'busy', T0 + 2);
    // a and b hold c1–c4; c5 is first in line with 4 conversations' worth of capacity.
    expect(engine.positionOf('c5')).toEqual({ position: 1, expectedWaitSeconds: 45 });
    engine.recordHandleTime('q', 400);
    expect(engine.positionOf('c5').expectedWaitSeconds).toBe(100);
    engine.recordHandleTime('q', 300);
    expect(engine.positionOf('c5').expectedWaitSeconds).toBe(98);
  });

  it('counts only agents with the contact skills when estimating its wait', () => {
    const engine = engineWith([agent('nl', { skills: ['lang:nl'] }), agent('fr', { skills: ['lang:fr'], capacity: { chat: 4 } })]);
    makeAvailable(engine, ['nl', 'fr']);
    engine.setAgentStatus('fr', 'busy', T0 + 5);
    engine.setAgentStatus('nl', 'busy', T0 + 5);
    engine.enqueue(contact('c1', { requiredSkills: ['lang:fr'] }), T0 + 10);
    expect(engine.positionOf('c1').expectedWaitSeconds).toBe(45);
  });

  it('reports position 0 while the contact is ringing at an agent', () => {
    const engine = engineWith([agent('a')]);
    makeAvailable(engine, ['a']);
    engine.enqueue(contact('c1'), T0);
    expect(engine.positionOf('c1')).toEqual({ position: 0, expectedWaitSeconds: 0 });
    engine.acceptOffer('c1', 'a', T0 + 1);
    expect(() => engine.positionOf('c1')).toThrowError(/assigned/);
  });
});

describe('queueStats', () => {
  it('reports waiting, offered and the longest wait per queue', () => {
    const engine = engineWith([agent('a')]);
    engine.enqueue(contact('c1', { enqueuedAt: T0 }), T0);
    engine.enqueue(contact('c2', { enqueuedAt: T0 + 5 * SECOND, requiredSkills: ['lang:fr'] }), T0 + 5 * SECOND);
    engine.enqueue(contact('c3', { enqueuedAt: T0 + 6 * SECOND, channel: 'email' }), T0 + 6 * SECOND);
    makeAvailable(engine, ['a'], T0 + 7 * SECOND);
    expect(engine.queueStats(T0 + 10 * SECOND)).toEqual([{ queueId: 'q', waiting: 2, offered: 1, longestWaitSeconds: 5 }]);
  });
});

describe('agentState', () => {
  it('reports status, load per channel, idle time, missed offers and conversations', () => {
    const engine = engineWith([agent('a', { capacity: { chat: 2, voice: 1 } })]);
    makeAvailable(engine, ['a'], T0 + 5);
    engine.enqueue(contact('c1'), T0 + 6);
    engine.enqueue(contact('call', { channel: 'voice' }), T0 + 7);
    engine.acceptOffer('call', 'a', T0 + 8);
    expect(engine.agentState('a')).toEqual({
      agentId: 'a',
      status: 'available',
      load: { chat: 1, voice: 1, email: 0, whatsapp: 0 },
      capacity: { chat: 2, voice: 1, email: 0, whatsapp: 0 },
      idleSince: T0 + 5,
      missedOffers: 0,
      offeredConversationIds: ['c1'],
      assignedConversationIds: ['call'],
    });
  });
});
