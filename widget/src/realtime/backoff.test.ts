import { describe, expect, it } from 'vitest';
import { reconnectDelay } from './backoff.js';

describe('reconnectDelay', () => {
  it('doubles per attempt between half and all of the ceiling', () => {
    expect(reconnectDelay(0, { baseMs: 500, maxMs: 15_000 }, () => 0)).toBe(250);
    expect(reconnectDelay(0, { baseMs: 500, maxMs: 15_000 }, () => 1)).toBe(500);
    expect(reconnectDelay(3, { baseMs: 500, maxMs: 15_000 }, () => 1)).toBe(4000);
  });

  it('never exceeds the maximum, even after many attempts', () => {
    for (const attempt of [10, 100, 10_000]) expect(reconnectDelay(attempt, { baseMs: 500, maxMs: 15_000 }, () => 1)).toBe(15_000);
  });
});
