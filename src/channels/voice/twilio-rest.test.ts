import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { TwilioRestClient, VoiceProviderError } from './twilio-rest.js';

const SID = `AC${'1f'.repeat(16)}`;
const CALL = `CA${'2e'.repeat(16)}`;

/** A one-off local HTTP server; `handle` decides each answer. */
async function local(handle: (request: IncomingMessage, body: string, response: ServerResponse) => void): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (c: Buffer) => (body += c.toString('utf8')));
    request.on('end', () => handle(request, body, response));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('the provider REST client (update a call)', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    for (const s of servers.splice(0)) {
      s.closeAllConnections();
      await new Promise((r) => s.close(r));
    }
  });

  it('posts the form with basic auth to the call resource', async () => {
    const seen: Array<{ url: string; auth: string; type: string; body: string }> = [];
    const { url, server } = await local((request, body, response) => {
      seen.push({ url: request.url ?? '', auth: request.headers.authorization ?? '', type: request.headers['content-type'] ?? '', body });
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
    servers.push(server);
    const client = new TwilioRestClient({ baseUrl: `${url}/`, accountSid: SID, authToken: 'token-123', timeoutMs: 1000 });
    await client.updateCall(CALL, { twiml: '<Response><Hangup/></Response>' });
    await client.updateCall(CALL, { status: 'completed' });
    expect(seen).toEqual([
      { url: `/2010-04-01/Accounts/${SID}/Calls/${CALL}.json`, auth: `Basic ${Buffer.from(`${SID}:token-123`).toString('base64')}`, type: 'application/x-www-form-urlencoded', body: 'Twiml=%3CResponse%3E%3CHangup%2F%3E%3C%2FResponse%3E' },
      { url: `/2010-04-01/Accounts/${SID}/Calls/${CALL}.json`, auth: `Basic ${Buffer.from(`${SID}:token-123`).toString('base64')}`, type: 'application/x-www-form-urlencoded', body: 'Status=completed' },
    ]);
  });

  it('turns a refusal, a timeout and an unreachable provider into VoiceProviderError', async () => {
    const refusing = await local((_request, _body, response) => response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 20404, message: 'The requested resource was not found', status: 404 })));
    const silent = await local(() => undefined);
    servers.push(refusing.server, silent.server);
    const refused = await new TwilioRestClient({ baseUrl: refusing.url, accountSid: SID, authToken: 't', timeoutMs: 1000 }).updateCall(CALL, { status: 'completed' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(VoiceProviderError);
    expect(refused).toMatchObject({ providerStatus: 404, message: 'The voice provider refused the call update with HTTP 404: The requested resource was not found (20404)' });
    const timedOut = await new TwilioRestClient({ baseUrl: silent.url, accountSid: SID, authToken: 't', timeoutMs: 150 }).updateCall(CALL, { status: 'completed' }).catch((e: unknown) => e);
    expect(timedOut).toMatchObject({ providerStatus: null, message: 'The voice provider did not answer within 150 ms' });
    const closed = await local(() => undefined);
    await new Promise((r) => closed.server.close(r));
    const unreachable = await new TwilioRestClient({ baseUrl: closed.url, accountSid: SID, authToken: 't', timeoutMs: 1000 }).updateCall(CALL, { status: 'completed' }).catch((e: unknown) => e);
    expect(unreachable).toBeInstanceOf(VoiceProviderError);
    expect(unreachable).toMatchObject({ providerStatus: null, message: expect.stringMatching(/^The voice provider could not be reached/) });
  });

  it('creates a call: To, From and Twiml to the Calls resource, answering the new SID; an answer without one is an error', async () => {
    const seen: Array<{ url: string; body: string }> = [];
    let answer: unknown = { sid: CALL, status: 'queued' };
    const { url, server } = await local((request, body, response) => {
      seen.push({ url: request.url ?? '', body });
      response.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    });
    servers.push(server);
    const client = new TwilioRestClient({ baseUrl: url, accountSid: SID, authToken: 't', timeoutMs: 1000 });
    expect(await client.createCall({ to: 'client:us_lucas', from: 'client:us_thomas', twiml: '<Response/>' })).toBe(CALL);
    expect(seen).toEqual([{ url: `/2010-04-01/Accounts/${SID}/Calls.json`, body: 'To=client%3Aus_lucas&From=client%3Aus_thomas&Twiml=%3CResponse%2F%3E' }]);
    answer = { status: 'queued' };
    const missing = await client.createCall({ to: 'client:us_lucas', from: 'client:us_thomas', twiml: '<Response/>' }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(VoiceProviderError);
    expect(missing).toMatchObject({ providerStatus: 201, message: 'The voice provider answered the new call without a call SID' });
  });
});
