/**
 * Phone numbers to E.164 for the countries the product serves. A national number starts with the trunk
 * prefix 0; international ones with + or 00. The national significant number's length is checked per
 * country, so a digit too many or too few is a clear error, not a wrong call.
 */
export const PHONE_COUNTRIES = {
  // Belgian mobile numbers (4xx) have 9 digits after +32, other numbers 8: see `expectedLengths`.
  BE: { code: '32', nsnLengths: [8, 9] },
  NL: { code: '31', nsnLengths: [9] },
  FR: { code: '33', nsnLengths: [9] },
  LU: { code: '352', nsnLengths: [6, 7, 8, 9, 10, 11] },
  DE: { code: '49', nsnLengths: [6, 7, 8, 9, 10, 11] },
} as const;
export type PhoneCountry = keyof typeof PHONE_COUNTRIES;

export type PhoneResult = { ok: true; e164: string } | { ok: false; problem: string };

export function normalisePhone(raw: string, defaultCountry: PhoneCountry): PhoneResult {
  const trimmed = raw.trim();
  if (trimmed === '') return { ok: false, problem: 'empty phone number' };
  if (/[^0-9+()./\s-]/.test(trimmed)) return { ok: false, problem: `"${raw}" has characters that are not part of a phone number` };
  const digits = trimmed.replace(/[()./\s-]/g, '');
  if (digits.indexOf('+') > 0 || (digits.match(/\+/g)?.length ?? 0) > 1) return { ok: false, problem: `"${raw}": a + may only stand at the start` };
  let international: string;
  if (digits.startsWith('+')) international = digits.slice(1);
  else if (digits.startsWith('00')) international = digits.slice(2);
  else if (digits.startsWith('0')) international = PHONE_COUNTRIES[defaultCountry].code + digits.slice(1);
  else return { ok: false, problem: `"${raw}" is neither international (+ or 00) nor national (starting with 0)` };
  if (!/^[1-9][0-9]+$/.test(international)) return { ok: false, problem: `"${raw}" is not a valid phone number` };
  const country = Object.values(PHONE_COUNTRIES).find((c) => international.startsWith(c.code));
  if (country) {
    const nsn = international.slice(country.code.length);
    // Belgian and French numbers are sometimes written as +32 0470…: the 0 after the country code is dropped.
    const national = nsn.startsWith('0') ? nsn.slice(1) : nsn;
    const lengths = expectedLengths(country.code, national);
    if (!lengths.includes(national.length)) return { ok: false, problem: `"${raw}" has ${national.length} digits after +${country.code}; expected ${lengths.join(' or ')}` };
    return { ok: true, e164: `+${country.code}${national}` };
  }
  if (international.length < 8 || international.length > 15) return { ok: false, problem: `"${raw}" is not 8 to 15 digits long in international form` };
  return { ok: true, e164: `+${international}` };
}

function expectedLengths(code: string, national: string): readonly number[] {
  if (code === '32') return national.startsWith('4') ? [9] : [8];
  return Object.values(PHONE_COUNTRIES).find((c) => c.code === code)?.nsnLengths ?? [];
}
