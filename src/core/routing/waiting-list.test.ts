import { describe, expect, it } from 'vitest';
import type { ContactRecord } from './routing.records.js';
import type { Channel } from './routing.types.js';
import { WaitingList } from './waiting-list.js';

function waiter(id: string, enqueuedAt: number, priority = 0, requiredSkills: string[] = [], channel: Channel = 'chat'): ContactRecord {
  return {
    conversationId: id,
    channel,
    requiredSkills,
    skillsKey: requiredSkills.join('\u0000'),
    queueId: 'q',
    priority,
    enqueuedAt,
    queueEnteredAt: enqueuedAt,
    queueVisit: 1,
    phase: 'waiting',
    agentId: null,
    offer: null,
    offerSeq: 0,
    releasedAt: null,
    excludedAgentIds: null,
    overflowedFrom: null,
  };
}

describe('WaitingList', () => {
  it('groups contacts in one bucket per channel, priority and skills', () => {
    const list = new WaitingList();
    list.add(waiter('a', 1));
    list.add(waiter('b', 2));
    list.add(waiter('c', 3, 1));
    list.add(waiter('d', 4, 0, ['lang:fr']));
    list.add(waiter('e', 5, 0, [], 'voice'));
    expect(list.size).toBe(5);
    expect(list.bucketsFor('chat')).toHaveLength(3);
    expect(list.bucketsFor('voice')).toHaveLength(1);
  });

  it('drops a bucket when its last contact leaves', () => {
    const list = new WaitingList();
    const only = waiter('a', 1, 0, ['lang:fr']);
    list.add(only);
    expect(list.remove(only)).toBe(true);
    expect(list.bucketsFor('chat')).toEqual([]);
    expect(list.remove(only)).toBe(false);
    expect(list.size).toBe(0);
  });

  it('finds the oldest arrival across buckets', () => {
    const list = new WaitingList();
    list.add(waiter('a', 50));
    list.add(waiter('b', 20, 3));
    list.add(waiter('c', 40, 0, [], 'email'));
    expect(list.oldestEnqueuedAt()).toBe(20);
  });

  it('counts contacts ahead across priorities using the ageing key', () => {
    const list = new WaitingList();
    const late = waiter('late', 100_000);
    const early = waiter('early', 0);
    const urgent = waiter('urgent', 90_000, 1);
    for (const contact of [late, early, urgent]) list.add(contact);
    // One level is worth 60 s: urgent's key is 30 000, between early (0) and late (100 000).
    expect(list.countAhead(early, 0, 60_000)).toBe(0);
    expect(list.countAhead(urgent, 0, 60_000)).toBe(1);
    expect(list.countAhead(late, 0, 60_000)).toBe(2);
  });
});
