import { createServer, type Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { checkTwiml } from './twiml-rules.js';

export const FAKE_ACCOUNT_SID = `AC${'0a'.repeat(16)}`;

export interface ProviderRequest {
  /** The account the request authenticated as. */
  accountSid: string;
  method: string;
  path: string;
  callSid: string;
  form: Record<string, string>;
}

/**
 * A local stand-in for the Twilio-style REST API's "update a call"
 * (POST /2010-04-01/Accounts/{AccountSid}/Calls/{CallSid}.json) and "create a call" (POST …/Calls.json), on
 * 127.0.0.1 and a free port. Like the real API it wants basic auth with the account SID and auth token, a
 * form-encoded body; an update takes exactly one of `Twiml`, `Url` or `Status` (completed or canceled), a new
 * call `To` (E.164 or `client:`), `From` and one of `Twiml` or `Url`, and answers the new call's `sid`. TwiML
 * must pass the TwiML rules checker (else Twilio's 12100 "Document parse failure"). Errors come as Twilio's
 * JSON. Requests it accepted are recorded in order (`callSid` is the new SID for a created call).
 * Several accounts (an outsourcer's sub-accounts per brand) can be added with `addAccount`; each request
 * must authenticate as the account named in its path, with that account's own token.
 * `mode` simulates an outage: `error` answers 503, `reset` drops the socket.
 */
export class FakeVoiceProvider {
  readonly requests: ProviderRequest[] = [];
  /** Requests it refused (bad auth, bad body) — a test expects none. */
  readonly refused: string[] = [];
  mode: 'ok' | 'error' | 'reset' = 'ok';
  /** Only new calls fail (503), updates of live calls still work: an outage halfway through a warm transfer. */
  refuseNewCalls = false;
  private server: Server | undefined;
  private readonly accounts = new Map<string, string>();

  constructor(
    readonly accountSid: string,
    readonly authToken: string,
  ) {
    this.accounts.set(accountSid, authToken);
  }

  /** Another account (sub-account) with its own auth token. */
  addAccount(accountSid: string, authToken: string): this {
    this.accounts.set(accountSid, authToken);
    return this;
  }

  get baseUrl(): string {
    const address = this.server?.address() as AddressInfo;
    return `http://127.0.0.1:${address.port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const reply = (status: number, body: unknown) => {
          response.writeHead(status, { 'content-type': 'application/json' });
          response.end(JSON.stringify(body));
        };
        const refuse = (status: number, code: number, message: string) => {
          this.refused.push(`${status} ${message}`);
          reply(status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });
        };
        if (this.mode === 'reset') return request.socket.destroy();
        if (this.mode === 'error') return reply(503, { code: 20500, message: 'Service unavailable', status: 503 });
        const create = /^\/2010-04-01\/Accounts\/([^/]+)\/Calls\.json$/.exec(request.url ?? '');
        const match = /^\/2010-04-01\/Accounts\/([^/]+)\/Calls\/([^/]+)\.json$/.exec(request.url ?? '');
        if (request.method !== 'POST' || !(match || create)) return refuse(404, 20404, 'The requested resource was not found');
        const accountSid = decodeURIComponent((match ?? create)![1]!);
        const token = this.accounts.get(accountSid);
        const expected = token === undefined ? undefined : `Basic ${Buffer.from(`${accountSid}:${token}`).toString('base64')}`;
        if (expected === undefined || request.headers.authorization !== expected) return refuse(401, 20003, 'Authenticate');
        if (!String(request.headers['content-type']).startsWith('application/x-www-form-urlencoded')) return refuse(400, 21601, 'Content-Type must be form-encoded');
        const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
        if ('Twiml' in form) {
          const problems = checkTwiml(form.Twiml!);
          if (problems.length > 0) return refuse(400, 12100, `Document parse failure: ${problems.join('; ')}`);
        }
        if (create) {
          if (this.refuseNewCalls) return reply(503, { code: 20500, message: 'Service unavailable', status: 503 });
          if (!form.To || !/^(\+[1-9][0-9]{6,14}|client:[A-Za-z0-9_-]{1,121})$/.test(form.To)) return refuse(400, 21201, `Invalid 'To' ${form.To ?? '(none)'}`);
          if (!form.From) return refuse(400, 21603, "A 'From' is required");
          const how = ['Twiml', 'Url', 'ApplicationSid'].filter((key) => key in form);
          if (how.length !== 1) return refuse(400, 21205, `Exactly one of Twiml, Url or ApplicationSid, got ${how.join(', ') || 'none'}`);
          const sid = `CA${randomBytes(16).toString('hex')}`;
          this.requests.push({ accountSid, method: request.method, path: request.url!, callSid: sid, form });
          return reply(201, { sid, account_sid: accountSid, to: form.To, from: form.From, status: 'queued' });
        }
        if (!match) return refuse(404, 20404, 'The requested resource was not found');
        const actions = ['Twiml', 'Url', 'Status'].filter((key) => key in form);
        if (actions.length !== 1) return refuse(400, 21205, `Exactly one of Twiml, Url or Status, got ${actions.join(', ') || 'none'}`);
        if ('Status' in form && form.Status !== 'completed' && form.Status !== 'canceled') return refuse(400, 21218, `Invalid Status ${form.Status}`);
        const callSid = decodeURIComponent(match[2]!);
        if (!/^CA[0-9a-f]{32}$/.test(callSid)) return refuse(404, 20404, 'No such call');
        this.requests.push({ accountSid, method: request.method, path: request.url!, callSid, form });
        reply(200, { sid: callSid, account_sid: accountSid, status: form.Status ?? 'in-progress' });
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}
