import { describe, expect, it } from 'vitest';
import type { Registration } from '../api/api-types.js';
import { forgetRegistrationSaves, settledRegistration, trackRegistrationSave } from './registration-saves.js';

const registration = (wrapUpCode: string | null) => ({ topics: [], phaseId: null, wrapUpCode, notes: '' }) as unknown as Registration;
const later = <T>(value: T, ms: number, fail = false) => new Promise<T>((resolve, reject) => setTimeout(() => (fail ? reject(new Error('refused')) : resolve(value)), ms));

describe('registration saves', () => {
  it('does let a close wait for a wrap-up code that is still being saved', async () => {
    void trackRegistrationSave('cv_1', later(registration('opgelost'), 20));
    expect((await settledRegistration('cv_1'))?.wrapUpCode).toBe('opgelost');
  });

  it('does keep the last started save that succeeded, whatever order the answers come in', async () => {
    void trackRegistrationSave('cv_2', later(registration('eerste'), 30));
    void trackRegistrationSave('cv_2', later(registration('tweede'), 5));
    expect((await settledRegistration('cv_2'))?.wrapUpCode).toBe('tweede');
    void trackRegistrationSave('cv_2', later(registration('geweigerd'), 5, true)).catch(() => undefined);
    expect((await settledRegistration('cv_2'))?.wrapUpCode).toBe('tweede');
  });

  it('does know nothing of a conversation without saves, or one that left the desk', async () => {
    expect(await settledRegistration('cv_none')).toBeUndefined();
    void trackRegistrationSave('cv_3', Promise.resolve(registration('x')));
    forgetRegistrationSaves('cv_3');
    expect(await settledRegistration('cv_3')).toBeUndefined();
  });
});
