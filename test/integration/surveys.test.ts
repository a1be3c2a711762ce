import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaffClient, WidgetClient } from '../support/api-client.js';
import { testDialects } from '../support/databases.js';
import type { FrameSocket } from '../support/frame-socket.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const BANK = 'ln_bankzuid';

interface Compliment {
  id: string;
  agentId: string;
  agentName: string;
  source: string;
  text: string;
  shareWithTeam: boolean;
}

describe.each(testDialects())('surveys and compliments on %s', (dialect) => {
  let server: TestServer;
  let thomas: StaffClient;
  let marleen: StaffClient;
  let directie: StaffClient;
  let thomasSocket: FrameSocket;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    thomas = await StaffClient.login(server.url, 'thomas@contactpunt.example');
    marleen = await StaffClient.login(server.url, 'marleen@contactpunt.example');
    directie = await StaffClient.login(server.url, 'directie@contactpunt.example');
    thomasSocket = await thomas.socket();
    await thomasSocket.request({ t: 'status.set', status: 'available' });
  });

  afterAll(async () => {
    await thomasSocket?.close();
    await server?.stop();
  });

  it('takes one survey after the close, turns praise into a compliment, and reports NPS', async () => {
    const customer = await WidgetClient.start(server.url, BANK, { language: 'nl', visitorId: 'visitor-survey-0001' });
    const offer = await thomasSocket.next((f) => f.t === 'offer' && f.conversationId === customer.conversationId, 10_000, 'offer');
    expect(offer.offer).toMatchObject({ lineId: BANK });
    await thomasSocket.request({ t: 'offer.accept', conversationId: customer.conversationId });
    expect((await customer.request('POST', '/messages', { clientId: 'c1', text: 'Mijn kaart is kwijt' })).status).toBe(201);

    // Before the close: the survey is not open and a submit is refused.
    expect((await customer.request('GET', '/survey')).body).toEqual({ open: false, submitted: false, reason: 'not_closed' });
    const early = await customer.request('POST', '/survey', { nps: 10 });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ error: { code: 'SURVEY_NOT_OPEN' } });

    expect((await thomas.request('POST', `/api/conversations/${customer.conversationId}/close`, { wrapUpCode: 'opgelost' })).status).toBe(200);
    expect((await customer.request('GET', '/survey')).body).toEqual({ open: true, submitted: false });

    // Out of range, not whole, or empty: 422 with a clear message; nothing stored.
    const tooHigh = await customer.request('POST', '/survey', { nps: 11 });
    expect(tooHigh.status).toBe(422);
    expect(tooHigh.body).toMatchObject({ error: { code: 'SURVEY_OUT_OF_RANGE', message: expect.stringContaining('nps') } });
    expect((await customer.request('POST', '/survey', { helpfulness: 0 })).status).toBe(422);
    expect((await customer.request('POST', '/survey', { nps: 7.5 })).status).toBe(422);
    expect((await customer.request('POST', '/survey', {})).status).toBe(422);
    const forged = await new WidgetClient(server.url, customer.conversationId, `${customer.conversationId}.forged`).request('POST', '/survey', { nps: 0 });
    expect(forged.status).toBe(401);

    const submitted = await customer.request('POST', '/survey', { nps: 10, helpfulness: 9, comment: 'Super geholpen, bedankt!' });
    expect(submitted.status).toBe(201);
    const again = await customer.request('POST', '/survey', { nps: 0 });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { code: 'SURVEY_ALREADY_SUBMITTED' } });
    expect((await customer.request('GET', '/survey')).body).toEqual({ open: false, submitted: true, reason: 'submitted' });

    // The agent's feed shows the compliment; only Thomas may share it; shared, the team sees it.
    const feed = await thomas.request<{ compliments: Compliment[] }>('GET', '/api/agent/compliments');
    expect(feed.status).toBe(200);
    expect(feed.body.compliments).toHaveLength(1);
    const compliment = feed.body.compliments[0]!;
    expect(compliment).toMatchObject({ agentId: 'us_thomas', source: 'survey', text: 'Super geholpen, bedankt!', shareWithTeam: false });
    expect((await marleen.request<{ compliments: Compliment[] }>('GET', '/api/team/compliments')).body.compliments).toEqual([]);
    expect((await marleen.request('PUT', `/api/agent/compliments/${compliment.id}`, { shareWithTeam: true })).status).toBe(403);
    const shared = await thomas.request<Compliment>('PUT', `/api/agent/compliments/${compliment.id}`, { shareWithTeam: true });
    expect(shared.status).toBe(200);
    expect(shared.body.shareWithTeam).toBe(true);
    const team = await marleen.request<{ compliments: Compliment[] }>('GET', '/api/team/compliments');
    expect(team.body.compliments.map((c) => [c.id, c.agentName, c.text])).toEqual([[compliment.id, 'Thomas Janssens', 'Super geholpen, bedankt!']]);

    // The line report of today counts the answer.
    const startOfDay = new Date();
    startOfDay.setHours(0, 0, 0, 0);
    const report = await marleen.request<{ surveys: { netPromoterScore: { value: number; responses: number }; helpfulness: { value: number; denominator: number } } }>(
      'GET',
      `/api/reports/lines/${BANK}?from=${startOfDay.getTime()}&to=${startOfDay.getTime() + 86_400_000}`,
    );
    expect(report.status).toBe(200);
    expect(report.body.surveys.netPromoterScore).toMatchObject({ value: 100, responses: 1 });
    expect(report.body.surveys.helpfulness).toMatchObject({ value: 9, denominator: 1 });
    expect((await thomas.request('GET', `/api/reports/lines/${BANK}`)).status).toBe(403);
  });

  it('opens the survey when the customer leaves a chat the agent was handling', async () => {
    const customer = await WidgetClient.start(server.url, BANK, { language: 'fr', visitorId: 'visitor-survey-0009' });
    const camille = await StaffClient.login(server.url, 'camille@contactpunt.example');
    const socket = await camille.socket();
    await socket.request({ t: 'status.set', status: 'available' });
    await socket.next((f) => f.t === 'offer' && f.conversationId === customer.conversationId, 10_000, 'offer');
    await socket.request({ t: 'offer.accept', conversationId: customer.conversationId });
    expect((await customer.request('POST', '/end')).status).toBe(200);
    expect((await customer.request('GET', '/survey')).body).toEqual({ open: true, submitted: false });
    expect((await customer.request('POST', '/survey', { nps: 8, helpfulness: 8 })).status).toBe(201);
    await socket.request({ t: 'status.set', status: 'offline' });
    await socket.close();
  });

  it('lets executives compliment an agent, and keeps a plain or negative comment out of the feed', async () => {
    const given = await directie.request<Compliment>('POST', '/api/compliments', { agentId: 'us_thomas', text: 'Mooi werk deze week!' });
    expect(given.status).toBe(201);
    expect(given.body).toMatchObject({ source: 'executive', agentId: 'us_thomas' });
    expect((await thomas.request('POST', '/api/compliments', { agentId: 'us_camille', text: 'Top' })).status).toBe(403);
    expect((await directie.request('POST', '/api/compliments', { agentId: 'us_nobody', text: 'Top' })).status).toBe(404);

    const customer = await WidgetClient.start(server.url, BANK, { language: 'nl', visitorId: 'visitor-survey-0002' });
    await thomasSocket.next((f) => f.t === 'offer' && f.conversationId === customer.conversationId, 10_000, 'offer');
    await thomasSocket.request({ t: 'offer.accept', conversationId: customer.conversationId });
    expect((await thomas.request('POST', `/api/conversations/${customer.conversationId}/close`, { wrapUpCode: 'opgelost' })).status).toBe(200);
    expect((await customer.request('POST', '/survey', { nps: 10, comment: 'No thanks to you' })).status).toBe(201);

    const feed = await thomas.request<{ compliments: Compliment[] }>('GET', '/api/agent/compliments');
    expect(feed.body.compliments.map((c) => c.source)).toEqual(['executive', 'survey']);
    expect(feed.body.compliments.map((c) => c.text)).not.toContain('No thanks to you');
  });
});
