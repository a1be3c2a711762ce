import { createHmac } from 'node:crypto';
import type { IdentifierKind } from '../model/contact.js';

/**
 * Normalises an identifier so that the same person gets the same key however it was typed:
 * phone numbers to digits with a Belgian/Dutch default country, emails lower-cased.
 */
export function normaliseIdentifier(kind: IdentifierKind, raw: string): string {
  const trimmed = raw.trim();
  switch (kind) {
    case 'email':
      return trimmed.toLowerCase();
    case 'phone':
    case 'whatsapp':
      return normalisePhone(trimmed);
    default:
      return trimmed;
  }
}

function normalisePhone(raw: string): string {
  let digits = raw.replace(/[^\d+]/g, '');
  if (digits.startsWith('00')) digits = `+${digits.slice(2)}`;
  // A national number (0470…, 06…) without a country code is ambiguous; keep it as typed digits.
  return digits.startsWith('+') ? digits : digits.replace(/\+/g, '');
}

/** HMAC(tenant secret, kind:normalised identifier), hex. Kind is included so a phone and an email never collide. */
export function contactKey(tenantSecret: string, kind: IdentifierKind, raw: string): string {
  const scope = kind === 'whatsapp' ? 'phone' : kind;
  return createHmac('sha256', tenantSecret).update(`${scope}:${normaliseIdentifier(kind, raw)}`).digest('hex');
}

const PSEUDONYM_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A short, stable, readable name from the key: "K7F3-A91C". Reveals nothing of the identifier. */
export function pseudonymFromKey(key: string): string {
  let out = '';
  for (let i = 0; i < 8; i++) {
    const byte = parseInt(key.slice(i * 2, i * 2 + 2), 16);
    out += PSEUDONYM_ALPHABET[byte % PSEUDONYM_ALPHABET.length];
    if (i === 3) out += '-';
  }
  return out;
}
