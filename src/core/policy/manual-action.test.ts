import { describe, expect, it } from 'vitest';
import { manualAction, type ManualActionInput } from './manual-action.js';
import { DEFAULT_ABUSE_POLICY, parseAbusePolicy } from './parse-abuse-policy.js';

const NOW = Date.UTC(2025, 0, 1);
const HOUR = 3_600_000;

function run(request: unknown, overrides: Partial<ManualActionInput> = {}) {
  return manualAction({ policy: DEFAULT_ABUSE_POLICY, request, actor: { userId: 'u1', role: 'agent' }, channel: 'chat', language: 'nl', now: NOW, ...overrides });
}

describe('manualAction', () => {
  it('fills in a block with its expiry and who decided', () => {
    const result = run({ kind: 'block', contactKey: 'k1', reason: 'prank caller, third time', hours: 24 });
    expect(result).toEqual({ ok: true, action: { kind: 'block', contactKey: 'k1', hours: 24, until: NOW + 24 * HOUR, reason: 'prank caller, third time', decidedBy: { by: 'user', userId: 'u1', role: 'agent' } } });
  });

  it('rejects a block without a reason', () => {
    const result = run({ kind: 'block', contactKey: 'k1', reason: ' ', hours: 24 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join()).toContain('reason');
  });

  it('rejects a block without an expiry', () => {
    const result = run({ kind: 'block', contactKey: 'k1', reason: 'prank' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join()).toContain('expiry');
  });

  it('rejects a block in the past or of zero hours', () => {
    expect(run({ kind: 'block', contactKey: 'k1', reason: 'prank', hours: 0 }).ok).toBe(false);
    expect(run({ kind: 'block', contactKey: 'k1', reason: 'prank', hours: -5 }).ok).toBe(false);
  });

  it('accepts a block at the policy maximum and rejects one hour more for an agent', () => {
    const max = DEFAULT_ABUSE_POLICY.block.maxHours;
    expect(run({ kind: 'block', contactKey: 'k1', reason: 'prank', hours: max }).ok).toBe(true);
    const over = run({ kind: 'block', contactKey: 'k1', reason: 'prank', hours: max + 1 });
    expect(over.ok).toBe(false);
    if (!over.ok) expect(over.errors[0]).toContain('exceeds the policy maximum');
  });

  it('lets security block beyond the maximum', () => {
    expect(run({ kind: 'block', contactKey: 'k1', reason: 'repeated threats', hours: 24 * 365 }, { actor: { userId: 's1', role: 'security' } }).ok).toBe(true);
  });

  it('refuses a permanent block by default, even for security', () => {
    const result = run({ kind: 'block', contactKey: 'k1', reason: 'threats', hours: null }, { actor: { userId: 's1', role: 'security' } });
    expect(result).toEqual({ ok: false, errors: ['permanent blocks are off in this policy (block.allowPermanent)'] });
  });

  it('allows a permanent block only for security when the policy allows it', () => {
    const policy = parseAbusePolicy({ block: { allowPermanent: true } });
    const security = run({ kind: 'block', contactKey: 'k1', reason: 'threats', hours: null }, { policy, actor: { userId: 's1', role: 'security' } });
    expect(security).toMatchObject({ ok: true, action: { hours: null, until: null } });
    expect(run({ kind: 'block', contactKey: 'k1', reason: 'threats', hours: null }, { policy }).ok).toBe(false);
  });

  it('uses the policy minutes and the channel for a manual time-out', () => {
    expect(run({ kind: 'time_out' }, { channel: 'voice', language: 'fr' })).toEqual({ ok: true, action: { kind: 'time_out', minutes: 10, until: NOW + 10 * 60_000, pauseConversation: true, recordedMessage: { kind: 'audio', audioRef: 'audio/abuse/time-out-fr.wav' } } });
    expect(run({ kind: 'time_out', minutes: 30 })).toMatchObject({ ok: true, action: { minutes: 30 } });
  });

  it('rejects a time-out longer than a day', () => {
    expect(run({ kind: 'time_out', minutes: 24 * 60 + 1 }).ok).toBe(false);
  });

  it('uses the policy warning text unless the agent writes one', () => {
    expect(run({ kind: 'warn' }, { language: 'en' })).toEqual({ ok: true, action: { kind: 'warn', message: DEFAULT_ABUSE_POLICY.messages.swearingWarning.en } });
    expect(run({ kind: 'warn', message: 'Rustig aan, alstublieft.' })).toEqual({ ok: true, action: { kind: 'warn', message: 'Rustig aan, alstublieft.' } });
  });

  it('accepts escalation, incidents, care tasks and ending with a reason', () => {
    expect(run({ kind: 'escalate', target: 'special_care', reason: 'fourth unresolved contact' })).toMatchObject({ ok: true, action: { kind: 'escalate', target: 'special_care' } });
    expect(run({ kind: 'open_incident', incidentKind: 'prank', reason: 'pizza order again' }).ok).toBe(true);
    expect(run({ kind: 'agent_care_task', reason: 'rough call' }).ok).toBe(true);
    expect(run({ kind: 'end', reason: 'keeps shouting' })).toEqual({ ok: true, action: { kind: 'end', message: DEFAULT_ABUSE_POLICY.messages.end.nl } });
  });

  it('rejects an unknown escalation target and an unknown kind', () => {
    expect(run({ kind: 'escalate', target: 'police', reason: 'threat' }).ok).toBe(false);
    expect(run({ kind: 'suggest_time_out', minutes: 5 }).ok).toBe(false);
    expect(run('block').ok).toBe(false);
  });

  it('refuses abuse actions from roles that do not handle conversations', () => {
    expect(run({ kind: 'warn' }, { actor: { userId: 'e1', role: 'executive' } })).toEqual({ ok: false, errors: ['role executive may not take abuse actions'] });
    expect(run({ kind: 'warn' }, { actor: { userId: 'c1', role: 'content_manager' } }).ok).toBe(false);
  });
});
