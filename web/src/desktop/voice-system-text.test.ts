import { describe, expect, it } from 'vitest';
import type { WireEvent } from '../api/api-types.js';
import { dictionaries, type MessageKey } from '../i18n/dictionaries.js';
import { format } from '../i18n/format.js';
import { systemText } from './system-text.js';

const t = (key: MessageKey, values?: Record<string, string | number>) => format(dictionaries.en[key], values);
const nl = (key: MessageKey, values?: Record<string, string | number>) => format(dictionaries.nl[key], values);
const at = (iso: string) => iso;
const event = (type: string, data: Record<string, unknown> = {}): WireEvent => ({ conversationId: 'co_1', seq: 1, type, at: '2026-11-26T12:00:00.000Z', actor: { kind: 'system' }, data });

describe('voice system lines', () => {
  it('summarise an IVR step for the agent', () => {
    const step = event('ivr.step', {
      trace: [
        { nodeId: 'language', type: 'language', event: 'language', detail: 'en' },
        { nodeId: 'hours', type: 'hours', event: 'entered' },
        { nodeId: 'menu', type: 'menu', event: 'chose', detail: '2' },
        { nodeId: 'account', type: 'collect', event: 'collected', detail: 'customerNumber (8 digits)' },
        { nodeId: 'general', type: 'enqueue', event: 'enqueued', detail: 'qu_bank' },
      ],
    });
    expect(systemText(step, t, at, at)).toBe('Voice menu: language EN · key 2 (menu) · keyed in: customerNumber (8 digits) · to the queue');
    expect(systemText(event('ivr.step', { trace: [{ nodeId: 'welcome', event: 'entered' }] }), nl, at, at)).toBe('Keuzemenu: welkom');
    expect(systemText(event('ivr.step', { trace: [{ nodeId: 'menu', event: 'invalid' }, { nodeId: 'menu', event: 'fallback' }] }), t, at, at)).toBe('Voice menu: invalid key');
  });

  it('says when a chat call was not picked up and became a chat again; other call ends keep their line', () => {
    expect(systemText(event('call.ended', { by: 'system', reason: 'no_answer' }), t, at, at)).toBe('The call was not picked up in time');
    expect(systemText(event('conversation.channel_switched', { from: 'voice', to: 'chat' }), t, at, at)).toBe('The call became a chat again');
    expect(systemText(event('conversation.channel_switched', { from: 'chat', to: 'voice' }), t, at, at)).toBe('The chat became a call');
    expect(systemText(event('call.ended', { by: 'agent' }), t, at, at)).toBe('Call ended');
  });

  it('names call statuses, the connect, the callback and a thank-you caller', () => {
    expect(systemText(event('call.status', { status: 'in-progress' }), t, at, at)).toBe('Call: in progress');
    expect(systemText(event('call.status', { status: 'weird' }), t, at, at)).toBe('Call: unknown');
    expect(systemText(event('call.connecting'), nl, at, at)).toBe('De beller wordt met jou verbonden.');
    expect(systemText(event('callback.requested'), t, at, at)).toContain('keeps its place');
    expect(systemText(event('thank_you.caller', { executiveName: 'Anne Directeur' }), t, at, at)).toBe('Anne Directeur is calling to thank you.');
  });
});
