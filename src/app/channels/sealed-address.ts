import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * The customer's routable address (email address, WhatsApp number) must reach the channel
 * adapter, and nobody else. It is stored sealed with AES-256-GCM under a key derived from the
 * tenant secret, in `channel_threads`, which only the channel layer reads: a database export,
 * a report query or a careless agent view sees ciphertext. The contact itself is still found
 * by its HMAC key, so history works without unsealing anything.
 */
function keyOf(tenantSecret: string): Buffer {
  return createHmac('sha256', tenantSecret).update('centraal/channel-address/v1').digest();
}

export function sealAddress(tenantSecret: string, address: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(tenantSecret), iv);
  const body = Buffer.concat([cipher.update(address, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
}

export function unsealAddress(tenantSecret: string, sealed: string): string {
  const [version, iv, body, tag] = sealed.split('.');
  if (version !== 'v1' || !iv || !body || !tag) throw new Error('not a sealed address');
  const decipher = createDecipheriv('aes-256-gcm', keyOf(tenantSecret), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}
