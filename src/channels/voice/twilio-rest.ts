/**
 * A small client for the Twilio-style provider's REST API: "update a call"
 * (`POST /2010-04-01/Accounts/{AccountSid}/Calls/{CallSid}.json`) and "create a call"
 * (`POST /2010-04-01/Accounts/{AccountSid}/Calls.json` with `To`, `From` and `Twiml`), form-encoded, basic
 * auth with the account SID and auth token. New TwiML (`Twiml`) takes over the live call at once;
 * `Status=completed` hangs it up. The base URL is configurable so tests talk to a local fake.
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

export function callCreatePath(accountSid: string): string {
  return `/2010-04-01/Accounts/${encodeURIComponent(accountSid)}/Calls.json`;
}

/** A new outbound call: `to` is an E.164 number or `client:<identity>`; `twiml` runs once it is answered. */
export interface NewCall {
  to: string;
  from: string;
  twiml: string;
}

export class TwilioRestClient {
  constructor(private readonly options: TwilioRestOptions) {}

  async updateCall(callSid: string, update: CallUpdate): Promise<void> {
    const response = await this.post(callUpdatePath(this.options.accountSid, callSid), callUpdateForm(update), 'call update');
    await response.body?.cancel();
  }

  /** Places a call and answers its SID (the provider's `sid`, `CA…`). */
  async createCall(call: NewCall): Promise<string> {
    const response = await this.post(callCreatePath(this.options.accountSid), new URLSearchParams({ To: call.to, From: call.from, Twiml: call.twiml }), 'new call');
    let sid: unknown;
    try {
      sid = ((await response.json()) as { sid?: unknown }).sid;
    } catch {
      sid = undefined;
    }
    if (typeof sid !== 'string' || !/^CA[0-9a-f]{32}$/.test(sid)) throw new VoiceProviderError('The voice provider answered the new call without a call SID', response.status);
    return sid;
  }

  private async post(path: string, form: URLSearchParams, what: string): Promise<Response> {
    const url = `${this.options.baseUrl.replace(/\/+$/, '')}${path}`;
    const auth = Buffer.from(`${this.options.accountSid}:${this.options.authToken}`).toString('base64');
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Basic ${auth}`, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: form.toString(),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      throw new VoiceProviderError(timedOut ? `The voice provider did not answer within ${this.options.timeoutMs} ms` : `The voice provider could not be reached (${error instanceof Error ? error.message : String(error)})`, null);
    }
    if (response.ok) return response;
    // Twilio answers errors as JSON {code, message, more_info, status}; keep its message, not the whole body.
    let detail = '';
    try {
      const body = (await response.json()) as { message?: unknown; code?: unknown };
      if (typeof body.message === 'string') detail = `: ${body.message.slice(0, 200)}${typeof body.code === 'number' ? ` (${body.code})` : ''}`;
    } catch {
      // Not JSON: the status alone says enough.
    }
    throw new VoiceProviderError(`The voice provider refused the ${what} with HTTP ${response.status}${detail}`, response.status);
  }
}
