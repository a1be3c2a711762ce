/**
 * A small client for the Twilio-style provider's REST API: only "update a call"
 * (`POST /2010-04-01/Accounts/{AccountSid}/Calls/{CallSid}.json`, form-encoded, basic auth with the
 * account SID and auth token). New TwiML (`Twiml`) takes over the live call at once; `Status=completed`
 * hangs it up. The base URL is configurable so tests talk to a local fake.
 */

export type CallUpdate = { twiml: string } | { url: string } | { status: 'completed' };

export interface TwilioRestOptions {
  baseUrl: string;
  accountSid: string;
  authToken: string;
  timeoutMs: number;
}

/** Why an update did not reach the call: no answer, or an answer that is not a success. */
export class VoiceProviderError extends Error {
  constructor(
    message: string,
    /** The provider's HTTP status; null when it could not be reached or did not answer in time. */
    readonly providerStatus: number | null,
  ) {
    super(message);
    this.name = 'VoiceProviderError';
  }
}

export function callUpdatePath(accountSid: string, callSid: string): string {
  return `/2010-04-01/Accounts/${encodeURIComponent(accountSid)}/Calls/${encodeURIComponent(callSid)}.json`;
}

export function callUpdateForm(update: CallUpdate): URLSearchParams {
  if ('twiml' in update) return new URLSearchParams({ Twiml: update.twiml });
  if ('url' in update) return new URLSearchParams({ Url: update.url, Method: 'POST' });
  return new URLSearchParams({ Status: update.status });
}

export class TwilioRestClient {
  constructor(private readonly options: TwilioRestOptions) {}

  async updateCall(callSid: string, update: CallUpdate): Promise<void> {
    const url = `${this.options.baseUrl.replace(/\/+$/, '')}${callUpdatePath(this.options.accountSid, callSid)}`;
    const auth = Buffer.from(`${this.options.accountSid}:${this.options.authToken}`).toString('base64');
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Basic ${auth}`, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: callUpdateForm(update).toString(),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      throw new VoiceProviderError(timedOut ? `The voice provider did not answer within ${this.options.timeoutMs} ms` : `The voice provider could not be reached (${error instanceof Error ? error.message : String(error)})`, null);
    }
    if (response.ok) {
      await response.body?.cancel();
      return;
    }
    // Twilio answers errors as JSON {code, message, more_info, status}; keep its message, not the whole body.
    let detail = '';
    try {
      const body = (await response.json()) as { message?: unknown; code?: unknown };
      if (typeof body.message === 'string') detail = `: ${body.message.slice(0, 200)}${typeof body.code === 'number' ? ` (${body.code})` : ''}`;
    } catch {
      // Not JSON: the status alone says enough.
    }
    throw new VoiceProviderError(`The voice provider refused the call update with HTTP ${response.status}${detail}`, response.status);
  }
}
