import { describe, expect, it } from 'vitest';
import { reconnectDelay } from './backoff.js';

describe('reconnectDelay', () => {
  it('grows with each attempt', () => {
    const mid = () => 0.5;
    expect(reconnectDelay(0, mid)).toBeLessThan(reconnectDelay(1, mid));
    expect(reconnectDelay(1, mid)).toBeLessThan(reconnectDelay(3, mid));
  });
  it('never exceeds the cap', () => {
    expect(reconnectDelay(50, () => 1)).toBe(15_000);
  });
  it('keeps at least half the ceiling so retries do not spin', () => {
    expect(reconnectDelay(0, () => 0)).toBe(250);
  });
});
