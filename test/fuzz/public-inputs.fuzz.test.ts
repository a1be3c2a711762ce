import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { parseCsv } from '../../src/ai/intents/csv.parser.js';
import type { Participant } from '../../src/app/conversation/access.js';
import { RealtimeConnection } from '../../src/realtime/realtime-connection.js';
import { localFrameCommands } from '../../src/realtime/write-frames.js';
import { twilioSignature } from '../../src/channels/voice/twilio-signature.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { newCallSid, TEST_PUBLIC_BASE_URL, TEST_TWILIO_TOKEN } from '../support/twilio-client.js';
import { contentType as _contentType, mutatedObject, nastyString, weirdValue } from './fuzz-arbitraries.js';
import { FUZZ_EMAIL_INBOUND_SECRET, FUZZ_WHATSAPP_APP_SECRET, FUZZ_WHATSAPP_VERIFY_TOKEN, genericStaffTarget, HTTP_FUZZ_TARGETS, type FuzzFixture } from './http-fuzz-targets.js';

/**
 * Fuzzes every public input in-process: HTTP routes through Fastify's `inject` against a real app
 * on SQLite, socket frames through the realtime connection handler, and the CSV parser. Asserts
 * no 5xx, no crash, no unhandled rejection, and that every 4xx is JSON with a catalogued code.
 * FUZZ_SEED reproduces a run; FUZZ_SCALE multiplies the counts.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261126);
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const HTTP_INPUTS = Math.round(30_000 * SCALE);
const FRAME_INPUTS = Math.round(60_000 * SCALE);
const CSV_INPUTS = Math.round(10_000 * SCALE);
const CONCURRENCY = Number(process.env.FUZZ_CONCURRENCY ?? 1);
const ROUND_TRIPS = Math.round(CSV_INPUTS / 5);

const CATALOGUED = new Set([...readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8').matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]!));

interface Tally {
  inputs: number;
  s2xx: number;
  s3xx: number;
  s4xx: number;
  s5xx: number;
  crashes: number;
  unclear4xx: number;
  codes: Map<string, number>;
  examples: string[];
}

const tally = (): Tally => ({ inputs: 0, s2xx: 0, s3xx: 0, s4xx: 0, s5xx: 0, crashes: 0, unclear4xx: 0, codes: new Map(), examples: [] });

describe('fuzzing the public inputs (SQLite, in-process)', () => {
  let server: TestServer;
  let fx: FuzzFixture;
  let unhandled = 0;
  const onUnhandled = (reason: unknown) => {
    unhandled++;
    console.error('unhandled rejection during fuzzing:', reason);
  };

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    server = await startTestServer('sqlite', {
      WIDGET_STARTS_PER_MINUTE: '60',
      WIDGET_MESSAGES_PER_MINUTE: '100000',
      LOGINS_PER_MINUTE: '10',
      LOG_LEVEL: 'fatal',
      TWILIO_AUTH_TOKEN: TEST_TWILIO_TOKEN,
      PUBLIC_BASE_URL: TEST_PUBLIC_BASE_URL,
      WHATSAPP_APP_SECRET: FUZZ_WHATSAPP_APP_SECRET,
      WHATSAPP_VERIFY_TOKEN: FUZZ_WHATSAPP_VERIFY_TOKEN,
      EMAIL_INBOUND_WEBHOOK_SECRET: FUZZ_EMAIL_INBOUND_SECRET,
    });
    const app = server.running.server;
    const conversationIds: string[] = [];
    const widgetTokens: string[] = [];
    for (let i = 0; i < 12; i++) {
      const started = await app.inject({ method: 'POST', url: '/api/widget/v1/lines/ln_bankzuid/conversations', payload: { language: 'nl', visitorId: `fuzz-visitor-${i}` } });
      expect(started.statusCode).toBe(201);
      conversationIds.push(started.json<{ conversationId: string }>().conversationId);
      widgetTokens.push(started.json<{ token: string }>().token);
    }
    // A few calls the voice webhooks know, so gather, hold and status inputs reach a call and its IVR.
    const callSids: string[] = [];
    for (const line of ['ln_bankzuid', 'ln_bankzuid', 'ln_kinderlijn']) {
      const callSid = newCallSid();
      const params = { CallSid: callSid, From: '+32470123456', To: '+3225550100' };
      const url = `/api/voice/twilio/${line}/incoming`;
      const signature = twilioSignature(TEST_TWILIO_TOKEN, `${TEST_PUBLIC_BASE_URL}${url}`, Object.entries(params));
      const incoming = await app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature }, payload: new URLSearchParams(params).toString() });
      expect(incoming.statusCode, incoming.body).toBe(200);
      callSids.push(callSid);
    }
    const staff = [];
    for (const [role, email] of [['agent', 'thomas'], ['supervisor', 'marleen'], ['admin', 'beheer'], ['security', 'karim'], ['content_manager', 'ines'], ['executive', 'directie']] as const) {
      const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: `${email}@contactpunt.example`, password: 'centraal-demo' } });
      expect(login.statusCode).toBe(200);
      staff.push({ role, cookie: String(login.headers['set-cookie']).split(';')[0]!, csrf: login.json<{ csrfToken: string }>().csrfToken });
    }
    // A draft campaign on a voice line, for the contact-list import.
    const marleen = staff.find((s) => s.role === 'supervisor')!;
    const campaign = await app.inject({ method: 'POST', url: '/api/campaigns', headers: { cookie: marleen.cookie, 'x-csrf-token': marleen.csrf }, payload: { lineId: 'ln_bankzuid', name: 'Fuzz campaign' } });
    expect(campaign.statusCode, campaign.body).toBe(201);
    const { deps } = server.running.app;
    const articles = await deps.db.kysely.selectFrom('knowledge_articles').select('id').limit(5).execute();
    fx = {
      lineIds: deps.directory.linesOf('tn_contactpunt').map((l) => l.id),
      queueIds: deps.directory.queuesOf('tn_contactpunt').map((q) => q.id),
      agentIds: deps.directory.agentsOf('tn_contactpunt').map((a) => a.id),
      conversationIds,
      widgetTokens,
      incidentIds: ['in_unknown'],
      articleIds: articles.map((a) => a.id),
      complimentIds: ['cm_unknown'],
      callSids,
      campaignIds: [campaign.json<{ id: string }>().id],
      staff,
    };
  });

  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await server?.stop();
  });

  it(`sends ${HTTP_INPUTS} generated requests to every HTTP route: no 5xx, no crash, every 4xx a catalogued JSON error`, async () => {
    const app = server.running.server;
    const registered = new Set(app.registeredRoutes().map((r) => `${r.method} ${r.url}`));
    // An entry for routes another branch adds waits until they are registered.
    const known = HTTP_FUZZ_TARGETS.filter((t) => t.covers.length === 0 || t.covers.some((c) => registered.has(c)));
    const covered = new Set(known.flatMap((t) => t.covers));
    const generic = app.registeredRoutes().filter((r) => r.url.startsWith('/api/') && !covered.has(`${r.method} ${r.url}`) && r.url !== '/api/openapi.json');
    const targets = [...known, ...generic.map((r) => genericStaffTarget(r, 2))];
    const arbitrary = fc.oneof(...targets.map((t) => ({ weight: t.weight, arbitrary: t.request(fx).map((request) => ({ target: t.name, request })) })));
    const t = tally();
    cpuMark = process.cpuUsage();
    const started = performance.now();
    const perTarget = new Map<string, number>();
    const perCount = new Map<string, number>();
    const perOk = new Map<string, number>();
    let generating = 0;
    for (let batch = 0; t.inputs < HTTP_INPUTS; batch++) {
      const g0 = performance.now();
      const inputs = fc.sample(arbitrary, { numRuns: Math.min(2000, HTTP_INPUTS - t.inputs), seed: SEED + batch });
      generating += performance.now() - g0;
      for (let i = 0; i < inputs.length; i += CONCURRENCY) {
        await Promise.all(
          inputs.slice(i, i + CONCURRENCY).map(async (input) => {
            const s0 = performance.now();
            const status = await sendOne(app.inject.bind(app), input.target, input.request, t);
            if (status !== undefined && status < 300) perOk.set(input.target, (perOk.get(input.target) ?? 0) + 1);
            perTarget.set(input.target, (perTarget.get(input.target) ?? 0) + performance.now() - s0);
            perCount.set(input.target, (perCount.get(input.target) ?? 0) + 1);
          }),
        );
      }
    }
    if (process.env.FUZZ_PROFILE) console.log('generating ms', Math.round(generating), '\n' + [...perTarget.entries()].map(([k, v]) => [k, v / perCount.get(k)!] as const).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k}: ${v.toFixed(2)} ms x ${perCount.get(k)}, 2xx ${perOk.get(k) ?? 0}`).join('\n'));
    const seconds = (performance.now() - started) / 1000;
    report('HTTP', t, seconds, { targets: targets.length });
    expect(t.crashes, t.examples.join('\n')).toBe(0);
    expect(t.s5xx, t.examples.join('\n')).toBe(0);
    expect(t.unclear4xx, t.examples.join('\n')).toBe(0);
    expect(unhandled).toBe(0);
    expect(t.s2xx).toBeGreaterThan(HTTP_INPUTS / 50);
    expect(t.s4xx).toBeGreaterThan(HTTP_INPUTS / 3);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it(`feeds ${FRAME_INPUTS} generated socket frames to the realtime connection handler: no crash, no INTERNAL error`, async () => {
    const { deps } = server.running.app;
    const sockets = [
      ...fx.conversationIds.slice(0, 6).map((conversationId) => fakeConnection(deps, { kind: 'customer', conversationId })),
      ...['us_thomas', 'us_marleen'].map((id) => fakeConnection(deps, { kind: 'agent', agent: deps.directory.agent('tn_contactpunt', id) })),
    ];
    const conversationId = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...fx.conversationIds) }, { weight: 1, arbitrary: nastyString });
    const frame = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom('ping', 'resume', 'message.send', 'typing', 'offer.accept', 'offer.decline', 'status.set').chain((type) =>
        mutatedObject({ conversationId, clientId: fc.uuid(), text: fc.string({ minLength: 1, maxLength: 100 }), afterSeq: fc.nat(50), on: fc.boolean(), internal: fc.boolean(), status: fc.constantFrom('available', 'away', 'offline') }).map((o) => JSON.stringify({ t: type, ...o })),
      ) },
      { weight: 1, arbitrary: weirdValue.map((v) => JSON.stringify(v)) },
      { weight: 1, arbitrary: fc.constantFrom('{', '{"t":', '[]', 'null', '{"t":"__proto__"}', '{"__proto__":{"t":"ping"}}', '{"t":"constructor"}', `{"t":"message.send","text":"${'x'.repeat(70_000)}"}`) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 100 }) },
    );
    const t = tally();
    const started = performance.now();
    for (let batch = 0; t.inputs < FRAME_INPUTS; batch++) {
      const inputs = fc.sample(fc.tuple(fc.nat(sockets.length - 1), frame), { numRuns: Math.min(2000, FRAME_INPUTS - t.inputs), seed: SEED + 7919 * (batch + 1) });
      for (const [index, raw] of inputs) {
        t.inputs++;
        try {
          sockets[index]!.connection.onMessage(raw);
        } catch (error) {
          t.crashes++;
          if (t.examples.length < 10) t.examples.push(`frame ${raw.slice(0, 200)} threw ${String(error)}`);
        }
      }
      // Let the frames' async work (posts, resumes) finish before the next batch.
      await new Promise((resolve) => setTimeout(resolve, 20));
      await deps.live.withConversation(fx.conversationIds[0]!, () => undefined).catch(() => undefined);
    }
    await server.running.app.journal.drain();
    await new Promise((resolve) => setTimeout(resolve, 200));
    for (const socket of sockets) {
      for (const sent of socket.sent) {
        const frameOut = JSON.parse(sent) as { t: string; code?: string };
        if (frameOut.t === 'error') {
          t.s4xx++;
          t.codes.set(frameOut.code!, (t.codes.get(frameOut.code!) ?? 0) + 1);
          if (frameOut.code === 'INTERNAL') t.s5xx++;
          else if (!CATALOGUED.has(frameOut.code!)) t.unclear4xx++;
        } else if (frameOut.t === 'ack' || frameOut.t === 'pong') t.s2xx++;
      }
      socket.connection.dispose();
    }
    report('frames', t, (performance.now() - started) / 1000, { sockets: sockets.length });
    expect(t.crashes, t.examples.join('\n')).toBe(0);
    expect(t.s5xx).toBe(0);
    expect(t.unclear4xx, [...t.codes.keys()].join(',')).toBe(0);
    expect(unhandled).toBe(0);
    expect(t.s2xx).toBeGreaterThan(FRAME_INPUTS / 20);
    expect(t.s4xx).toBeGreaterThan(FRAME_INPUTS / 5);
  });

  it(`parses ${CSV_INPUTS} generated CSV texts: records or a clear error, and what it writes it reads back`, () => {
    const t = tally();
    const started = performance.now();
    const csvText = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', ' ', '\uFEFF', 'é', '😀'), maxLength: 60 }),
      fc.string({ unit: 'binary', maxLength: 60 }),
    );
    fc.assert(
      fc.property(csvText, (text) => {
        t.inputs++;
        try {
          const records = parseCsv(text);
          t.s2xx++;
          return records.every((r) => Array.isArray(r) && r.every((f) => typeof f === 'string'));
        } catch (error) {
          t.s4xx++;
          return error instanceof Error && error.constructor === Error && /CSV/.test(error.message);
        }
      }),
      { numRuns: CSV_INPUTS - ROUND_TRIPS, seed: SEED },
    );
    const field = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', ' ', 'é'), maxLength: 8 });
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (records) => {
        t.inputs++;
        t.s2xx++;
        const text = records.map((r) => r.map((f) => `"${f.replace(/"/g, '""')}"`).join(',')).join('\r\n');
        expect(parseCsv(text)).toEqual(records);
      }),
      { numRuns: ROUND_TRIPS, seed: SEED },
    );
    report('CSV', t, (performance.now() - started) / 1000, {});
    expect(t.inputs).toBe(CSV_INPUTS);
  });

  it('adds up to at least 100,000 generated inputs', () => {
    expect(HTTP_INPUTS + FRAME_INPUTS + CSV_INPUTS).toBeGreaterThanOrEqual(100_000 * Math.min(SCALE, 1));
  });
});

async function sendOne(inject: (o: InjectOptions) => Promise<{ statusCode: number; body: string; headers: Record<string, unknown> }>, target: string, request: InjectOptions, t: Tally): Promise<number | undefined> {
  t.inputs++;
  const url = String(request.url);
  let response;
  try {
    response = await inject(request);
  } catch (error) {
    t.crashes++;
    if (t.examples.length < 10) t.examples.push(`${target}: ${request.method} ${url.slice(0, 200)} threw ${String(error)}`);
    return;
  }
  const status = response.statusCode;
  if (status >= 500) {
    t.s5xx++;
    if (t.examples.length < 10) t.examples.push(`${target}: ${request.method} ${url.slice(0, 200)} ${JSON.stringify(request.headers).slice(0, 200)} ${String(request.payload).slice(0, 300)} → ${status} ${response.body.slice(0, 300)}`);
  } else if (status >= 400) {
    t.s4xx++;
    const code = errorCode(response.body);
    t.codes.set(code ?? '(none)', (t.codes.get(code ?? '(none)') ?? 0) + 1);
    if (!code || !CATALOGUED.has(code)) {
      t.unclear4xx++;
      if (t.examples.length < 10) t.examples.push(`${target}: ${request.method} ${url.slice(0, 200)} → ${status} unclear: ${response.body.slice(0, 200)}`);
    }
  } else if (status >= 300) t.s3xx++;
  else t.s2xx++;
  return status;
}

function errorCode(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } };
    return typeof parsed.error?.code === 'string' && typeof parsed.error.message === 'string' && parsed.error.message.length > 0 ? parsed.error.code : undefined;
  } catch {
    return undefined;
  }
}

function fakeConnection(deps: ConstructorParameters<typeof RealtimeConnection>[2], who: Participant) {
  const sent: string[] = [];
  const ws = { readyState: WebSocket.OPEN, bufferedAmount: 0, send: (data: string) => sent.push(data), close: () => undefined };
  // The demo tenant: every fuzzed participant belongs to it.
  const connection = new RealtimeConnection(ws as unknown as WebSocket, who, deps, 'tn_contactpunt', localFrameCommands(deps));
  connection.start(0);
  return { connection, sent };
}

let cpuMark = process.cpuUsage();

function report(kind: string, t: Tally, seconds: number, extra: Record<string, unknown>): void {
  const cpu = process.cpuUsage(cpuMark);
  cpuMark = process.cpuUsage();
  const codes = Object.fromEntries([...t.codes.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12));
  console.log(
    JSON.stringify({ fuzz: kind, seed: SEED, inputs: t.inputs, '2xx': t.s2xx, '3xx': t.s3xx, '4xx': t.s4xx, '5xx': t.s5xx, crashes: t.crashes, unclear4xx: t.unclear4xx, seconds: Number(seconds.toFixed(1)), cpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(1)), ...extra, codes }),
  );
}

void _contentType;
