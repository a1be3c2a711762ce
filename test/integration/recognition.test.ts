import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaffClient, WidgetClient } from '../support/api-client.js';
import { testDialects } from '../support/databases.js';
import type { FrameSocket } from '../support/frame-socket.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const BANK = 'ln_bankzuid';

interface Award {
  id: string;
  status: string;
  nominees: Array<{ id: string; reasons: Array<{ reason: string }> }>;
  votesCast: number;
  myVote: string | null;
  results: Array<{ nomineeId: string; votes: number; rank: number }> | null;
}

interface Gesture {
  id: string;
  status: string;
  version: number;
  team: string;
}

describe.each(testDialects())('awards, badges and gestures on %s', (dialect) => {
  let server: TestServer;
  const users: Record<string, StaffClient> = {};
  let thomasSocket: FrameSocket;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    for (const name of ['thomas', 'marleen', 'directie', 'sofie', 'emma', 'beheer']) users[name] = await StaffClient.login(server.url, `${name}@contactpunt.example`);
    thomasSocket = await users.thomas!.socket();
    await thomasSocket.request({ t: 'status.set', status: 'available' });
  });

  afterAll(async () => {
    await thomasSocket?.close();
    await server?.stop();
  });

  async function surveyedChat(visitorId: string, helpfulness: number): Promise<void> {
    const customer = await WidgetClient.start(server.url, BANK, { language: 'nl', visitorId });
    await thomasSocket.next((f) => f.t === 'offer' && f.conversationId === customer.conversationId, 10_000, 'offer');
    await thomasSocket.request({ t: 'offer.accept', conversationId: customer.conversationId });
    expect((await users.thomas!.request('POST', `/api/conversations/${customer.conversationId}/close`, { wrapUpCode: 'opgelost' })).status).toBe(200);
    expect((await customer.request('POST', '/survey', { nps: 10, helpfulness })).status).toBe(201);
  }

  it('gives a badge automatically once a month’s answers meet the admin’s rule, once', async () => {
    expect((await users.thomas!.request('POST', '/api/badge-rules', { badge: 'mok', minResponses: 2, minAverageHelpfulness: 9.5 })).status).toBe(403);
    expect((await users.beheer!.request('POST', '/api/badge-rules', { badge: 'mok', minResponses: 2, minAverageHelpfulness: 11 })).status).toBe(400);
    // The demo's own rule (the mug at ten answers) stays out of reach here; this one needs two.
    expect((await users.marleen!.request<{ rules: Array<{ id: string }> }>('GET', '/api/badge-rules')).body.rules.map((r) => r.id)).toEqual(['br_demo_mok']);
    const rule = await users.beheer!.request<{ id: string; active: boolean }>('POST', '/api/badge-rules', { badge: 'mok', minResponses: 2, minAverageHelpfulness: 9.5 });
    expect(rule.status).toBe(201);
    expect(rule.body.active).toBe(true);

    await surveyedChat('visitor-badge-0001', 10);
    expect((await users.thomas!.request<{ badges: unknown[] }>('GET', '/api/badges')).body.badges).toEqual([]);
    await surveyedChat('visitor-badge-0002', 9);
    const badges = (await users.thomas!.request<{ badges: Array<Record<string, unknown>> }>('GET', '/api/badges')).body.badges;
    expect(badges).toEqual([expect.objectContaining({ agentId: 'us_thomas', badge: 'mok', responses: 2, averageHelpfulness: 9.5, month: expect.stringMatching(/^\d{4}-\d\d$/) })]);
    await surveyedChat('visitor-badge-0003', 10);
    expect((await users.thomas!.request<{ badges: unknown[] }>('GET', '/api/badges')).body.badges).toHaveLength(1);
    const month = badges[0]!.month as string;
    expect((await users.marleen!.request<{ awarded: unknown[] }>('POST', '/api/badges/evaluate', { month })).body.awarded).toEqual([]);
    expect((await users.marleen!.request('POST', '/api/badges/evaluate', { month: '2026-13' })).status).toBe(400);
    expect((await users.sofie!.request<{ badges: unknown[] }>('GET', '/api/badges?all=true')).body.badges).toEqual([]);
    expect((await users.directie!.request<{ badges: unknown[] }>('GET', '/api/badges?all=true')).body.badges).toHaveLength(1);
    expect((await users.beheer!.request('PATCH', `/api/badge-rules/${rule.body.id}`, { active: false })).body).toMatchObject({ active: false });
  });

  it('runs an award: nominations with reasons, one vote each and none for yourself, results when closed', async () => {
    expect((await users.sofie!.request('POST', '/api/awards', { title: 'Klantgerichte adviseur van het jaar' })).status).toBe(403);
    const award = await users.directie!.request<Award>('POST', '/api/awards', { title: 'Klantgerichte adviseur van het jaar', description: 'Stem op wie klanten het best helpt.' });
    expect(award.status).toBe(201);
    const id = award.body.id;
    expect((await users.sofie!.request('POST', `/api/awards/${id}/nominations`, { nomineeId: 'us_emma', reason: 'Altijd geduldig met klanten' })).status).toBe(201);
    expect((await users.sofie!.request('POST', `/api/awards/${id}/nominations`, { nomineeId: 'us_sofie', reason: 'Ik ben goed' })).body).toMatchObject({ error: { code: 'AWARD_SELF_NOMINATION' } });
    expect((await users.sofie!.request('POST', `/api/awards/${id}/nominations`, { nomineeId: 'us_emma', reason: 'Nog eens' })).body).toMatchObject({ error: { code: 'AWARD_ALREADY_NOMINATED' } });
    expect((await users.sofie!.request('POST', `/api/awards/${id}/nominations`, { nomineeId: 'us_nobody', reason: 'Wie?' })).status).toBe(404);
    expect((await users.thomas!.request('POST', `/api/awards/${id}/nominations`, { nomineeId: 'us_sofie', reason: 'Lost alles op' })).status).toBe(201);

    expect((await users.emma!.request('PUT', `/api/awards/${id}/vote`, { nomineeId: 'us_emma' })).body).toMatchObject({ error: { code: 'AWARD_SELF_VOTE' } });
    expect((await users.emma!.request<Award>('PUT', `/api/awards/${id}/vote`, { nomineeId: 'us_sofie' })).body).toMatchObject({ myVote: 'us_sofie', results: null });
    expect((await users.emma!.request('PUT', `/api/awards/${id}/vote`, { nomineeId: 'us_sofie' })).body).toMatchObject({ error: { code: 'AWARD_ALREADY_VOTED' } });
    expect((await users.thomas!.request('PUT', `/api/awards/${id}/vote`, { nomineeId: 'us_lucas' })).body).toMatchObject({ error: { code: 'AWARD_NOT_NOMINATED' } });
    // Two votes from Thomas at once: the primary key lets one through.
    const twice = await Promise.all([users.thomas!.request('PUT', `/api/awards/${id}/vote`, { nomineeId: 'us_emma' }), users.thomas!.request('PUT', `/api/awards/${id}/vote`, { nomineeId: 'us_emma' })]);
    expect(twice.map((r) => r.status).sort()).toEqual([200, 409]);
    await users.marleen!.request('PUT', `/api/awards/${id}/vote`, { nomineeId: 'us_emma' });

    expect((await users.thomas!.request('POST', `/api/awards/${id}/close`)).status).toBe(403);
    const closed = await users.directie!.request<Award>('POST', `/api/awards/${id}/close`);
    expect(closed.body).toMatchObject({ status: 'closed', votesCast: 3 });
    expect(closed.body.results?.map((r) => [r.nomineeId, r.votes, r.rank])).toEqual([['us_emma', 2, 1], ['us_sofie', 1, 2]]);
    expect((await users.sofie!.request('PUT', `/api/awards/${id}/vote`, { nomineeId: 'us_emma' })).body).toMatchObject({ error: { code: 'AWARD_CLOSED' } });
    expect((await users.directie!.request('POST', `/api/awards/${id}/close`)).body).toMatchObject({ error: { code: 'AWARD_CLOSED' } });
  });

  it('approves gestures only within the team budget, and records them as sent', async () => {
    const thomas = users.thomas!;
    const marleen = users.marleen!;
    const first = await thomas.request<Gesture>('POST', '/api/gestures', { amountCents: 2500, reason: 'Bloemen na het overlijden van haar man', conversationId: null });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: 'requested', team: 'Team A' });
    expect((await thomas.request('POST', '/api/gestures', { amountCents: 0, reason: 'niets' })).status).toBe(400);
    expect((await thomas.request('POST', '/api/gestures', { amountCents: 100, reason: 'Kaartje', conversationId: 'cv_elsewhere' })).status).toBe(404);

    // The demo gives Team A a budget of 250.00 this year; set to nothing, nothing fits.
    const year = new Date().getUTCFullYear();
    expect((await thomas.request<{ budgets: unknown[] }>('GET', '/api/gestures/budgets')).body.budgets).toEqual([{ team: 'Team A', year, amountCents: 25_000, spentCents: 0, leftCents: 25_000 }]);
    expect((await marleen.request('PUT', `/api/gestures/budgets/${encodeURIComponent('Team A')}`, { year, amountCents: 0 })).status).toBe(200);
    const noRoom = await marleen.request('PATCH', `/api/gestures/${first.body.id}`, { version: 1, status: 'approved' });
    expect(noRoom.body).toMatchObject({ error: { code: 'GESTURE_OVER_BUDGET', message: expect.stringContaining('0.00') } });
    expect((await thomas.request('PUT', '/api/gestures/budgets/Team A', { year, amountCents: 4000 })).status).toBe(403);
    expect((await marleen.request('PUT', `/api/gestures/budgets/${encodeURIComponent('Team A')}`, { year, amountCents: 4000 })).body).toMatchObject({ amountCents: 4000, spentCents: 0, leftCents: 4000 });

    expect((await thomas.request('PATCH', `/api/gestures/${first.body.id}`, { version: 1, status: 'approved' })).status).toBe(403);
    expect((await users.directie!.request('PATCH', `/api/gestures/${first.body.id}`, { version: 1, status: 'approved' })).status).toBe(403);
    const approved = await marleen.request<Gesture>('PATCH', `/api/gestures/${first.body.id}`, { version: 1, status: 'approved', note: 'Goed idee' });
    expect(approved.body).toMatchObject({ status: 'approved', version: 2 });

    // 1500 left: two requests of 1000 approved at once, only one fits.
    const a = (await thomas.request<Gesture>('POST', '/api/gestures', { amountCents: 1000, reason: 'Kaartje voor een trouwe klant' })).body;
    const b = (await thomas.request<Gesture>('POST', '/api/gestures', { amountCents: 1000, reason: 'Doosje pralines' })).body;
    const both = await Promise.all([a, b].map((g) => marleen.request('PATCH', `/api/gestures/${g.id}`, { version: 1, status: 'approved' })));
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(both.find((r) => r.status === 409)?.body).toMatchObject({ error: { code: 'GESTURE_OVER_BUDGET', message: expect.stringContaining('5.00') } });
    const refused = [a, b][both.findIndex((r) => r.status === 409)]!;
    expect((await marleen.request<Gesture>('PATCH', `/api/gestures/${refused.id}`, { version: 1, status: 'rejected', note: 'Budget op' })).body.status).toBe('rejected');

    expect((await marleen.request('PATCH', `/api/gestures/${first.body.id}`, { version: 1, status: 'sent' })).body).toMatchObject({ error: { code: 'CHANGED_MEANWHILE' } });
    expect((await marleen.request<Gesture>('PATCH', `/api/gestures/${first.body.id}`, { version: 2, status: 'sent', note: 'Bloemen verstuurd' })).body.status).toBe('sent');
    expect((await marleen.request('PATCH', `/api/gestures/${first.body.id}`, { version: 3, status: 'approved' })).body).toMatchObject({ error: { code: 'GESTURE_INVALID_TRANSITION' } });

    expect((await thomas.request<{ budgets: unknown[] }>('GET', '/api/gestures/budgets')).body.budgets).toEqual([{ team: 'Team A', year, amountCents: 4000, spentCents: 3500, leftCents: 500 }]);
    expect((await thomas.request<{ gestures: Gesture[] }>('GET', '/api/gestures')).body.gestures.map((g) => g.status).sort()).toEqual(['approved', 'rejected', 'sent']);
    expect((await users.sofie!.request<{ gestures: unknown[] }>('GET', '/api/gestures')).body.gestures).toEqual([]);
  });
});
