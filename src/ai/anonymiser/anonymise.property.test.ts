import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anonymise } from './anonymise.js';

function mod97(decimal: string): number {
  let remainder = 0;
  for (const digit of decimal) remainder = (remainder * 10 + Number(digit)) % 97;
  return remainder;
}

/** A Belgian IBAN with correct check digits around a random 12-digit account. */
const validIban = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 12, maxLength: 12 }).map((digits) => {
  const account = digits.join('');
  const check = String(98 - mod97(`${account}111400`)).padStart(2, '0');
  const iban = `BE${check}${account}`;
  return iban.replace(/(.{4})/g, '$1 ').trim();
});

const validCard = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 15, maxLength: 15 }).map((digits) => {
  const body = `4${digits.slice(1).join('')}`;
  for (let last = 0; last <= 9; last++) {
    const number = `${body}${last}`;
    let sum = 0;
    [...number].reverse().forEach((char, position) => {
      let digit = Number(char);
      if (position % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
      sum += digit;
    });
    if (sum % 10 === 0) return number.replace(/(.{4})/g, '$1 ').trim();
  }
  return body;
});

const validBsn = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 })
  .map((digits) => {
    const sum = digits.reduce((total, digit, position) => total + digit * (9 - position), 0);
    return { digits: `${digits.join('')}${sum % 11}`, last: sum % 11 };
  })
  .filter(({ digits, last }) => last < 10 && !/^0+$/.test(digits))
  .map(({ digits }) => digits);

const validNationalNumber = fc
  .record({ year: fc.integer({ min: 0, max: 99 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }), serial: fc.integer({ min: 1, max: 998 }), after2000: fc.boolean() })
  .map(({ year, month, day, serial, after2000 }) => {
    const base = [year, month, day].map((n) => String(n).padStart(2, '0')).join('') + String(serial).padStart(3, '0');
    const check = String(97 - mod97(after2000 ? `2${base}` : base)).padStart(2, '0');
    return `${base.slice(0, 2)}.${base.slice(2, 4)}.${base.slice(4, 6)}-${base.slice(6)}.${check}`;
  });

const secret = fc.oneof(validIban, validCard, validBsn, validNationalNumber);
const filler = fc.oneof(
  fc.constantFrom('Jan', 'Peeters', 'van der', 'Mei', 'Bank', 'rue de la Loi', '16', '€ 1.234,56', '12-05-2024', '14:30', 'kaart', 'bel', '0471 12 34 56', 'mail@voorbeeld.be', '[NAAM]'),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: 0, max: 99_999_999 }).map(String),
);
const sentence = fc.array(fc.oneof(secret, filler), { minLength: 1, maxLength: 8 }).chain((parts) =>
  fc.array(fc.constantFrom(' ', ', ', '. ', ' - '), { minLength: parts.length, maxLength: parts.length }).map((separators) => ({
    parts,
    text: parts.map((part, i) => `${part}${separators[i] ?? ' '}`).join(''),
  })),
);
const language = fc.constantFrom('nl' as const, 'fr' as const, 'en' as const);

describe('anonymise properties', () => {
  it('does change nothing more when run on its own output', () => {
    fc.assert(
      fc.property(sentence, language, ({ text }, lang) => {
        const once = anonymise(text, { language: lang }).text;
        expect(anonymise(once, { language: lang }).text).toBe(once);
      }),
      { numRuns: 300 },
    );
  });

  it('does never leave a valid IBAN, card, BSN or national number of the input in the output', () => {
    fc.assert(
      fc.property(fc.array(secret, { minLength: 1, maxLength: 3 }), sentence, language, (secrets, { text }, lang) => {
        const input = `${text} ${secrets.join(' en ')} ${text}`;
        const output = anonymise(input, { language: lang }).text;
        for (const value of secrets) expect(output).not.toContain(value);
      }),
      { numRuns: 300 },
    );
  });
});
