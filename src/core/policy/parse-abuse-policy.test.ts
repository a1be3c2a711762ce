import { describe, expect, it } from 'vitest';
import { AbusePolicyError } from './abuse-policy.errors.js';
import { DEFAULT_ABUSE_POLICY, parseAbusePolicy } from './parse-abuse-policy.js';

function errorOf(input: unknown): AbusePolicyError {
  try {
    parseAbusePolicy(input);
  } catch (error) {
    if (error instanceof AbusePolicyError) return error;
    throw error;
  }
  throw new Error('expected the policy to be rejected');
}

describe('parseAbusePolicy', () => {
  it('fills the defaults from the protocols', () => {
    expect(DEFAULT_ABUSE_POLICY).toMatchObject({
      minScore: 0.5,
      swearing: { timeOutAt: 2, timeOutMinutes: 10, endAfterTimeOuts: 1 },
      threat: { escalateTo: 'security', agentCareTask: true },
      discrimination: { endAt: 2 },
      sexual: { block: true },
      block: { prankHours: 24, repeatHours: 168, allowPermanent: false },
      specialCare: { unresolvedContacts: 3 },
    });
    for (const text of Object.values(DEFAULT_ABUSE_POLICY.messages)) expect(Object.keys(text).sort()).toEqual(['en', 'fr', 'nl']);
  });

  it('keeps defaults for the keys a partial policy leaves out', () => {
    const policy = parseAbusePolicy({ swearing: { timeOutMinutes: 15 } });
    expect(policy.swearing).toEqual({ timeOutAt: 2, timeOutMinutes: 15, endAfterTimeOuts: 1 });
  });

  it('accepts undefined as the default policy', () => {
    expect(parseAbusePolicy(undefined)).toEqual(DEFAULT_ABUSE_POLICY);
  });

  it('freezes the result', () => {
    expect(Object.isFrozen(DEFAULT_ABUSE_POLICY.block)).toBe(true);
  });

  it('names the path of every problem', () => {
    const error = errorOf({ swearing: { timeOutAt: 0 }, minScore: 2 });
    expect(error.code).toBe('ABUSE_POLICY_INVALID');
    expect(error.issues.some((issue) => issue.startsWith('swearing.timeOutAt:'))).toBe(true);
    expect(error.issues.some((issue) => issue.startsWith('minScore:'))).toBe(true);
  });

  it('rejects a repeat block shorter than the first block', () => {
    expect(errorOf({ block: { prankHours: 48, repeatHours: 24 } }).message).toContain('block.repeatHours (24) must be at least block.prankHours (48)');
  });

  it('rejects a maximum below the repeat block', () => {
    expect(errorOf({ block: { maxHours: 100 } }).message).toContain('block.maxHours (100) must be at least block.repeatHours (168)');
  });

  it('rejects unknown keys and unknown escalation targets', () => {
    expect(errorOf({ swaering: {} }).message).toContain('swaering');
    expect(errorOf({ threat: { escalateTo: 'police' } }).issues[0]).toContain('threat.escalateTo');
  });

  it('rejects an empty warning text', () => {
    expect(errorOf({ messages: { swearingWarning: { nl: '', fr: 'x', en: 'y' } } }).issues[0]).toContain('messages.swearingWarning.nl');
  });
});
