import { describe, expect, it } from 'vitest';
import type { WireEvent } from '../api/api-types.js';
import { callStatus, isCall } from './call-status.js';

let seq = 0;
const ev = (type: string, data: Record<string, unknown> = {}, actor: WireEvent['actor'] = { kind: 'system' }): WireEvent => ({ conversationId: 'cv', seq: ++seq, type, at: `2026-01-01T10:00:${String(seq).padStart(2, '0')}Z`, actor, data });

describe('the softphone reads the call from the log', () => {
  it('follows a routed call through answer, hold, mute and hang-up', () => {
    const log = [ev('call.started'), ev('ivr.prompt'), ev('conversation.queued'), ev('call.ringing'), ev('call.answered', { agentId: 'me' }), ev('call.held')];
    expect(isCall(log)).toBe(true);
    expect(callStatus(log, 'me')).toMatchObject({ phase: 'on_hold', answeredAt: log[4]!.at });
    log.push(ev('call.resumed'), ev('call.muted', { muted: true, side: 'agent' }, { kind: 'agent', id: 'me' }));
    expect(callStatus(log, 'me')).toMatchObject({ phase: 'connected', muted: true });
    log.push(ev('call.ended', { by: 'customer' }));
    expect(callStatus(log, 'me').phase).toBe('ended');
  });

  it('shows the colleague consulted, and the call as handed on after the transfer', () => {
    const log = [ev('call.started'), ev('call.answered', { agentId: 'me' }), ev('call.held'), ev('call.consult_started', { agentId: 'her', agentName: 'Camille' })];
    expect(callStatus(log, 'me').consulting).toEqual({ agentId: 'her', agentName: 'Camille' });
    log.push(ev('conversation.transferred', { fromAgentId: 'me', toAgentId: 'her' }));
    expect(callStatus(log, 'me')).toMatchObject({ phase: 'transferred', consulting: null });
    log.push(ev('call.answered', { agentId: 'her' }));
    expect(callStatus(log, 'her').phase).toBe('connected');
  });

  it('rings the agent of a chat that became a call until they pick up', () => {
    const log = [ev('message.created'), ev('conversation.channel_switched'), ev('call.started'), ev('call.ringing')];
    expect(callStatus(log, 'me').phase).toBe('ringing');
    expect(isCall([ev('message.created')])).toBe(false);
  });

  it('is a chat again after an unanswered call, and rings anew when the customer calls again', () => {
    const log = [ev('message.created'), ev('conversation.channel_switched', { from: 'chat', to: 'voice' }), ev('call.started'), ev('call.ringing')];
    log.push(ev('call.ended', { by: 'system', reason: 'no_answer' }), ev('conversation.channel_switched', { from: 'voice', to: 'chat' }));
    expect(isCall(log)).toBe(false);
    expect(callStatus(log, 'me').phase).toBe('ended');
    log.push(ev('conversation.channel_switched', { from: 'chat', to: 'voice' }), ev('call.started'), ev('call.ringing'));
    expect(isCall(log)).toBe(true);
    expect(callStatus(log, 'me').phase).toBe('ringing');
  });
});
