import { describe, expect, it } from 'vitest';
import { agent, contact, engineWith, makeAvailable, offeredTo, queue, T0 } from './routing.test-kit.js';

const SECOND = 1000;

function overflowEngine() {
  return engineWith(
    [agent('a'), agent('b', { queueIds: ['backup'] })],
    [queue('backup'), queue('q', { overflow: { afterSeconds: 30, toQueueId: 'backup' } })],
  );
}

describe('overflow', () => {
  it('keeps a contact in its queue until afterSeconds have passed', () => {
    const engine = overflowEngine();
    engine.enqueue(contact('c1'), T0);
    expect(engine.tick(T0 + 30 * SECOND - 1).overflows).toEqual([]);
    expect(engine.conversationState('c1')?.queueId).toBe('q');
  });

  it('moves a contact to the overflow queue after afterSeconds and offers it to that queue', () => {
    const engine = overflowEngine();
    makeAvailable(engine, ['b']);
    engine.enqueue(contact('c1'), T0);
    const decisions = engine.tick(T0 + 30 * SECOND);
    expect(decisions.overflows).toEqual([{ conversationId: 'c1', fromQueueId: 'q', toQueueId: 'backup', at: T0 + 30 * SECOND }]);
    expect(offeredTo(decisions)).toEqual(['c1->b']);
  });

  it('keeps enqueuedAt on overflow so the contact ranks by its first arrival', () => {
    const engine = overflowEngine();
    engine.enqueue(contact('local', { queueId: 'backup', enqueuedAt: T0 + 10 * SECOND }), T0 + 10 * SECOND);
    engine.enqueue(contact('c1', { enqueuedAt: T0 }), T0);
    engine.tick(T0 + 30 * SECOND);
    expect(engine.conversationState('c1')?.enqueuedAt).toBe(T0);
    expect(engine.positionOf('c1').position).toBe(1);
    expect(engine.positionOf('local').position).toBe(2);
  });

  it('leaves a contact that got an agent before its overflow time alone', () => {
    const engine = overflowEngine();
    makeAvailable(engine, ['a']);
    engine.enqueue(contact('c1'), T0);
    engine.acceptOffer('c1', 'a', T0 + SECOND);
    expect(engine.tick(T0 + 60 * SECOND).overflows).toEqual([]);
  });

  it('moves a contact on at once when its offer fails after its overflow time', () => {
    const engine = engineWith(
      [agent('a'), agent('b', { queueIds: ['backup'] })],
      [queue('backup'), queue('q', { overflow: { afterSeconds: 30, toQueueId: 'backup' } })],
      { ringTimeoutMs: 60 * SECOND },
    );
    makeAvailable(engine, ['a']);
    engine.enqueue(contact('c1', { enqueuedAt: T0 + 15 * SECOND }), T0 + 15 * SECOND);
    engine.setAgentStatus('b', 'available', T0 + 16 * SECOND);
    expect(engine.tick(T0 + 45 * SECOND).overflows).toEqual([]);
    const decisions = engine.declineOffer('c1', 'a', T0 + 46 * SECOND);
    expect(decisions.overflows).toMatchObject([{ conversationId: 'c1', toQueueId: 'backup' }]);
    expect(offeredTo(decisions)).toEqual(['c1->b']);
  });

  it('chains overflow at most once per queue when overflow rules form a cycle', () => {
    const engine = engineWith([], [queue('q2'), queue('q3')]);
    engine.upsertQueue(queue('q', { overflow: { afterSeconds: 10, toQueueId: 'q2' } }), T0);
    engine.upsertQueue(queue('q2', { overflow: { afterSeconds: 10, toQueueId: 'q3' } }), T0);
    engine.upsertQueue(queue('q3', { overflow: { afterSeconds: 10, toQueueId: 'q' } }), T0);
    engine.enqueue(contact('c1'), T0);
    const path: string[] = [];
    for (let second = 1; second <= 100; second++) {
      for (const move of engine.tick(T0 + second * SECOND).overflows) path.push(`${move.fromQueueId}->${move.toQueueId}@${second}`);
    }
    expect(path).toEqual(['q->q2@10', 'q2->q3@20', 'q3->q@30']);
  });

  it('applies a changed overflow time to contacts already waiting', () => {
    const engine = overflowEngine();
    engine.enqueue(contact('c1'), T0);
    engine.upsertQueue(queue('q', { overflow: { afterSeconds: 5, toQueueId: 'backup' } }), T0 + SECOND);
    expect(engine.tick(T0 + 5 * SECOND).overflows).toHaveLength(1);
  });

  it('stops overflowing when the rule is removed', () => {
    const engine = overflowEngine();
    engine.enqueue(contact('c1'), T0);
    engine.upsertQueue(queue('q'), T0 + SECOND);
    expect(engine.tick(T0 + 60 * SECOND).overflows).toEqual([]);
  });
});
