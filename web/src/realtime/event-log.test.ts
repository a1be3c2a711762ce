import { describe, expect, it } from 'vitest';
import type { WireEvent } from '../api/api-types.js';
import { EMPTY_LOG, mergeEvents, missingSeqs } from './event-log.js';

const ev = (seq: number, text = `m${seq}`): WireEvent => ({
  conversationId: 'c_1',
  seq,
  type: 'message.created',
  at: new Date(seq * 1000).toISOString(),
  actor: { kind: 'customer' },
  data: { text },
});

describe('mergeEvents', () => {
  it('keeps events in seq order when they arrive out of order', () => {
    const log = mergeEvents(EMPTY_LOG, [ev(3), ev(1), ev(2)]);
    expect(log.events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(log.lastSeq).toBe(3);
  });

  it('drops an event whose seq it already holds when a resume replays it', () => {
    const first = mergeEvents(EMPTY_LOG, [ev(1), ev(2)]);
    const replayed = mergeEvents(first, [ev(2, 'again'), ev(3)]);
    expect(replayed.events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(replayed.events[1]?.data.text).toBe('m2');
  });

  it('returns the same log when nothing is new', () => {
    const log = mergeEvents(EMPTY_LOG, [ev(1)]);
    expect(mergeEvents(log, [ev(1)])).toBe(log);
  });

  it('drops duplicates inside one batch', () => {
    expect(mergeEvents(EMPTY_LOG, [ev(1), ev(1), ev(2)]).events).toHaveLength(2);
  });

  it('merges a live event that arrived before the HTTP history', () => {
    const live = mergeEvents(EMPTY_LOG, [ev(5)]);
    const loaded = mergeEvents(live, [ev(1), ev(2), ev(3), ev(4), ev(5)]);
    expect(loaded.events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('missingSeqs', () => {
  it('lists the gap below the highest seq', () => {
    expect(missingSeqs(mergeEvents(EMPTY_LOG, [ev(1), ev(4)]))).toEqual([2, 3]);
  });
  it('is empty for a complete log', () => {
    expect(missingSeqs(mergeEvents(EMPTY_LOG, [ev(1), ev(2)]))).toEqual([]);
  });
});
