/** Digits of a string with separators removed. */
export function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

/** Remainder of a long decimal string modulo `divisor`, chunk by chunk (no BigInt needed). */
function modulo(decimal: string, divisor: number): number {
  let remainder = 0;
  for (const digit of decimal) remainder = (remainder * 10 + Number(digit)) % divisor;
  return remainder;
}

/** IBAN lengths per country for the countries our lines serve; others only need 15–34. */
const IBAN_LENGTH: Readonly<Record<string, number>> = { BE: 16, NL: 18, FR: 27, LU: 20, DE: 22, GB: 22 };

/**
 * ISO 13616 IBAN check: move the first four characters to the end, letters to numbers (A = 10),
 * and the number modulo 97 must be 1.
 *
 * @example isValidIban('BE68 5390 0754 7034') // true
 */
export function isValidIban(text: string): boolean {
  const iban = text.replace(/\s/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const expected = IBAN_LENGTH[iban.slice(0, 2)];
  if (expected !== undefined && iban.length !== expected) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  const numeric = rearranged.replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55));
  return modulo(numeric, 97) === 1;
}

/**
 * Luhn check of a payment card number (13–19 digits).
 *
 * @example isValidCard('4111 1111 1111 1111') // true
 */
export function isValidCard(text: string): boolean {
  const digits = digitsOf(text);
  if (digits.length < 13 || digits.length > 19 || /^0+$/.test(digits)) return false;
  let sum = 0;
  for (let position = 0; position < digits.length; position++) {
    let digit = Number(digits[digits.length - 1 - position]);
    if (position % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/**
 * Belgian national register number (rijksregisternummer, YY.MM.DD-XXX.CC): CC = 97 − (first nine
 * digits mod 97); for people born from 2000 on, a 2 is put in front of the nine digits first.
 * Month and day may be 0 (unknown birth date), or month + 20/40 (bis numbers).
 *
 * @example isValidBelgianNationalNumber('85.07.30-033.28') // true
 */
export function isValidBelgianNationalNumber(text: string): boolean {
  const digits = digitsOf(text);
  if (digits.length !== 11) return false;
  const month = Number(digits.slice(2, 4)) % 20;
  const day = Number(digits.slice(4, 6));
  if (month > 12 || day > 31) return false;
  const base = digits.slice(0, 9);
  const check = Number(digits.slice(9));
  return 97 - modulo(base, 97) === check || 97 - modulo(`2${base}`, 97) === check;
}

/**
 * Dutch citizen service number (BSN): nine digits, 9·d1 + 8·d2 + … + 2·d8 − d9 divisible by 11.
 *
 * @example isValidBsn('111222333') // true
 */
export function isValidBsn(text: string): boolean {
  const digits = digitsOf(text);
  if (digits.length !== 9 || /^0+$/.test(digits)) return false;
  let sum = 0;
  for (let position = 0; position < 8; position++) sum += Number(digits[position]) * (9 - position);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}
