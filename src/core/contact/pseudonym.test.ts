import { describe, expect, it } from 'vitest';
import { contactKey, normaliseIdentifier, pseudonymFromKey } from './pseudonym.js';

describe('contact pseudonyms', () => {
  it('gives the same key for the same phone number written differently', () => {
    const a = contactKey('secret', 'phone', '+32 470 12 34 56');
    const b = contactKey('secret', 'phone', '0032470123456');
    expect(a).toBe(b);
  });

  it('gives different keys for different tenants', () => {
    expect(contactKey('one', 'email', 'a@b.be')).not.toBe(contactKey('two', 'email', 'a@b.be'));
  });

  it('lower-cases emails before hashing', () => {
    expect(normaliseIdentifier('email', ' Jan@Example.BE ')).toBe('jan@example.be');
  });

  it('derives a stable pseudonym that does not contain the identifier', () => {
    const key = contactKey('secret', 'phone', '+32470123456');
    const pseudonym = pseudonymFromKey(key);
    expect(pseudonym).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(pseudonymFromKey(key)).toBe(pseudonym);
    expect(pseudonym).not.toContain('470');
  });
});
