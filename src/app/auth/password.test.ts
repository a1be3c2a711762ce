import { describe, expect, it } from 'vitest';
import { hashPassword, LOAD_TEST_COST, verifyPassword } from './password.js';

describe('password hashing', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const stored = await hashPassword('correct horse', LOAD_TEST_COST);
    expect(stored.startsWith('scrypt$1024$8$1$')).toBe(true);
    expect(await verifyPassword('correct horse', stored)).toBe(true);
    expect(await verifyPassword('correct hors', stored)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same', LOAD_TEST_COST)).not.toBe(await hashPassword('same', LOAD_TEST_COST));
  });

  it('rejects a malformed stored hash without throwing', async () => {
    expect(await verifyPassword('x', 'plain')).toBe(false);
  });
});
