import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const FAKE_ACCOUNT_SID = `AC${'0a'.repeat(16)}`;

export interface ProviderRequest {
  method: string;
  path: string;
  callSid: string;
  form: Record<string, string>;
}

/**
 * A local stand-in for the Twilio-style REST API's "update a call"
 * (POST /2010-04-01/Accounts/{AccountSid}/Calls/{CallSid}.json), on 127.0.0.1 and a free port. Like the
 * real API it wants basic auth with the account SID and auth token, a form-encoded body, and exactly one of
 * `Twiml`, `Url` or `Status` (completed or canceled); it answers errors as Twilio's JSON. Requests it
 * accepted are recorded in order. `mode` simulates an outage: `error` answers 503, `reset` drops the socket.
 */
export class FakeVoiceProvider {
  readonly requests: ProviderRequest[] = [];
  /** Requests it refused (bad auth, bad body) — a test expects none. */
  readonly refused: string[] = [];
  mode: 'ok' | 'error' | 'reset' = 'ok';
  private server: Server | undefined;

  constructor(
    readonly accountSid: string,
    readonly authToken: string,
  ) {}

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
        const match = /^\/2010-04-01\/Accounts\/([^/]+)\/Calls\/([^/]+)\.json$/.exec(request.url ?? '');
        if (request.method !== 'POST' || !match) return refuse(404, 20404, 'The requested resource was not found');
        const expected = `Basic ${Buffer.from(`${this.accountSid}:${this.authToken}`).toString('base64')}`;
        if (request.headers.authorization !== expected || match[1] !== this.accountSid) return refuse(401, 20003, 'Authenticate');
        if (!String(request.headers['content-type']).startsWith('application/x-www-form-urlencoded')) return refuse(400, 21601, 'Content-Type must be form-encoded');
        const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
        const actions = ['Twiml', 'Url', 'Status'].filter((key) => key in form);
        if (actions.length !== 1) return refuse(400, 21205, `Exactly one of Twiml, Url or Status, got ${actions.join(', ') || 'none'}`);
        if ('Status' in form && form.Status !== 'completed' && form.Status !== 'canceled') return refuse(400, 21218, `Invalid Status ${form.Status}`);
        const callSid = decodeURIComponent(match[2]!);
        if (!/^CA[0-9a-f]{32}$/.test(callSid)) return refuse(404, 20404, 'No such call');
        this.requests.push({ method: request.method, path: request.url!, callSid, form });
        reply(200, { sid: callSid, account_sid: this.accountSid, status: form.Status ?? 'in-progress' });
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}
