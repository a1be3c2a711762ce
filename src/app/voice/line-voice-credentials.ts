import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { Config } from '../../config/config.js';
import type { Line, LineVoiceSettings } from '../../core/model/index.js';

/**
 * Which voice-provider account a line's calls use. An outsourcer serving several brands has one provider
 * account (or sub-account) per brand: a line with its own `voice` settings uses that account's SID and auth
 * token for its REST calls and webhook signatures, and its own number as caller id; a line without falls back
 * to the server-wide TWILIO_ACCOUNT_SID / TWILIO_AUTH_TOKEN.
 *
 * The auth token is stored sealed (AES-256-GCM under a key derived from the tenant secret, with its own
 * derivation label so it never shares a key with sealed channel addresses): a database export shows ciphertext.
 */
function keyOf(tenantSecret: string): Buffer {
  return createHmac('sha256', tenantSecret).update('centraal/line-voice-token/v1').digest();
}

export function sealVoiceToken(tenantSecret: string, token: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(tenantSecret), iv);
  const body = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
}

export function unsealVoiceToken(tenantSecret: string, sealed: string): string {
  const [version, iv, body, tag] = sealed.split('.');
  if (version !== 'v1' || !iv || !body || !tag) throw new Error('not a sealed voice token');
  const decipher = createDecipheriv('aes-256-gcm', keyOf(tenantSecret), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

export interface VoiceCredentials {
  accountSid: string;
  authToken: string;
  /** The number the line dials out from; null for the server-wide account (no number of its own). */
  callerId: string | null;
  source: 'line' | 'server';
}

type ServerVoiceConfig = Pick<Config, 'TWILIO_ACCOUNT_SID' | 'TWILIO_AUTH_TOKEN'>;

/** The REST credentials for a line's calls: its own account when set, else the server's; null when neither. */
export function restCredentialsFor(line: Line | undefined, tenantSecret: string | undefined, config: ServerVoiceConfig): VoiceCredentials | null {
  if (line?.voice && tenantSecret) return { accountSid: line.voice.accountSid, authToken: unsealVoiceToken(tenantSecret, line.voice.authTokenSealed), callerId: line.voice.callerId, source: 'line' };
  if (config.TWILIO_ACCOUNT_SID && config.TWILIO_AUTH_TOKEN) return { accountSid: config.TWILIO_ACCOUNT_SID, authToken: config.TWILIO_AUTH_TOKEN, callerId: null, source: 'server' };
  return null;
}

/** The token that signs a line's webhooks: the line's own when set (the server's token is then refused), else the server's. */
export function webhookTokenFor(line: Line | undefined, tenantSecret: string | undefined, config: Pick<Config, 'TWILIO_AUTH_TOKEN'>): string | undefined {
  if (line?.voice && tenantSecret) return unsealVoiceToken(tenantSecret, line.voice.authTokenSealed);
  return config.TWILIO_AUTH_TOKEN;
}

/** What the admin API shows of a line's voice account: never the token, only whether one is set. */
export interface LineVoiceView {
  accountSid: string;
  callerId: string;
  authToken: 'set' | 'not set';
}

export function voiceView(voice: LineVoiceSettings | undefined): LineVoiceView | null {
  return voice ? { accountSid: voice.accountSid, callerId: voice.callerId, authToken: voice.authTokenSealed ? 'set' : 'not set' } : null;
}

/** A line as the admin API returns it: the sealed token replaced by "set"/"not set". */
export function adminLineView<T extends { voice?: LineVoiceSettings }>(line: T): Omit<T, 'voice'> & { voice: LineVoiceView | null } {
  const { voice, ...rest } = line;
  return { ...rest, voice: voiceView(voice) };
}
