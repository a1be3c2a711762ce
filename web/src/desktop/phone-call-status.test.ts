import { describe, expect, it } from 'vitest';
import type { WireEvent } from '../api/api-types.js';
import { phoneCallStatus } from './phone-call-status.js';

let seq = 0;
const ev = (type: string, data: Record<string, unknown> = {}, actor: WireEvent['actor'] = { kind: 'system' }): WireEvent => ({ conversationId: 'cv', seq: ++seq, type, at: `2026-01-01T10:00:${String(seq).padStart(2, '0')}Z`, actor, data });

describe('the phone-line controls read the call from the log', () => {
  it('connects when the adapter dials the agent through, then follows hold, resume and hang-up', () => {
    const log = [ev('conversation.started'), ev('call.status', { status: 'ringing' }), ev('conversation.queued'), ev('conversation.assigned', { agentId: 'me' })];
    expect(phoneCallStatus(log, 'me')).toEqual({ phase: 'connecting', connectedAt: null, consulting: null });
    log.push(ev('call.connecting', { agentId: 'me', client: 'me' }));
    expect(phoneCallStatus(log, 'me')).toEqual({ phase: 'connected', connectedAt: log[4]!.at, consulting: null });
    log.push(ev('call.held', { via: 'phone' }));
    expect(phoneCallStatus(log, 'me').phase).toBe('on_hold');
    log.push(ev('call.resumed', { via: 'phone' }));
    expect(phoneCallStatus(log, 'me').phase).toBe('connected');
    log.push(ev('call.ended', { by: 'agent' }));
    expect(phoneCallStatus(log, 'me').phase).toBe('ended');
  });

  it('warm transfer: consulting a colleague until cancelled (back with the caller) or handed over', () => {
    const me = { kind: 'agent' as const, id: 'me', name: 'Me' };
    const log = [ev('conversation.assigned', { agentId: 'me' }), ev('call.connecting', { agentId: 'me' }), ev('call.held', { via: 'phone' }, me), ev('call.consult_started', { agentId: 'her', agentName: 'Her', via: 'phone' }, me)];
    expect(phoneCallStatus(log, 'me')).toMatchObject({ phase: 'on_hold', consulting: { agentId: 'her', agentName: 'Her', outside: false } });
    // The colleague's own view shows no consult of hers.
    expect(phoneCallStatus(log, 'her').consulting).toBeNull();
    log.push(ev('call.consult_cancelled', { agentId: 'her', agentName: 'Her' }, me), ev('call.resumed', { via: 'phone' }, me));
    expect(phoneCallStatus(log, 'me')).toMatchObject({ phase: 'connected', consulting: null });
    log.push(ev('call.held', { via: 'phone' }, me), ev('call.consult_started', { agentId: 'her', agentName: 'Her' }, me), ev('conversation.transferred', { fromAgentId: 'me', toAgentId: 'her', mode: 'warm' }, me));
    expect(phoneCallStatus(log, 'me')).toMatchObject({ phase: 'transferred', consulting: null });
    log.push(ev('conversation.assigned', { agentId: 'her' }), ev('call.connecting', { agentId: 'her', via: 'conference' }));
    expect(phoneCallStatus(log, 'her')).toMatchObject({ phase: 'connected', consulting: null });
  });

  it('warm transfer to an outside number: consulting its last digits, flagged as outside (consent needed), until handed over', () => {
    const me = { kind: 'agent' as const, id: 'me' };
    const log = [ev('conversation.assigned', { agentId: 'me' }), ev('call.connecting', { agentId: 'me' }), ev('call.held', { via: 'phone' }, me), ev('call.consult_started', { agentId: null, toNumberEnding: '0999', via: 'phone' }, me)];
    expect(phoneCallStatus(log, 'me')).toMatchObject({ phase: 'on_hold', consulting: { agentId: '', agentName: '…0999', outside: true } });
    log.push(ev('conversation.transferred', { fromAgentId: 'me', toAgentId: null, toNumberEnding: '0999', mode: 'warm', callerConsent: true }, me), ev('call.ended', { by: 'agent', reason: 'transferred', via: 'phone' }, me));
    expect(phoneCallStatus(log, 'me').consulting).toBeNull();
  });

  it('hands the call on after a transfer, and connects the colleague who takes it', () => {
    const log = [ev('conversation.assigned', { agentId: 'me' }), ev('call.connecting', { agentId: 'me' }), ev('conversation.transferred', { fromAgentId: 'me', toQueueId: 'q' })];
    expect(phoneCallStatus(log, 'me').phase).toBe('transferred');
    log.push(ev('conversation.assigned', { agentId: 'her' }), ev('call.connecting', { agentId: 'her' }));
    expect(phoneCallStatus(log, 'her')).toEqual({ phase: 'connected', connectedAt: log[4]!.at, consulting: null });
    log.push(ev('call.status', { status: 'completed' }));
    expect(phoneCallStatus(log, 'her').phase).toBe('ended');
    expect(phoneCallStatus(log, 'me').phase).toBe('transferred');
  });

  it('ends when the caller hangs up (the provider\'s status callback)', () => {
    const log = [ev('conversation.assigned', { agentId: 'me' }), ev('call.connecting', { agentId: 'me' }), ev('call.status', { status: 'in-progress' })];
    expect(phoneCallStatus(log, 'me').phase).toBe('connected');
    log.push(ev('call.status', { status: 'completed' }), ev('conversation.ended_by_customer'));
    expect(phoneCallStatus(log, 'me').phase).toBe('ended');
  });
});
