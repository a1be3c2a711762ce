import { describe, expect, it } from 'vitest';
import { DeadlineQueue } from './deadline-queue.js';

function takeAll(queue: DeadlineQueue<string>, now: number): string[] {
  const taken: string[] = [];
  for (let value = queue.takeDue(now); value !== undefined; value = queue.takeDue(now)) taken.push(value);
  return taken;
}

describe('DeadlineQueue', () => {
  it('returns values in deadline order and keeps those not yet due', () => {
    const queue = new DeadlineQueue<string>();
    queue.schedule(30, 'c');
    queue.schedule(10, 'a');
    queue.schedule(20, 'b');
    expect(takeAll(queue, 20)).toEqual(['a', 'b']);
    expect(queue.size).toBe(1);
    expect(takeAll(queue, 29)).toEqual([]);
    expect(takeAll(queue, 30)).toEqual(['c']);
  });

  it('returns values due at the same time in scheduling order', () => {
    const queue = new DeadlineQueue<string>();
    for (const value of ['x', 'y', 'z', 'w', 'v']) queue.schedule(5, value);
    expect(takeAll(queue, 5)).toEqual(['x', 'y', 'z', 'w', 'v']);
  });

  it('sorts many random deadlines when drained', () => {
    const queue = new DeadlineQueue<string>();
    const deadlines = Array.from({ length: 500 }, (_, index) => (index * 7919) % 1000);
    for (const at of deadlines) queue.schedule(at, String(at));
    const taken = takeAll(queue, 1000).map(Number);
    expect(taken).toEqual([...deadlines].sort((a, b) => a - b));
  });
});
