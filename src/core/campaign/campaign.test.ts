import { describe, expect, it } from 'vitest';
import { applyCallResult, normalisePhone, validateContactRows, type ContactProgress } from './index.js';

describe('normalisePhone', () => {
  it.each([
    ['0470 12 34 56', 'BE', '+32470123456'],
    ['02/555.01.00', 'BE', '+3225550100'],
    ['+32 (0)470 12 34 56', 'BE', '+32470123456'],
    ['0032470123456', 'BE', '+32470123456'],
    ['06-12345678', 'NL', '+31612345678'],
    ['+33 6 12 34 56 78', 'BE', '+33612345678'],
    ['+44 20 7946 0958', 'BE', '+442079460958'],
  ] as const)('%s (%s) → %s', (raw, country, e164) => {
    expect(normalisePhone(raw, country)).toEqual({ ok: true, e164 });
  });

  it.each([
    ['', 'empty phone number'],
    ['0470 12 34 5', '8 digits after +32; expected 9'],
    ['02 555 01 0', '7 digits after +32; expected 8'],
    ['0470 12 34 56 78', '11 digits after +32'],
    ['470123456', 'neither international'],
    ['0470-12a456', 'characters that are not part of a phone number'],
    ['04+70123456', 'a + may only stand at the start'],
    ['+1234', 'not 8 to 15 digits'],
  ])('refuses %j', (raw, problem) => {
    const result = normalisePhone(raw, 'BE');
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.problem).toContain(problem);
  });
});

describe('validateContactRows', () => {
  const options = { defaultCountry: 'BE' as const, doNotCall: new Set(['+3225550199']) };

  it('keeps good rows and names each problem by CSV line and column; skips duplicates and do-not-call numbers', () => {
    const result = validateContactRows(
      ['Naam', 'Telefoon', 'Referentie'],
      [
        { Naam: 'An', Telefoon: '0470 11 11 11', Referentie: 'K-1' },
        { Naam: 'Bert', Telefoon: '0470 11 11', Referentie: 'K-2' },
        { Naam: 'Chris', Telefoon: '+32 470 11 11 11', Referentie: 'K-3' },
        { Naam: 'Dirk', Telefoon: '02 555 01 99', Referentie: 'K-4' },
        { Naam: 'x'.repeat(201), Telefoon: 'geen', Referentie: '' },
        { Naam: '', Telefoon: '0470 22 22 22', Referentie: '' },
      ],
      options,
    );
    expect(result.contacts).toEqual([
      { row: 2, phone: '+32470111111', name: 'An', reference: 'K-1' },
      { row: 7, phone: '+32470222222', name: null, reference: null },
    ]);
    expect(result.problems).toEqual([
      { row: 3, column: 'Telefoon', problem: '"0470 11 11" has 7 digits after +32; expected 9' },
      { row: 6, column: 'Telefoon', problem: '"geen" has characters that are not part of a phone number' },
      { row: 6, column: 'Naam', problem: 'longer than 200 characters' },
    ]);
    expect(result.duplicates).toEqual([{ row: 4, phone: '+32470111111', firstRow: 2 }]);
    expect(result.doNotCall).toEqual([{ row: 5, phone: '+3225550199' }]);
  });

  it('needs a phone column', () => {
    expect(validateContactRows(['naam'], [{ naam: 'An' }], options).problems).toEqual([{ row: 1, column: 'phone', problem: expect.stringContaining('no phone column') }]);
  });
});

describe('applyCallResult', () => {
  const settings = { maxAttempts: 3, retryDelayMinutes: 30 };
  const fresh: ContactProgress = { status: 'in_progress', attempts: 0, nextAttemptAt: 0, lastResult: null };
  const now = 1_000_000;

  it('retries no answer, busy and voicemail after the delay until the attempts are used', () => {
    const first = applyCallResult(fresh, 'no_answer', settings, now);
    expect(first).toEqual({ status: 'pending', attempts: 1, nextAttemptAt: now + 30 * 60_000, lastResult: 'no_answer' });
    const second = applyCallResult({ ...first, status: 'in_progress' }, 'busy', settings, now);
    expect(second).toMatchObject({ status: 'pending', attempts: 2 });
    expect(applyCallResult({ ...second, status: 'in_progress' }, 'voicemail', settings, now)).toMatchObject({ status: 'done', attempts: 3, lastResult: 'voicemail' });
  });

  it('ends on reached, wrong number and do-not-call', () => {
    for (const result of ['reached', 'wrong_number', 'do_not_call'] as const) expect(applyCallResult(fresh, result, settings, now)).toMatchObject({ status: 'done', attempts: 1, lastResult: result });
  });

  it('brings a callback request back at the asked time without using an attempt', () => {
    expect(applyCallResult(fresh, 'callback_requested', settings, now, now + 3_600_000)).toEqual({ status: 'pending', attempts: 0, nextAttemptAt: now + 3_600_000, lastResult: 'callback_requested' });
    expect(applyCallResult(fresh, 'callback_requested', settings, now, now - 1).nextAttemptAt).toBe(now + 30 * 60_000);
  });
});
