import { describe, expect, it } from 'vitest';
import type { WireEvent } from '../api/api-types.js';
import { desktopReducer, hasEnded, initialDesktopState, type DesktopState } from './desktop-state.js';

const msg = (conversationId: string, seq: number, kind: 'customer' | 'agent' = 'customer', type = 'message.created'): WireEvent => ({
  conversationId,
  seq,
  type,
  at: '2026-01-01T10:00:00Z',
  actor: { kind },
  data: { text: `t${seq}` },
});

const start = (): DesktopState => initialDesktopState('available');

describe('desktopReducer', () => {
  it('selects the first conversation that opens and keeps the selection for later ones', () => {
    let s = desktopReducer(start(), { type: 'conversation.opened', conversationId: 'a' });
    s = desktopReducer(s, { type: 'work.synced', assignedIds: ['a', 'b'] });
    expect(s.selectedId).toBe('a');
    expect(s.conversations.map((c) => c.id)).toEqual(['a', 'b']);
  });

  it('removes the offer when the conversation opens', () => {
    let s = desktopReducer(start(), { type: 'offer.received', offer: { conversationId: 'a', expiresAt: 'x', summary: {} } });
    s = desktopReducer(s, { type: 'conversation.opened', conversationId: 'a' });
    expect(s.offers).toEqual([]);
  });

  it('dedupes events replayed after a reconnect by seq', () => {
    let s = desktopReducer(start(), { type: 'events', conversationId: 'a', events: [msg('a', 1), msg('a', 2)] });
    s = desktopReducer(s, { type: 'events', conversationId: 'a', events: [msg('a', 2), msg('a', 3)] });
    expect(s.conversations[0]?.log.events.map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  it('ignores late events of a conversation the agent released', () => {
    let s = desktopReducer(start(), { type: 'conversation.opened', conversationId: 'a' });
    s = desktopReducer(s, { type: 'conversation.released', conversationId: 'a' });
    s = desktopReducer(s, { type: 'events', conversationId: 'a', events: [msg('a', 9, 'agent', 'conversation.closed')] });
    expect(s.conversations).toEqual([]);
  });

  it('selects the neighbour when the shown conversation is released', () => {
    let s = desktopReducer(start(), { type: 'work.synced', assignedIds: ['a', 'b', 'c'] });
    s = desktopReducer(s, { type: 'conversation.selected', conversationId: 'b' });
    s = desktopReducer(s, { type: 'conversation.released', conversationId: 'b' });
    expect(s.selectedId).toBe('c');
  });

  it('drops a pending message once its acknowledged seq is in the log', () => {
    let s = desktopReducer(start(), { type: 'conversation.opened', conversationId: 'a' });
    s = desktopReducer(s, { type: 'message.pending', conversationId: 'a', message: { clientId: 'm1', text: 'hoi', internal: false } });
    s = desktopReducer(s, { type: 'message.acked', clientId: 'm1', seq: 4 });
    expect(s.conversations[0]?.pending).toHaveLength(1);
    s = desktopReducer(s, { type: 'events', conversationId: 'a', events: [msg('a', 4, 'agent')] });
    expect(s.conversations[0]?.pending).toHaveLength(0);
  });

  it('drops a pending message at once when the ack comes after its event', () => {
    let s = desktopReducer(start(), { type: 'conversation.opened', conversationId: 'a' });
    s = desktopReducer(s, { type: 'message.pending', conversationId: 'a', message: { clientId: 'm1', text: 'hoi', internal: false } });
    s = desktopReducer(s, { type: 'events', conversationId: 'a', events: [msg('a', 4, 'agent')] });
    s = desktopReducer(s, { type: 'message.acked', clientId: 'm1', seq: 4 });
    expect(s.conversations[0]?.pending).toHaveLength(0);
  });

  it('counts unread customer messages of a conversation that is not shown', () => {
    let s = desktopReducer(start(), { type: 'work.synced', assignedIds: ['a', 'b'] });
    s = desktopReducer(s, { type: 'events', conversationId: 'b', events: [msg('b', 1), msg('b', 2), msg('b', 3, 'agent')] });
    expect(s.conversations.find((c) => c.id === 'b')?.unread).toBe(2);
    s = desktopReducer(s, { type: 'conversation.selected', conversationId: 'b' });
    expect(s.conversations.find((c) => c.id === 'b')?.unread).toBe(0);
  });

  it('stops the customer typing indicator when their message arrives', () => {
    let s = desktopReducer(start(), { type: 'conversation.opened', conversationId: 'a' });
    s = desktopReducer(s, { type: 'typing', conversationId: 'a', on: true });
    s = desktopReducer(s, { type: 'events', conversationId: 'a', events: [msg('a', 1)] });
    expect(s.conversations[0]?.customerTyping).toBe(false);
  });

  it('does not show an offer for a conversation already held', () => {
    let s = desktopReducer(start(), { type: 'conversation.opened', conversationId: 'a' });
    s = desktopReducer(s, { type: 'offer.received', offer: { conversationId: 'a', expiresAt: 'x', summary: {} } });
    expect(s.offers).toEqual([]);
  });
});

describe('hasEnded', () => {
  it('is true after the customer ended the chat', () => {
    const s = desktopReducer(start(), { type: 'events', conversationId: 'a', events: [msg('a', 1, 'customer', 'conversation.ended_by_customer')] });
    expect(s.conversations[0] && hasEnded(s.conversations[0])).toBe(true);
  });
});
