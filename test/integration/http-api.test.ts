import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaffClient, WidgetClient } from '../support/api-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/** HTTP concerns that do not depend on the database dialect: run on SQLite. */
describe('the HTTP API', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer('sqlite', { WIDGET_STARTS_PER_MINUTE: '3', LOGINS_PER_MINUTE: '50' });
  });

  afterAll(async () => server?.stop());

  it('answers /health and publishes an OpenAPI document generated from the route schemas', async () => {
    expect(await (await fetch(`${server.url}/health`)).json()).toEqual({ status: 'ok', database: 'sqlite' });
    const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as { openapi: string; paths: Record<string, Record<string, { requestBody?: unknown }>> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/widget/v1/lines/{lineId}/conversations', '/api/conversations/{conversationId}/transfer', '/api/auth/login']));
    expect(doc.paths['/api/widget/v1/lines/{lineId}/conversations']!.post!.requestBody).toBeDefined();
  });

  it('sets a secure session cookie: HttpOnly and SameSite=Strict', async () => {
    const response = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'sofie@contactpunt.example', password: 'centraal-demo' }) });
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/centraal_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
  });

  it('checks roles on every staff route', async () => {
    const anonymous = await fetch(`${server.url}/api/conversations/cv_x`);
    expect(anonymous.status).toBe(401);
    const agent = await StaffClient.login(server.url, 'sofie@contactpunt.example');
    expect((await agent.request('GET', '/api/supervisor/overview')).status).toBe(403);
    const contentManager = await StaffClient.login(server.url, 'ines@contactpunt.example');
    expect((await contentManager.request('GET', '/api/conversations/cv_x')).status).toBe(403);
    const supervisor = await StaffClient.login(server.url, 'marleen@contactpunt.example');
    expect((await supervisor.request('GET', '/api/supervisor/overview')).status).toBe(200);
  });

  it('does not let an agent read a conversation that is not theirs', async () => {
    const customer = await WidgetClient.start(server.url, 'ln_energienoord', { language: 'nl', visitorId: 'visitor-energie-1' }).catch(() => undefined);
    const target = customer ?? (await WidgetClient.start(server.url, 'ln_bankzuid', { language: 'nl', visitorId: 'visitor-energie-1' }));
    const sofie = await StaffClient.login(server.url, 'sofie@contactpunt.example');
    const read = await sofie.request('GET', `/api/conversations/${target.conversationId}`);
    expect(read.status).toBe(403);
    expect(read.body).toMatchObject({ error: { code: 'NOT_PARTICIPANT' } });
    const write = await sofie.request('POST', `/api/conversations/${target.conversationId}/messages`, { clientId: 'x', text: 'hi' });
    expect(write.status).toBe(403);
  });

  it('locks an account after five wrong passwords', async () => {
    const attempt = (password: string) =>
      fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'lucas@contactpunt.example', password }) });
    for (let i = 0; i < 4; i++) expect((await attempt('wrong')).status).toBe(401);
    const locked = await attempt('wrong');
    expect(locked.status).toBe(429);
    expect(((await locked.json()) as { error: { code: string } }).error.code).toBe('ACCOUNT_LOCKED');
    expect((await attempt('centraal-demo')).status).toBe(429);
  });

  it('rate-limits conversation starts per IP address with a clear 429', async () => {
    const start = () => fetch(`${server.url}/api/widget/v1/lines/ln_bankzuid/conversations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ language: 'nl' }) });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await start()).status);
    expect(statuses).toContain(429);
    const limited = await start();
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
  });

  it('refuses a WebSocket without credentials and a cookie from another origin', async () => {
    const { FrameSocket } = await import('../support/frame-socket.js');
    await expect(FrameSocket.open(`${server.url.replace('http', 'ws')}/ws`)).rejects.toThrow(/401/);
    const agent = await StaffClient.login(server.url, 'sofie@contactpunt.example');
    await expect(FrameSocket.open(`${server.url.replace('http', 'ws')}/ws`, { cookie: agent.cookie, origin: 'https://evil.example' })).rejects.toThrow(/401/);
    await expect(FrameSocket.open(`${server.url.replace('http', 'ws')}/ws?token=cv_x.forged`)).rejects.toThrow(/401/);
  });
});

describe('the web app pages', () => {
  it('serves the app with a strict Content-Security-Policy and keeps unknown API paths as JSON 404s', async () => {
    const { existsSync } = await import('node:fs');
    const { WEB_DIST } = await import('../../src/http/static-assets.js');
    if (!existsSync(`${WEB_DIST}/index.html`)) throw new Error('run `npm run build` first (npm test does)');
    const server = await startTestServer('sqlite');
    try {
      const page = await fetch(`${server.url}/desktop`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
      expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(page.headers.get('x-frame-options')).toBe('DENY');
      const api = await fetch(`${server.url}/api/nope`);
      expect(api.status).toBe(404);
      expect(((await api.json()) as { error: { code: string } }).error.code).toBe('ROUTE_NOT_FOUND');
      const widget = await fetch(`${server.url}/widget.js`);
      expect(widget.headers.get('access-control-allow-origin')).toBe('*');
      const preflight = await fetch(`${server.url}/api/widget/v1/lines/ln_bankzuid/conversations`, { method: 'OPTIONS' });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
      const staffPreflight = await fetch(`${server.url}/api/auth/login`, { method: 'OPTIONS' });
      expect(staffPreflight.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await server.stop();
    }
  });
});
