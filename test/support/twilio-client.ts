import { randomBytes } from 'node:crypto';
import { twilioSignature } from '../../src/channels/voice/twilio-signature.js';

export const TEST_TWILIO_TOKEN = 'test-twilio-auth-token-0123456789';
/** What the server is told its public address is; requests go to the real loopback URL. */
export const TEST_PUBLIC_BASE_URL = 'https://centraal.example';

export function newCallSid(): string {
  return `CA${randomBytes(16).toString('hex')}`;
}

export interface TwimlResponse {
  status: number;
  contentType: string;
  text: string;
}

/** Plays the telephony provider: form-encoded webhooks signed like Twilio signs them. */
export class TwilioClient {
  constructor(
    readonly serverUrl: string,
    readonly lineId: string,
    readonly callSid = newCallSid(),
    readonly from = '+32470123456',
    readonly token = TEST_TWILIO_TOKEN,
  ) {}

  /** A webhook of this call's line: `/api/voice/twilio/<lineId>/<path>`. */
  post(path: string, params: Record<string, string> = {}, options: { signature?: string | null } = {}): Promise<TwimlResponse> {
    return this.postTo(`/api/voice/twilio/${this.lineId}/${path}`, params, options);
  }

  async postTo(pathAndQuery: string, params: Record<string, string> = {}, options: { signature?: string | null } = {}): Promise<TwimlResponse> {
    const all = { CallSid: this.callSid, AccountSid: 'AC0123456789abcdef0123456789abcdef', From: this.from, To: '+3225550100', ...params };
    const signature = options.signature === undefined ? twilioSignature(this.token, `${TEST_PUBLIC_BASE_URL}${pathAndQuery}`, Object.entries(all)) : options.signature;
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
    if (signature !== null) headers['x-twilio-signature'] = signature;
    const response = await fetch(`${this.serverUrl}${pathAndQuery}`, { method: 'POST', headers, body: new URLSearchParams(all).toString() });
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', text: await response.text() };
  }
}
