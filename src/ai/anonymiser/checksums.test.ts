import { describe, expect, it } from 'vitest';
import { isValidBelgianNationalNumber, isValidBsn, isValidCard, isValidIban } from './checksums.js';

describe('checksums', () => {
  it.each(['BE68 5390 0754 7034', 'NL91ABNA0417164300', 'FR14 2004 1010 0505 0001 3M02 606', 'GB82 WEST 1234 5698 7654 32'])('does accept IBAN %s when mod 97 is 1', (iban) => {
    expect(isValidIban(iban)).toBe(true);
  });

  it.each(['BE68 5390 0754 7035', 'NL91ABNA0417164301', 'BE68 5390 0754 70'])('does reject IBAN %s when the check or length fails', (iban) => {
    expect(isValidIban(iban)).toBe(false);
  });

  it('does apply Luhn when checking card numbers', () => {
    expect(isValidCard('4111 1111 1111 1111')).toBe(true);
    expect(isValidCard('5500-0000-0000-0004')).toBe(true);
    expect(isValidCard('4111 1111 1111 1112')).toBe(false);
    expect(isValidCard('0000 0000 0000 0000')).toBe(false);
  });

  it('does accept a national register number with the 1900 rule and with the 2000+ rule', () => {
    expect(isValidBelgianNationalNumber('85.07.30-033.28')).toBe(true);
    // Born 15 March 2005: check = 97 − (2050315123 mod 97) = 67; the pre-2000 rule would give 38.
    expect(isValidBelgianNationalNumber('05.03.15-123.67')).toBe(true);
    expect(isValidBelgianNationalNumber('05.03.15-123.66')).toBe(false);
    expect(isValidBelgianNationalNumber('85.13.30-033.28')).toBe(false);
  });

  it('does apply the 11-proof when checking a BSN', () => {
    expect(isValidBsn('111222333')).toBe(true);
    expect(isValidBsn('123456782')).toBe(true);
    expect(isValidBsn('123456789')).toBe(false);
    expect(isValidBsn('000000000')).toBe(false);
  });
});
