import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TypingSignal } from './typing-signal.js';

describe('TypingSignal', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends "on" once per repeat interval however fast the keys come', () => {
    const sent: boolean[] = [];
    const signal = new TypingSignal((on) => sent.push(on), { repeatMs: 3000, idleMs: 4000 }, () => Date.now());
    for (let i = 0; i < 20; i++) {
      signal.keystroke();
      vi.advanceTimersByTime(100);
    }
    expect(sent).toEqual([true]);
    vi.advanceTimersByTime(1000);
    signal.keystroke();
    expect(sent).toEqual([true, true]);
  });

  it('sends "off" after the idle time and only once', () => {
    const sent: boolean[] = [];
    const signal = new TypingSignal((on) => sent.push(on), { repeatMs: 3000, idleMs: 4000 }, () => Date.now());
    signal.keystroke();
    vi.advanceTimersByTime(4000);
    signal.stop();
    expect(sent).toEqual([true, false]);
  });
});
