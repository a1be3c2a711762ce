import { describe, expect, it } from 'vitest';
import type { WireEvent } from '../api/api-types.js';
import { assistTrigger } from './assist-trigger.js';

let seq = 0;
const event = (type: string, kind: WireEvent['actor']['kind']): WireEvent => ({ conversationId: 'co_1', seq: ++seq, type, at: '2026-11-26T12:00:00.000Z', actor: { kind }, data: {} });

describe('assistTrigger', () => {
  it('does change when the customer writes or the bot recognises an intent', () => {
    const events = [event('message.created', 'bot'), event('message.created', 'customer'), event('bot.answered', 'bot')];
    expect(assistTrigger(events)).toBe(2);
    expect(assistTrigger([...events, event('message.created', 'customer')])).toBe(3);
  });

  it('does not change for agent messages, notes and system lines', () => {
    const events = [event('message.created', 'customer')];
    expect(assistTrigger([...events, event('message.created', 'agent'), event('note.created', 'agent'), event('conversation.assigned', 'system')])).toBe(assistTrigger(events));
  });
});
