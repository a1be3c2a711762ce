import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaffClient, WidgetClient } from '../support/api-client.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/databases.js';
import { startInProcess, type InProcessServer } from '../support/in-process-server.js';
import { spawnServer, type ServerProcess } from '../support/server-process.js';

/** Collects log lines (JSON) a server writes. */
function logCollector() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, stream };
}

describe.each(testDialects())('operations: metrics, readiness, request ids, logs and headers (%s)', (dialect) => {
  let server: InProcessServer;
  const logs = logCollector();

  beforeAll(async () => {
    server = await startInProcess(dialect, { LOG_LEVEL: 'info', LOGINS_PER_MINUTE: '100' }, { logStream: logs.stream });
  });

  afterAll(async () => server?.stop());

  it('serves Prometheus metrics to loopback clients: queues, offers, message latency, sockets, HTTP codes', async () => {
    const thomas = await server.login('thomas@contactpunt.example');
    expect((await server.as(thomas, 'PUT', '/api/agent/status', { status: 'available' })).statusCode).toBe(200);
    const started = await server.inject({ method: 'POST', url: '/api/widget/v1/lines/ln_bankzuid/conversations', payload: { language: 'nl', visitorId: 'metrics-visitor-1' } });
    const { conversationId, token } = started.json<{ conversationId: string; token: string }>();
    for (let i = 0; i < 3; i++) {
      expect((await server.inject({ method: 'POST', url: `/api/widget/v1/conversations/${conversationId}/messages`, headers: { authorization: `Bearer ${token}` }, payload: { clientId: `m${i}`, text: `hallo ${i}` } })).statusCode).toBe(201);
    }
    await server.inject({ method: 'GET', url: '/api/nope' });
    const deadline = Date.now() + 5000;
    let text = '';
    while (Date.now() < deadline) {
      const response = await server.inject({ method: 'GET', url: '/metrics' });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/text\/plain/);
      text = response.body;
      if (/^centraal_offers_total [1-9]/m.test(text)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(text).toMatch(/^centraal_offers_total [1-9]/m);
    const accepted = await server.as(thomas, 'POST', `/api/conversations/${conversationId}/accept`);
    expect(accepted.statusCode, accepted.body).toBe(200);
    text = (await server.inject({ method: 'GET', url: '/metrics' })).body;
    expect(text).toMatch(/^centraal_queue_wait_seconds_count\{queue="qu_bank"\} 1/m);
    expect(text).toMatch(/^centraal_message_durable_seconds_count [3-9]/m);
    expect(text).toMatch(/^centraal_queue_waiting\{tenant="tn_contactpunt",queue="qu_bank"\} \d+/m);
    expect(text).toMatch(/^centraal_queue_longest_wait_seconds\{/m);
    expect(text).toMatch(/^centraal_realtime_sockets 0/m);
    expect(text).toMatch(/^centraal_http_responses_total\{method="GET",route="unmatched",code="404"\} [1-9]/m);
    expect(text).toMatch(/^centraal_http_responses_total\{method="POST",route="\/api\/widget\/v1\/conversations\/:conversationId\/messages",code="201"\} 3/m);
    expect(text).toMatch(/^centraal_events_total\{type="message.created"\} [3-9]/m);
    expect(text).toMatch(/^centraal_agents\{tenant="tn_contactpunt",status="available"\} 1/m);
    // Metrics name routes, never ids or texts.
    expect(text).not.toContain(conversationId);
    expect(text).not.toContain('hallo');
  });

  it('refuses /metrics from elsewhere than loopback', async () => {
    const remote = await server.inject({ method: 'GET', url: '/metrics', remoteAddress: '10.1.2.3' });
    expect([remote.statusCode, remote.json().error.code]).toEqual([403, 'METRICS_LOOPBACK_ONLY']);
  });

  it('is ready when the database answers, every migration ran and it is not draining', async () => {
    const ready = await server.inject({ method: 'GET', url: '/ready' });
    expect([ready.statusCode, ready.json()]).toEqual([200, { status: 'ready', checks: { database: true, migrations: true, draining: false } }]);
    server.running.app.ops.draining = true;
    const draining = await server.inject({ method: 'GET', url: '/ready' });
    expect([draining.statusCode, draining.json().checks, draining.json().error.code]).toEqual([503, { database: true, migrations: true, draining: true }, 'NOT_READY']);
    server.running.app.ops.draining = false;
    const db = server.running.db.kysely;
    const [last] = await db.selectFrom('kysely_migration' as never).select('name' as never).orderBy('name' as never, 'desc').limit(1).execute();
    await db.deleteFrom('kysely_migration' as never).where('name' as never, '=', (last as { name: string }).name as never).execute();
    const unmigrated = await server.inject({ method: 'GET', url: '/ready' });
    expect([unmigrated.statusCode, unmigrated.json().checks.migrations]).toEqual([503, false]);
    await db.insertInto('kysely_migration' as never).values({ name: (last as { name: string }).name, timestamp: new Date().toISOString() } as never).execute();
    expect((await server.inject({ method: 'GET', url: '/ready' })).statusCode).toBe(200);
  });

  it('passes a valid x-request-id through, makes one otherwise, and sends safety headers', async () => {
    const given = await server.inject({ method: 'GET', url: '/api/widget/v1/lines/ln_bankzuid', headers: { 'x-request-id': 'lb-7f3a.91' } });
    expect(given.headers['x-request-id']).toBe('lb-7f3a.91');
    const forged = await server.inject({ method: 'GET', url: '/api/widget/v1/lines/ln_bankzuid', headers: { 'x-request-id': 'bad id\twith tab' } });
    expect(forged.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const other = await server.inject({ method: 'GET', url: '/api/widget/v1/lines/ln_bankzuid' });
    expect(other.headers['x-request-id']).not.toBe(forged.headers['x-request-id']);
    expect(given.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
      'cache-control': 'no-store',
    });
    expect(String(given.headers['permissions-policy'])).toContain('camera=()');
    // Calls in the browser (softphone, widget) use the microphone of this origin only.
    expect(String(given.headers['permissions-policy'])).toContain('microphone=(self)');
  });

  it('logs JSON lines with the request id and without passwords, cookies, tokens or message texts', async () => {
    const secretText = 'mijn pincode is 4471 LOGSECRET';
    const login = await server.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'sofie@contactpunt.example', password: 'wrong-LOGPASSWORD' } });
    expect(login.statusCode).toBe(401);
    const started = await server.inject({ method: 'POST', url: '/api/widget/v1/lines/ln_bankzuid/conversations', payload: { language: 'nl', visitorId: 'log-visitor-0001' } });
    const { conversationId, token } = started.json<{ conversationId: string; token: string }>();
    await server.inject({ method: 'POST', url: `/api/widget/v1/conversations/${conversationId}/messages`, headers: { authorization: `Bearer ${token}` }, payload: { clientId: 'l1', text: secretText } });
    // An error the server logs, with credentials in its headers: the log line names the request, not the secrets.
    const sofie = await server.login('sofie@contactpunt.example');
    server.running.server.log.error({ req: { headers: { authorization: `Bearer ${token}`, cookie: sofie.cookie } }, password: 'centraal-demo', text: secretText }, 'redaction check');
    await server.running.db.close();
    const failed = await server.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': 'failing-req-1', cookie: sofie.cookie, authorization: `Bearer ${token}` } });
    expect([failed.statusCode, failed.json().error.code]).toEqual([500, 'INTERNAL']);
    await new Promise((r) => setTimeout(r, 100));
    const all = logs.lines.join('\n');
    for (const line of logs.lines) expect(() => JSON.parse(line)).not.toThrow();
    const errorLine = logs.lines.map((l) => JSON.parse(l) as { reqId?: string; msg: string }).find((l) => l.reqId === 'failing-req-1');
    expect(errorLine?.msg).toBeDefined();
    expect(all).toContain('redaction check');
    for (const secret of ['LOGSECRET', 'LOGPASSWORD', 'centraal-demo', token, sofie.cookie.split('=')[1]!, sofie['x-csrf-token']]) expect(all.includes(secret), `log contains ${secret.slice(0, 12)}`).toBe(false);
    // The database is closed: reopen a handle so the server can stop cleanly.
    server.running.db.close = async () => undefined;
  });
});

describe('graceful shutdown on SIGTERM (a real process, SQLite)', () => {
  let database: TestDatabase;
  let server: ServerProcess | undefined;

  afterAll(async () => {
    await server?.kill('SIGKILL');
    await database?.destroy();
  });

  it('tells sockets to reconnect (1012), flushes acknowledged messages, and exits 0', async () => {
    database = await createTestDatabase('sqlite');
    server = await spawnServer({ ...database.env, SQLITE_SYNCHRONOUS: 'FULL', METRICS_TOKEN: 'a-metrics-token-of-32-characters' });
    const metrics = await fetch(`${server.url}/metrics`);
    expect(metrics.status).toBe(401);
    expect((await fetch(`${server.url}/metrics`, { headers: { authorization: 'Bearer a-metrics-token-of-32-characters' } })).status).toBe(200);
    const customer = await WidgetClient.start(server.url, 'ln_bankzuid', { language: 'nl', visitorId: 'shutdown-visitor-1' });
    const socket = await customer.socket();
    const acked: number[] = [];
    for (let i = 0; i < 5; i++) acked.push((await socket.request({ t: 'message.send', conversationId: customer.conversationId, text: `voor de herstart ${i}` })).seq as number);
    const child = server.child;
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const signalledAt = Date.now();
    child.kill('SIGTERM');
    const closed = await socket.closed;
    expect(closed.code).toBe(1012);
    expect(await exited).toBe(0);
    // Well inside SHUTDOWN_GRACE_SECONDS (10): nothing waited for a time-out.
    expect(Date.now() - signalledAt).toBeLessThan(5000);

    server = await spawnServer({ ...database.env }, Number(new URL(server.url).port));
    const events = await customer.request<{ events: Array<{ seq: number; type: string }> }>('GET', '/events?after=0');
    const seqs = events.body.events.filter((e) => e.type === 'message.created').map((e) => e.seq);
    expect(seqs).toEqual(expect.arrayContaining(acked));
    void StaffClient;
  });
});
