import { describe, expect, it } from 'vitest';
import type { ConversationEvent } from '../core/model/index.js';
import { ConversationSubscription } from './conversation-subscription.js';

function event(seq: number): ConversationEvent {
  return { tenantId: 't', conversationId: 'c', seq, type: 'message.created', visibility: 'public', actor: { kind: 'customer' }, data: {}, at: 0, clientId: null };
}

function setup(stored: number[], afterSeq: number | null) {
  const delivered: number[] = [];
  let release: () => void = () => undefined;
  const gate = new Promise<void>((r) => (release = r));
  const sub = new ConversationSubscription(
    'c',
    afterSeq,
    async (after) => {
      await gate;
      return stored.filter((s) => s > after).map(event);
    },
    (e) => delivered.push(e.seq),
    (error) => {
      throw error;
    },
  );
  return { sub, delivered, release };
}

describe('conversation subscription', () => {
  it('delivers live events in order and drops duplicates', () => {
    const { sub, delivered } = setup([], null);
    sub.onLive(event(1));
    sub.onLive(event(2));
    sub.onLive(event(2));
    expect(delivered).toEqual([1, 2]);
  });

  it('sends exactly the missed events on resume while holding live ones', async () => {
    const { sub, delivered, release } = setup([1, 2, 3, 4, 5], 2);
    sub.resumeFrom(2);
    sub.onLive(event(5));
    sub.onLive(event(6));
    release();
    await new Promise((r) => setTimeout(r, 10));
    expect(delivered).toEqual([3, 4, 5, 6]);
  });

  it('fills a gap from storage when a live event skips numbers', async () => {
    const { sub, delivered, release } = setup([1, 2, 3, 4], 1);
    release();
    sub.onLive(event(4));
    await new Promise((r) => setTimeout(r, 10));
    expect(delivered).toEqual([2, 3, 4]);
  });

  it('holds live events of a rejoined conversation until the client resumes, then sends them after the missed ones', async () => {
    const { sub, delivered, release } = setup([1, 2, 3, 4, 5], null);
    sub.holdUntilResume(5_000);
    sub.onLive(event(5));
    expect(delivered).toEqual([]);
    sub.resumeFrom(2);
    release();
    await new Promise((r) => setTimeout(r, 10));
    expect(delivered).toEqual([3, 4, 5]);
    sub.dispose();
  });

  it('sends held events by themselves when no resume comes', async () => {
    const { sub, delivered } = setup([], null);
    sub.holdUntilResume(5);
    sub.onLive(event(7));
    sub.onLive(event(6));
    await new Promise((r) => setTimeout(r, 30));
    expect(delivered).toEqual([6, 7]);
  });
});
