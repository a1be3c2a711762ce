import { describe, expect, it } from 'vitest';
import type { ConversationEvent } from '../../core/model/index.js';
import { toWireEvent } from '../views/wire-views.js';

const event = (type: string, visibility: 'public' | 'internal', data: Record<string, unknown>): ConversationEvent => ({
  tenantId: 't', conversationId: 'c', seq: 4, type, visibility, actor: { kind: 'bot', name: 'Zuid assistent' }, data, at: 0, clientId: null,
});

describe('what the customer sees of the bot', () => {
  it('does show a clarifying question with its options and the bot name, but not the intent or confidence', () => {
    const options = [{ intent: 'kaart_blokkeren', label: 'Kaart blokkeren' }, { intent: 'limiet_wijzigen', label: 'Limiet wijzigen' }];
    const wire = toWireEvent(event('message.created', 'public', { text: 'Bedoel je Kaart blokkeren of Limiet wijzigen?', options, confidence: 0.4 }), 'customer');
    expect(wire?.data).toEqual({ text: 'Bedoel je Kaart blokkeren of Limiet wijzigen?', options });
    expect(wire?.actor).toEqual({ kind: 'bot', name: 'Zuid assistent' });
  });

  it('does show the handover text without its reason', () => {
    const wire = toWireEvent(event('conversation.handed_over', 'public', { reason: 'low_confidence', text: 'Ik verbind je door met een medewerker.' }), 'customer');
    expect(wire?.data).toEqual({ text: 'Ik verbind je door met een medewerker.' });
  });

  it('does not send what the bot decided to the customer when the event is internal', () => {
    expect(toWireEvent(event('bot.answered', 'internal', { intent: 'kaart_blokkeren', confidence: 0.99 }), 'customer')).toBeUndefined();
  });
});
