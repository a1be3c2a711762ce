import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localMidnight } from '../../src/app/wallboard/wallboard.js';
import { StaffClient, WidgetClient } from '../support/api-client.js';
import { testDialects } from '../support/databases.js';
import type { FrameSocket } from '../support/frame-socket.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

interface FigureBody {
  value: number | null;
  numerator: number;
  denominator: number;
}
interface WallboardBody {
  queues: Array<{
    queueId: string;
    waiting: number;
    offered: number;
    longestWaitSeconds: number;
    availableAgents: number;
    today: { serviceLevel: FigureBody & { answeredWithinThreshold: number; answered: number; abandoned: number }; answerRate: FigureBody; abandonRate: FigureBody; answered: number; abandoned: number };
  }>;
  channels: Array<{ channel: string; today: { contacts: number; answered: number; abandoned: number } }>;
  agents: { byStatus: Record<string, number>; total: number };
}

describe.each(testDialects())('the wallboard on %s', (dialect) => {
  let server: TestServer;
  let marleen: StaffClient;
  let thomas: StaffClient;
  let thomasSocket: FrameSocket;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    marleen = await StaffClient.login(server.url, 'marleen@contactpunt.example');
    thomas = await StaffClient.login(server.url, 'thomas@contactpunt.example');
  });

  afterAll(async () => {
    await thomasSocket?.close();
    await server?.stop();
  });

  const board = async () => {
    const result = await marleen.request<WallboardBody>('GET', '/api/wallboard');
    expect(result.status).toBe(200);
    expect(result.text).not.toContain('NaN');
    return result.body;
  };

  it('shows zeros and empty figures without traffic', async () => {
    const body = await board();
    const bank = body.queues.find((q) => q.queueId === 'qu_bank')!;
    expect(bank).toMatchObject({ waiting: 0, offered: 0, longestWaitSeconds: 0, availableAgents: 0 });
    expect(bank.today.serviceLevel).toMatchObject({ value: null, numerator: 0, denominator: 0 });
    expect(bank.today.answerRate.value).toBeNull();
    expect(bank.today.abandoned).toBe(0);
    for (const channel of body.channels) expect(channel.today).toEqual({ contacts: 0, answered: 0, abandoned: 0 });
    expect(body.agents.byStatus).toMatchObject({ available: 0, busy: 0, wrap_up: 0, away: 0 });
    expect(body.agents.byStatus.offline).toBe(body.agents.total);
  });

  it('counts one chat answered within the threshold and one abandoned', async () => {
    // One customer leaves the queue before anybody is available: abandoned.
    const leaver = await WidgetClient.start(server.url, 'ln_bankzuid', { language: 'en', visitorId: 'visitor-wall-0001' });
    await expect.poll(async () => (await board()).queues.find((q) => q.queueId === 'qu_bank')!.waiting, { timeout: 5000 }).toBe(1);
    expect((await leaver.request('POST', '/end')).status).toBeLessThan(300);

    // Thomas becomes available and answers the next chat at once.
    thomasSocket = await thomas.socket();
    await thomasSocket.request({ t: 'status.set', status: 'available' });
    const customer = await WidgetClient.start(server.url, 'ln_bankzuid', { language: 'en', visitorId: 'visitor-wall-0002' });
    await thomasSocket.next((f) => f.t === 'offer' && f.conversationId === customer.conversationId, 5000);
    await thomasSocket.request({ t: 'offer.accept', conversationId: customer.conversationId });

    await expect
      .poll(async () => (await board()).queues.find((q) => q.queueId === 'qu_bank')!.today.serviceLevel.denominator, { timeout: 5000 })
      .toBe(2);
    const body = await board();
    const bank = body.queues.find((q) => q.queueId === 'qu_bank')!;
    expect(bank.waiting).toBe(0);
    expect(bank.today.serviceLevel).toMatchObject({ value: 0.5, numerator: 1, denominator: 2, answeredWithinThreshold: 1, answered: 1, abandoned: 1 });
    expect(bank.today.answerRate).toEqual({ value: 0.5, numerator: 1, denominator: 2 });
    expect(bank.today.abandonRate).toEqual({ value: 0.5, numerator: 1, denominator: 2 });
    expect(bank.today.abandoned).toBe(1);
    expect(body.channels.find((c) => c.channel === 'chat')!.today).toEqual({ contacts: 2, answered: 1, abandoned: 1 });
    expect((body.agents.byStatus.available ?? 0) + (body.agents.byStatus.busy ?? 0)).toBe(1);
  });

  it('refuses a plain agent and an anonymous caller', async () => {
    expect((await thomas.request('GET', '/api/wallboard')).status).toBe(403);
    expect((await fetch(`${server.url}/api/wallboard`)).status).toBe(401);
  });
});

describe('local midnight in Brussels', () => {
  it('starts today at 00:00 local time, also on the days the clocks change', () => {
    expect(new Date(localMidnight(Date.parse('2026-11-26T13:00:00Z'), 'Europe/Brussels')).toISOString()).toBe('2026-11-25T23:00:00.000Z');
    expect(new Date(localMidnight(Date.parse('2026-07-01T21:59:59Z'), 'Europe/Brussels')).toISOString()).toBe('2026-06-30T22:00:00.000Z');
    expect(new Date(localMidnight(Date.parse('2026-07-01T22:00:00Z'), 'Europe/Brussels')).toISOString()).toBe('2026-07-01T22:00:00.000Z');
    // 29 March 2026: clocks go forward at 02:00 (midnight is still +01:00).
    expect(new Date(localMidnight(Date.parse('2026-03-29T12:00:00Z'), 'Europe/Brussels')).toISOString()).toBe('2026-03-28T23:00:00.000Z');
    // 25 October 2026: clocks go back at 03:00 (midnight is still +02:00).
    expect(new Date(localMidnight(Date.parse('2026-10-25T20:00:00Z'), 'Europe/Brussels')).toISOString()).toBe('2026-10-24T22:00:00.000Z');
  });
});
