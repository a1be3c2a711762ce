import { createHmac, timingSafeEqual } from 'node:crypto';

/** `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body with the app secret>`, compared in constant time. */
export function verifyHubSignature(appSecret: string, rawBody: Buffer, header: string | undefined): boolean {
  if (!header?.startsWith('sha256=')) return false;
  const given = Buffer.from(header.slice('sha256='.length).trim().toLowerCase(), 'utf8');
  const expected = Buffer.from(signBody(appSecret, rawBody), 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function signBody(appSecret: string, rawBody: Buffer | string): string {
  return createHmac('sha256', appSecret).update(rawBody).digest('hex');
}
