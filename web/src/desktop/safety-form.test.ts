import { describe, expect, it } from 'vitest';
import { toSafetyAction } from './safety-form.js';

describe('toSafetyAction', () => {
  it('requires a reason of at least 3 characters', () => {
    expect(toSafetyAction({ kind: 'warn', reason: '  a ', minutes: '', hours: '' })).toEqual({ ok: false, error: 'safety.invalidReason' });
  });
  it('sends a warning with the trimmed reason only', () => {
    expect(toSafetyAction({ kind: 'warn', reason: ' scheldt ', minutes: '5', hours: '2' })).toEqual({ ok: true, input: { kind: 'warn', reason: 'scheldt' } });
  });
  it('leaves the minutes out for the line default and checks them otherwise', () => {
    expect(toSafetyAction({ kind: 'time_out', reason: 'blijft schelden', minutes: '', hours: '' })).toEqual({ ok: true, input: { kind: 'time_out', reason: 'blijft schelden' } });
    expect(toSafetyAction({ kind: 'time_out', reason: 'blijft schelden', minutes: '10', hours: '' })).toEqual({ ok: true, input: { kind: 'time_out', reason: 'blijft schelden', minutes: 10 } });
    expect(toSafetyAction({ kind: 'time_out', reason: 'blijft schelden', minutes: '1.5', hours: '' })).toEqual({ ok: false, error: 'safety.invalidMinutes' });
    expect(toSafetyAction({ kind: 'time_out', reason: 'blijft schelden', minutes: '1441', hours: '' })).toEqual({ ok: false, error: 'safety.invalidMinutes' });
  });
  it('needs positive hours for a block', () => {
    expect(toSafetyAction({ kind: 'block', reason: 'bedreiging', minutes: '', hours: '' })).toEqual({ ok: false, error: 'safety.invalidHours' });
    expect(toSafetyAction({ kind: 'block', reason: 'bedreiging', minutes: '', hours: '0' })).toEqual({ ok: false, error: 'safety.invalidHours' });
    expect(toSafetyAction({ kind: 'block', reason: 'bedreiging', minutes: '', hours: '24' })).toEqual({ ok: true, input: { kind: 'block', reason: 'bedreiging', hours: 24 } });
  });
});
