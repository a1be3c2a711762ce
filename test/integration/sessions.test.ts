import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../support/databases.js';
import { FrameSocket } from '../support/frame-socket.js';
import { ManualClock, startInProcess, type InProcessServer } from '../support/in-process-server.js';

const MINUTE = 60_000;

describe.each(testDialects())('staff sessions: idle and absolute expiry, lockout, login rate limit (%s)', (dialect) => {
  let server: InProcessServer;
  const clock = new ManualClock(Date.parse('2026-11-25T08:00:00Z'));

  beforeAll(async () => {
    server = await startInProcess(dialect, { SESSION_IDLE_MINUTES: '30', SESSION_TTL_HOURS: '2', LOGINS_PER_MINUTE: '12' }, { clock });
  });

  afterAll(async () => server?.stop());

  const me = (user: { cookie: string; 'x-csrf-token': string }) => server.as(user, 'GET', '/api/me');

  it('ends a session after SESSION_IDLE_MINUTES without requests, not while it is used', async () => {
    const user = await server.login('sofie@contactpunt.example');
    for (let i = 0; i < 4; i++) {
      clock.advance(20 * MINUTE);
      expect((await me(user)).statusCode, `after ${(i + 1) * 20} minutes of use`).toBe(200);
    }
    clock.advance(31 * MINUTE);
    const idle = await me(user);
    expect([idle.statusCode, idle.json().error.code]).toEqual([401, 'UNAUTHENTICATED']);
    // Gone for good, not just refused once.
    clock.advance(-31 * MINUTE);
    expect((await me(user)).statusCode).toBe(401);
    clock.advance(31 * MINUTE);
  });

  it('ends a session SESSION_TTL_HOURS after login however busy it is', async () => {
    const user = await server.login('emma@contactpunt.example');
    for (let minutes = 10; minutes <= 110; minutes += 10) {
      clock.advance(10 * MINUTE);
      expect((await me(user)).statusCode).toBe(200);
    }
    clock.advance(10 * MINUTE);
    expect((await me(user)).statusCode).toBe(401);
  });

  it('closes an agent socket when its session ends (idle, logged out), and socket work keeps a session alive', async () => {
    const gateway = server.running.gateway;
    const wsUrl = `${server.running.url.replace('http', 'ws')}/ws`;
    const idle = await server.login('lucas@contactpunt.example');
    const busy = await server.login('marleen@contactpunt.example');
    const idleSocket = await FrameSocket.open(wsUrl, { cookie: idle.cookie });
    const busySocket = await FrameSocket.open(wsUrl, { cookie: busy.cookie });
    for (let i = 0; i < 3; i++) {
      clock.advance(20 * MINUTE);
      busySocket.send({ t: 'ping' });
      await busySocket.next((f) => f.t === 'pong');
      await new Promise((r) => setTimeout(r, 50));
      await gateway.checkSessions();
    }
    expect(await idleSocket.closed).toEqual({ code: 4401, reason: 'session ended; log in again' });
    expect(busySocket.ws.readyState).toBe(busySocket.ws.OPEN);
    expect((await me(busy)).statusCode).toBe(200);
    expect((await server.as(busy, 'POST', '/api/auth/logout')).statusCode).toBe(200);
    await gateway.checkSessions();
    expect((await busySocket.closed).code).toBe(4401);
  });

  it('locks an account for 15 minutes after 5 wrong passwords, then lets the right one in', async () => {
    const attempt = (password: string) => server.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'camille@contactpunt.example', password } });
    for (let i = 0; i < 4; i++) expect((await attempt('wrong')).json().error.code).toBe('BAD_CREDENTIALS');
    const locked = await attempt('wrong');
    expect([locked.statusCode, locked.json().error.code]).toEqual([429, 'ACCOUNT_LOCKED']);
    expect((await attempt('centraal-demo')).json().error.code).toBe('ACCOUNT_LOCKED');
    clock.advance(16 * MINUTE);
    expect((await attempt('centraal-demo')).statusCode).toBe(200);
  });

  it('limits login attempts per address with a catalogued 429', async () => {
    const codes: string[] = [];
    for (let i = 0; i < 14; i++) {
      const response = await server.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.9.9.9', payload: { email: 'nobody@example.com', password: 'x' } });
      codes.push(response.statusCode === 200 ? 'OK' : response.json().error.code);
    }
    expect(codes.slice(-2)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
    // Another address is not affected.
    const other = await server.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.9.9.10', payload: { email: 'nobody@example.com', password: 'x' } });
    expect(other.json().error.code).toBe('BAD_CREDENTIALS');
  });
});
