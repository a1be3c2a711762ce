import { describe, expect, it } from 'vitest';
import type { AbuseAction, AbuseDecisionInput, ContactHistory, ConversationStrikes } from './abuse-decision.types.js';
import { NO_STRIKES } from './abuse-decision.types.js';
import { decideAbuseResponse } from './decide-abuse-response.js';
import { DEFAULT_ABUSE_POLICY, parseAbusePolicy } from './parse-abuse-policy.js';

const NOW = Date.UTC(2025, 8, 18, 10, 0, 0);
const HOUR = 3_600_000;
const QUIET_HISTORY: ContactHistory = { contactKey: 'key-1', windowDays: 7, conversations: 1, prankWrapUps: 0, incidents: 0, averageDurationSeconds: 300, unresolvedContacts: 0, previousBlocks: 0 };

function decide(overrides: Partial<AbuseDecisionInput> & { strikes?: Partial<ConversationStrikes> } = {}) {
  const { strikes, ...rest } = overrides;
  return decideAbuseResponse({
    policy: DEFAULT_ABUSE_POLICY,
    classification: { label: 'swearing', score: 0.7 },
    conversationStrikes: { ...NO_STRIKES, ...strikes },
    contactHistory: null,
    channel: 'chat',
    language: 'nl',
    now: NOW,
    ...rest,
  });
}

const kinds = (actions: readonly AbuseAction[]) => actions.map((a) => a.kind);
const find = <K extends AbuseAction['kind']>(actions: readonly AbuseAction[], kind: K) => actions.find((a): a is Extract<AbuseAction, { kind: K }> => a.kind === kind);

describe('decideAbuseResponse: swearing', () => {
  it('warns in the conversation language on the first swearing message', () => {
    const { actions, reason } = decide({ language: 'fr' });
    expect(kinds(actions)).toEqual(['warn']);
    expect(find(actions, 'warn')?.message).toBe(DEFAULT_ABUSE_POLICY.messages.swearingWarning.fr);
    expect(reason).toContain('swearing message 1');
  });

  it('warns at N-1 and times out at N and N+1 swearing messages', () => {
    expect(kinds(decide({ strikes: { swearing: 0 } }).actions)).toEqual(['warn']);
    expect(kinds(decide({ strikes: { swearing: 1 } }).actions)).toEqual(['time_out']);
    expect(kinds(decide({ strikes: { swearing: 2 } }).actions)).toEqual(['time_out']);
  });

  it('follows a configured threshold', () => {
    const policy = parseAbusePolicy({ swearing: { timeOutAt: 3 } });
    expect(kinds(decide({ policy, strikes: { swearing: 1 } }).actions)).toEqual(['warn']);
    expect(kinds(decide({ policy, strikes: { swearing: 2 } }).actions)).toEqual(['time_out']);
  });

  it('pauses a chat for the policy minutes with a written message', () => {
    const timeOut = find(decide({ strikes: { swearing: 1 } }).actions, 'time_out');
    expect(timeOut).toMatchObject({ minutes: 10, until: NOW + 10 * 60_000, pauseConversation: true });
    expect(timeOut?.recordedMessage).toEqual({ kind: 'text', text: 'We pauzeren dit gesprek 10 minuten. Daarna kunt u op een rustige toon verder.' });
  });

  it('plays the recorded audio message on a voice call', () => {
    const timeOut = find(decide({ channel: 'voice', language: 'en', strikes: { swearing: 1 } }).actions, 'time_out');
    expect(timeOut?.recordedMessage).toEqual({ kind: 'audio', audioRef: 'audio/abuse/time-out-en.wav' });
  });

  it('ends the conversation when swearing goes on after a time-out', () => {
    const { actions, reason } = decide({ strikes: { swearing: 2, timeOuts: 1 } });
    expect(kinds(actions)).toEqual(['end', 'open_incident']);
    expect(find(actions, 'open_incident')?.incidentKind).toBe('swearing');
    expect(reason).toContain('after 1 time-out');
  });

  it('still times out when fewer time-outs than the limit were given', () => {
    const policy = parseAbusePolicy({ swearing: { endAfterTimeOuts: 2 } });
    expect(kinds(decide({ policy, strikes: { swearing: 3, timeOuts: 1 } }).actions)).toEqual(['time_out']);
    expect(kinds(decide({ policy, strikes: { swearing: 4, timeOuts: 2 } }).actions)).toEqual(['end', 'open_incident']);
  });
});

describe('decideAbuseResponse: threat', () => {
  it('ends, escalates to security, opens an incident and cares for the agent', () => {
    const { actions } = decide({ classification: { label: 'threat', score: 0.95 } });
    expect(kinds(actions)).toEqual(['end', 'escalate', 'open_incident', 'agent_care_task']);
    expect(find(actions, 'escalate')?.target).toBe('security');
    expect(find(actions, 'open_incident')?.incidentKind).toBe('threat');
  });

  it('escalates to the configured target and skips the care task when switched off', () => {
    const policy = parseAbusePolicy({ threat: { escalateTo: 'special_care', agentCareTask: false } });
    const { actions } = decide({ policy, classification: { label: 'threat', score: 0.95 } });
    expect(find(actions, 'escalate')?.target).toBe('special_care');
    expect(kinds(actions)).not.toContain('agent_care_task');
  });

  it('ends on the first threat even without earlier strikes', () => {
    expect(kinds(decide({ classification: { label: 'threat', score: 0.8 }, strikes: NO_STRIKES }).actions)[0]).toBe('end');
  });
});

describe('decideAbuseResponse: discrimination', () => {
  it('warns first, then ends with an incident and an agent care task', () => {
    const first = decide({ classification: { label: 'discrimination', score: 0.85 }, language: 'en' });
    expect(kinds(first.actions)).toEqual(['warn']);
    expect(find(first.actions, 'warn')?.message).toBe(DEFAULT_ABUSE_POLICY.messages.discriminationWarning.en);
    const second = decide({ classification: { label: 'discrimination', score: 0.85 }, strikes: { discrimination: 1 } });
    expect(kinds(second.actions)).toEqual(['end', 'open_incident', 'agent_care_task']);
  });

  it('ends at once when the policy says endAt 1', () => {
    const policy = parseAbusePolicy({ discrimination: { endAt: 1 } });
    expect(kinds(decide({ policy, classification: { label: 'discrimination', score: 0.85 } }).actions)[0]).toBe('end');
  });
});

describe('decideAbuseResponse: sexual', () => {
  it('ends and blocks the contact key for 24 hours on a first offence', () => {
    const { actions, reason } = decide({ classification: { label: 'sexual', score: 0.85 }, contactHistory: QUIET_HISTORY });
    expect(kinds(actions)).toEqual(['end', 'open_incident', 'block']);
    expect(find(actions, 'block')).toMatchObject({ contactKey: 'key-1', hours: 24, until: NOW + 24 * HOUR, decidedBy: { by: 'policy' } });
    expect(reason).toContain('first block');
  });

  it('blocks for 7 days when the key was blocked before', () => {
    const { actions } = decide({ classification: { label: 'sexual', score: 0.85 }, contactHistory: { ...QUIET_HISTORY, previousBlocks: 1 } });
    expect(find(actions, 'block')).toMatchObject({ hours: 168, until: NOW + 168 * HOUR });
  });

  it('never blocks forever by default', () => {
    const { actions } = decide({ classification: { label: 'sexual', score: 0.85 }, contactHistory: { ...QUIET_HISTORY, previousBlocks: 50 } });
    const block = find(actions, 'block');
    expect(block?.until).not.toBeNull();
    expect(block?.hours).toBeLessThanOrEqual(DEFAULT_ABUSE_POLICY.block.maxHours);
  });

  it('blocks without a key when there is no history, leaving the key to the caller', () => {
    expect(find(decide({ classification: { label: 'sexual', score: 0.85 } }).actions, 'block')?.contactKey).toBeNull();
  });

  it('does not block when blocking is switched off', () => {
    const policy = parseAbusePolicy({ sexual: { block: false } });
    expect(kinds(decide({ policy, classification: { label: 'sexual', score: 0.85 } }).actions)).toEqual(['end', 'open_incident']);
  });
});

describe('decideAbuseResponse: spam', () => {
  it('does nothing at N-1 spam messages and times out at N', () => {
    expect(decide({ classification: { label: 'spam', score: 0.7 }, strikes: { spam: 1 } }).actions).toEqual([]);
    expect(kinds(decide({ classification: { label: 'spam', score: 0.7 }, strikes: { spam: 2 } }).actions)).toEqual(['time_out']);
    expect(kinds(decide({ classification: { label: 'spam', score: 0.7 }, strikes: { spam: 3 } }).actions)).toEqual(['time_out']);
  });
});

describe('decideAbuseResponse: thresholds and care', () => {
  it('does nothing for a clean message', () => {
    expect(decide({ classification: { label: 'ok', score: 0 } })).toEqual({ actions: [], reason: 'no abuse' });
  });

  it('does nothing below the policy minimum score and says so', () => {
    const policy = parseAbusePolicy({ minScore: 0.8 });
    const decision = decide({ policy, classification: { label: 'swearing', score: 0.79 } });
    expect(decision.actions).toEqual([]);
    expect(decision.reason).toContain('below 0.8');
    expect(kinds(decide({ policy, classification: { label: 'swearing', score: 0.8 } }).actions)).toEqual(['warn']);
  });

  it('never sanctions a care signal and names it in the reason', () => {
    const decision = decide({ classification: { label: 'ok', score: 0.2, careSignals: ['self_harm'] } });
    expect(decision.actions).toEqual([]);
    expect(decision.reason).toContain('self_harm');
  });

  it('is deterministic', () => {
    const input = { classification: { label: 'threat', score: 0.9 } as const, contactHistory: { ...QUIET_HISTORY, unresolvedContacts: 5 } };
    expect(decide(input)).toEqual(decide(input));
  });
});

describe('decideAbuseResponse: contact history', () => {
  it('routes to special care at N unresolved contacts but not at N-1', () => {
    expect(decide({ classification: { label: 'ok', score: 0 }, contactHistory: { ...QUIET_HISTORY, unresolvedContacts: 2 } }).actions).toEqual([]);
    const atN = decide({ classification: { label: 'ok', score: 0 }, contactHistory: { ...QUIET_HISTORY, unresolvedContacts: 3 } });
    expect(atN.actions).toEqual([expect.objectContaining({ kind: 'escalate', target: 'special_care' })]);
    expect(atN.reason).toContain('3 unresolved contacts');
    expect(kinds(decide({ classification: { label: 'ok', score: 0 }, contactHistory: { ...QUIET_HISTORY, unresolvedContacts: 4 } }).actions)).toEqual(['escalate']);
  });

  it('adds special care after the message actions', () => {
    const { actions } = decide({ contactHistory: { ...QUIET_HISTORY, unresolvedContacts: 3 } });
    expect(kinds(actions)).toEqual(['warn', 'escalate']);
  });

  it('suggests a time-out for a repeat prank at the wrap-up threshold, not below it', () => {
    const prank = { ...QUIET_HISTORY, conversations: 4, prankWrapUps: 2 };
    const { actions, reason } = decide({ classification: { label: 'ok', score: 0 }, contactHistory: prank });
    expect(actions).toEqual([expect.objectContaining({ kind: 'suggest_time_out', minutes: 60 })]);
    expect(reason).toContain('repeat prank');
    expect(reason).toContain('2 of 4 conversations');
    expect(decide({ classification: { label: 'ok', score: 0 }, contactHistory: { ...prank, prankWrapUps: 1 } }).actions).toEqual([]);
  });

  it('does not suggest a time-out when pranks are under the share threshold', () => {
    expect(decide({ classification: { label: 'ok', score: 0 }, contactHistory: { ...QUIET_HISTORY, conversations: 10, prankWrapUps: 2 } }).actions).toEqual([]);
  });

  it('suggests a time-out for many very short conversations', () => {
    const flood = { ...QUIET_HISTORY, conversations: 5, averageDurationSeconds: 30 };
    expect(kinds(decide({ classification: { label: 'ok', score: 0 }, contactHistory: flood }).actions)).toEqual(['suggest_time_out']);
    expect(decide({ classification: { label: 'ok', score: 0 }, contactHistory: { ...flood, conversations: 4 } }).actions).toEqual([]);
    expect(decide({ classification: { label: 'ok', score: 0 }, contactHistory: { ...flood, averageDurationSeconds: 31 } }).actions).toEqual([]);
  });

  it('does not suggest a time-out when the conversation is already ended or paused', () => {
    const prank = { ...QUIET_HISTORY, conversations: 4, prankWrapUps: 3 };
    expect(kinds(decide({ classification: { label: 'sexual', score: 0.9 }, contactHistory: prank }).actions)).not.toContain('suggest_time_out');
    expect(kinds(decide({ strikes: { swearing: 1 }, contactHistory: prank }).actions)).toEqual(['time_out']);
  });

  it('suggests a time-out alongside a warning', () => {
    const prank = { ...QUIET_HISTORY, conversations: 4, prankWrapUps: 3 };
    expect(kinds(decide({ contactHistory: prank }).actions)).toEqual(['warn', 'suggest_time_out']);
  });
});
