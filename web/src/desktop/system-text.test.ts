import { describe, expect, it } from 'vitest';
import type { WireEvent } from '../api/api-types.js';
import { dictionaries, type MessageKey } from '../i18n/dictionaries.js';
import { format } from '../i18n/format.js';
import { isSafetyEvent, systemText } from './system-text.js';

const t = (key: MessageKey, values?: Record<string, string | number>) => format(dictionaries.en[key], values);
const at = (iso: string) => `T(${iso})`;
const event = (type: string, data: Record<string, unknown> = {}): WireEvent => ({ conversationId: 'co_1', seq: 1, type, at: '2026-11-26T12:00:00.000Z', actor: { kind: 'system' }, data });

describe('systemText', () => {
  it('describes the agent-protection events in the UI language', () => {
    expect(systemText(event('safety.warning', { text: 'Please stay polite.' }), t, at, at)).toBe('Warning to the customer: Please stay polite.');
    expect(systemText(event('safety.timed_out', { minutes: 5, until: '2026-11-26T12:05:00.000Z' }), t, at, at)).toBe('Time-out of 5 min, until T(2026-11-26T12:05:00.000Z)');
    expect(systemText(event('incident.opened', { kind: 'threat', reason: 'dreigt' }), t, at, at)).toBe('Incident opened (Threat): dreigt');
    expect(systemText(event('incident.escalated', { target: 'special_care' }), t, at, at)).toBe('Escalated to Special Care');
    expect(systemText(event('contact.blocked', { until: '2026-11-27T12:00:00.000Z', reason: 'prank' }), t, at, at)).toBe('Contact blocked until T(2026-11-27T12:00:00.000Z): prank');
    expect(systemText(event('contact.blocked', { until: null, reason: 'prank' }), t, at, at)).toBe('Contact blocked permanently: prank');
  });
  it('tells a safety end apart from an ordinary close', () => {
    expect(systemText(event('conversation.closed', { reason: 'safety' }), t, at, at)).toBe('Conversation ended to protect the agent');
    expect(systemText(event('conversation.closed'), t, at, at)).toBe('Conversation closed');
    expect(isSafetyEvent(event('conversation.closed', { reason: 'safety' }))).toBe(true);
    expect(isSafetyEvent(event('conversation.closed'))).toBe(false);
  });
  it('keeps unknown kinds and event types readable', () => {
    expect(systemText(event('incident.opened', { kind: 'spam', reason: 'x' }), t, at, at)).toBe('Incident opened (spam): x');
    expect(systemText(event('something.new'), t, at, at)).toBe('something.new');
  });
});
