import { request } from 'node:http';
import { progress, sleep } from './progress-log.js';

/**
 * The two HTTP calls the bench needs, exactly as a browser makes them: agent login (session
 * cookie) and the widget starting a conversation (conversation token).
 *
 * Each simulated person calls from its own loopback address (see `sourceAddress`): Centraal
 * rate-limits logins and conversation starts per client IP, and in production a thousand
 * visitors are a thousand addresses, not one. A 429 is still retried after Retry-After.
 */
export interface AgentSession {
  cookie: string;
}

export interface WidgetConversation {
  conversationId: string;
  token: string;
}

interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

const SESSION_COOKIE = 'centraal_session';
const MAX_ATTEMPTS = 5;
const REQUEST_TIMEOUT_MS = 30_000;

/**
 * A distinct address in 127.0.0.0/8 per person (all of it is loopback on Linux and macOS needs
 * aliases, so this bench targets Linux). `pool` keeps agents and customers apart.
 *
 * @example sourceAddress('customer', 0) // '127.20.0.1'
 */
export function sourceAddress(pool: 'agent' | 'customer', index: number): string {
  const second = pool === 'agent' ? 30 : 20;
  return `127.${second}.${Math.floor(index / 250) % 256}.${(index % 250) + 1}`;
}

export async function loginAgent(baseUrl: string, from: string, email: string, password: string): Promise<AgentSession> {
  const response = await postJson(baseUrl, '/api/auth/login', from, { email, password });
  if (response.status !== 200) throw httpError('POST /api/auth/login', response);
  const setCookie = response.headers['set-cookie'] ?? [];
  const cookie = (Array.isArray(setCookie) ? setCookie : [setCookie])
    .map((header) => header.split(';')[0] ?? '')
    .find((pair) => pair.startsWith(`${SESSION_COOKIE}=`));
  if (!cookie) throw new Error(`POST /api/auth/login: 200 without a ${SESSION_COOKIE} cookie`);
  return { cookie };
}

export async function startWidgetConversation(
  baseUrl: string,
  from: string,
  lineId: string,
  visitorId: string,
): Promise<WidgetConversation> {
  const path = `/api/widget/v1/lines/${encodeURIComponent(lineId)}/conversations`;
  const response = await postJson(baseUrl, path, from, { language: 'nl', visitorId });
  if (response.status !== 201) throw httpError(`POST ${path}`, response);
  const body: unknown = JSON.parse(response.body);
  if (!isWidgetConversation(body)) throw new Error(`POST ${path}: 201 body lacks conversationId/token: ${response.body.slice(0, 300)}`);
  return { conversationId: body.conversationId, token: body.token };
}

export async function isHealthy(baseUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2000) });
    await response.body?.cancel();
    return response.status === 200;
  } catch {
    return false;
  }
}

async function postJson(baseUrl: string, path: string, from: string, body: unknown): Promise<HttpResponse> {
  for (let attempt = 1; ; attempt++) {
    const response = await send(baseUrl, path, from, JSON.stringify(body));
    if (response.status !== 429 || attempt >= MAX_ATTEMPTS) return response;
    const retryAfter = Number(response.headers['retry-after'] ?? '1');
    if (attempt === 1) progress(`POST ${path} from ${from}: 429, retrying after ${retryAfter}s`);
    await sleep(Math.min(60, Number.isFinite(retryAfter) ? retryAfter : 1) * 1000);
  }
}

function send(baseUrl: string, path: string, from: string, json: string): Promise<HttpResponse> {
  const url = new URL(path, baseUrl);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress: from,
        timeout: REQUEST_TIMEOUT_MS,
        // Origin as a browser on the same site would send it; servers may check it against CSRF.
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json), origin: baseUrl },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`POST ${path}: no answer within ${REQUEST_TIMEOUT_MS} ms`)));
    req.on('error', reject);
    req.end(json);
  });
}

function httpError(what: string, response: HttpResponse): Error {
  return new Error(`${what}: HTTP ${response.status} ${response.body.slice(0, 300)}`);
}

function isWidgetConversation(value: unknown): value is WidgetConversation {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.conversationId === 'string' && typeof record.token === 'string';
}
