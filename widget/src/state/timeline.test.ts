import { describe, expect, it } from 'vitest';
import type { WireEvent } from '../realtime/wire-types.js';
import { addPending, applyAck, applyEvent, applyEvents, applyFailure, emptyTimeline, unsent, visibleItems } from './timeline.js';

const event = (seq: number, type: string, actor: WireEvent['actor'], data: Record<string, unknown> = {}): WireEvent => ({
  conversationId: 'cv_1', seq, type, at: '2030-01-01T10:00:00.000Z', actor, data,
});
const agentSays = (seq: number, text: string) => event(seq, 'message.created', { kind: 'agent', name: 'Sofie' }, { text });
const customerSays = (seq: number, text: string) => event(seq, 'message.created', { kind: 'customer' }, { text });

describe('applyEvent', () => {
  it('ignores an event whose seq it already has when a resume replays it', () => {
    const once = applyEvents(emptyTimeline(), [agentSays(3, 'Hallo'), agentSays(4, 'Hoe kan ik helpen?')]);
    const twice = applyEvents(once, [agentSays(3, 'Hallo'), agentSays(4, 'Hoe kan ik helpen?')]);
    expect(twice.items.map((i) => i.seq)).toEqual([3, 4]);
    expect(twice).toBe(once);
  });

  it('keeps seq order when a late event arrives after a newer one', () => {
    const t = applyEvents(emptyTimeline(), [agentSays(5, 'b'), agentSays(4, 'a')]);
    expect(t.items.map((i) => i.text)).toEqual(['a', 'b']);
    expect(t.lastSeq).toBe(5);
  });

  it('keeps the files an agent sent with a message, and drops malformed entries', () => {
    const file = { id: 'at_1', filename: 'formulier.pdf', contentType: 'application/pdf', size: 2048 };
    const t = applyEvent(emptyTimeline(), event(6, 'message.created', { kind: 'agent', name: 'Sofie' }, { text: '', attachments: [file, { id: 3 }, 'x'] }));
    expect(t.items[0]).toMatchObject({ author: 'agent', text: '', attachments: [file] });
    expect(applyEvent(emptyTimeline(), agentSays(7, 'Hallo')).items[0]!.attachments).toBeUndefined();
  });

  it('advances lastSeq on events it does not draw', () => {
    const t = applyEvents(emptyTimeline(), [event(1, 'conversation.started', { kind: 'customer' }), event(2, 'conversation.queued', { kind: 'system' })]);
    expect(t.items).toEqual([]);
    expect(t.lastSeq).toBe(2);
  });

  it('records the agent name on assignment and ends on close', () => {
    const t = applyEvents(emptyTimeline(), [event(3, 'conversation.assigned', { kind: 'system' }, { agentName: 'Sofie' }), event(9, 'conversation.closed', { kind: 'agent', name: 'Sofie' })]);
    expect(t.agentName).toBe('Sofie');
    expect(t.items.map((i) => i.notice)).toEqual(['assigned', 'closed']);
    expect(t.ended).toBe(true);
  });

  it('tells the customer an unanswered call and keeps the chat open', () => {
    const t = applyEvents(emptyTimeline(), [
      event(5, 'call.ended', { kind: 'system' }, { by: 'system', reason: 'no_answer' }),
      event(6, 'conversation.channel_switched', { kind: 'system' }, { from: 'voice', to: 'chat' }),
    ]);
    expect(t.items.map((i) => i.notice)).toEqual(['callUnanswered']);
    expect(t.ended).toBe(false);
    // The agent hanging up does end it.
    expect(applyEvent(t, event(9, 'call.ended', { kind: 'agent', name: 'Sofie' }, { by: 'agent' })).ended).toBe(true);
  });

  it('keeps markup in message text as plain text', () => {
    const t = applyEvent(emptyTimeline(), agentSays(1, '<img src=x onerror=alert(1)>'));
    expect(t.items[0]?.text).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('pending messages', () => {
  it('shows a pending bubble until the ack arrives, then only the stored event', () => {
    let t = addPending(emptyTimeline(), { clientId: 'm-1', text: 'Mijn kaart is weg' });
    expect(visibleItems(t).map((i) => i.status)).toEqual(['pending']);
    t = applyAck(t, 'm-1');
    t = applyEvent(t, customerSays(6, 'Mijn kaart is weg'));
    expect(visibleItems(t).map((i) => [i.key, i.status])).toEqual([['seq:6', 'sent']]);
  });

  it('replaces the pending bubble when the echo event comes before the ack', () => {
    let t = addPending(emptyTimeline(), { clientId: 'm-1', text: 'Hallo' });
    t = applyEvent(t, customerSays(6, ' Hallo '));
    expect(visibleItems(t)).toHaveLength(1);
    t = applyAck(t, 'm-1');
    expect(visibleItems(t).map((i) => i.key)).toEqual(['seq:6']);
  });

  it('matches two identical texts one by one', () => {
    let t = addPending(addPending(emptyTimeline(), { clientId: 'm-1', text: 'ok' }), { clientId: 'm-2', text: 'ok' });
    t = applyEvent(t, customerSays(6, 'ok'));
    expect(t.pending.map((p) => p.clientId)).toEqual(['m-2']);
  });

  it('does not take an older message with the same text, replayed after a reload, for the echo', () => {
    let t = addPending(emptyTimeline(), { clientId: 'm-9', text: 'ok', sinceSeq: 12 });
    t = applyEvent(t, customerSays(7, 'ok'));
    expect(t.pending.map((p) => p.clientId)).toEqual(['m-9']);
    t = applyEvent(t, customerSays(13, 'ok'));
    expect(t.pending).toEqual([]);
  });

  it('re-sends only messages that were not refused', () => {
    let t = addPending(addPending(emptyTimeline(), { clientId: 'm-1', text: 'a' }), { clientId: 'm-2', text: 'b' });
    t = applyFailure(t, 'm-1');
    expect(unsent(t).map((p) => p.clientId)).toEqual(['m-2']);
    expect(visibleItems(t).map((i) => i.status)).toEqual(['failed', 'pending']);
  });
  it('shows safety warnings and time-outs as system lines in the words the server sent', () => {
    const t = applyEvents(emptyTimeline(), [
      event(4, 'safety.warning', { kind: 'system' }, { text: 'Wil je beleefd blijven?' }),
      event(6, 'safety.timed_out', { kind: 'system' }, { text: 'Even pauze.', until: '2026-11-26T12:00:00Z' }),
    ]);
    expect(t.items.map((i) => [i.author, i.text])).toEqual([
      ['system', 'Wil je beleefd blijven?'],
      ['system', 'Even pauze.'],
    ]);
  });
  it('keeps the choices of a clarifying question and shows a handover as a system line', () => {
    const t = applyEvents(emptyTimeline(), [
      event(3, 'message.created', { kind: 'bot', name: 'Zuid assistent' }, { text: 'Bedoel je A of B?', options: [{ intent: 'a', label: 'Kaart blokkeren' }, { intent: 'b', label: 'Limiet wijzigen' }, { label: 7 }] }),
      event(5, 'conversation.handed_over', { kind: 'system' }, { text: 'Ik verbind je door met een medewerker.' }),
    ]);
    expect(t.items[0]).toMatchObject({ author: 'agent', name: 'Zuid assistent', options: ['Kaart blokkeren', 'Limiet wijzigen'] });
    expect(t.items[1]).toMatchObject({ author: 'system', text: 'Ik verbind je door met een medewerker.' });
  });
});
