import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaffClient, WidgetClient } from '../support/api-client.js';
import { testDialects } from '../support/databases.js';
import type { FrameSocket } from '../support/frame-socket.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const BANK = 'ln_bankzuid';
const KINDERLIJN = 'ln_kinderlijn';

/**
 * Quality figures that move live: a survey answer pushes the compliment to its agent and
 * today's survey figures to every wallboard viewer (executives included) over the WebSocket;
 * the line report adds ASA, bot-resolved share and incidents and downloads as CSV.
 */
describe.each(testDialects())('live quality figures and the report export on %s', (dialect) => {
  let server: TestServer;
  let thomas: StaffClient;
  let marleen: StaffClient;
  let directie: StaffClient;
  const sockets: FrameSocket[] = [];

  beforeAll(async () => {
    server = await startTestServer(dialect);
    thomas = await StaffClient.login(server.url, 'thomas@contactpunt.example');
    marleen = await StaffClient.login(server.url, 'marleen@contactpunt.example');
    directie = await StaffClient.login(server.url, 'directie@contactpunt.example');
  });

  afterAll(async () => {
    await Promise.all(sockets.map((s) => s.close()));
    await server?.stop();
  });

  it('pushes the compliment to the agent and the survey figures to supervisors and executives', async () => {
    const [thomasSocket, marleenSocket, directieSocket] = await Promise.all([thomas.socket(), marleen.socket(), directie.socket()]);
    sockets.push(thomasSocket, marleenSocket, directieSocket);
    await thomasSocket.request({ t: 'status.set', status: 'available' });
    const before = await marleen.request<{ surveys: { responses: number } }>('GET', '/api/wallboard');
    expect(before.body.surveys).toMatchObject({ responses: 0, netPromoterScore: { value: null, denominator: 0 } });

    const customer = await WidgetClient.start(server.url, BANK, { language: 'nl', visitorId: 'visitor-quality-live1' });
    await thomasSocket.next((f) => f.t === 'offer' && f.conversationId === customer.conversationId, 10_000, 'offer');
    await thomasSocket.request({ t: 'offer.accept', conversationId: customer.conversationId });
    expect((await thomas.request('POST', `/api/conversations/${customer.conversationId}/close`, { wrapUpCode: 'opgelost' })).status).toBe(200);
    expect((await customer.request('POST', '/survey', { nps: 10, helpfulness: 9, comment: 'Heel vriendelijk en snel geholpen, bedankt!' })).status).toBe(201);

    const compliment = await thomasSocket.next((f) => f.t === 'compliment.received', 5000, 'compliment');
    expect(compliment.compliment).toMatchObject({ agentId: 'us_thomas', source: 'survey', text: 'Heel vriendelijk en snel geholpen, bedankt!', conversationId: customer.conversationId });
    for (const socket of [marleenSocket, directieSocket]) {
      const figures = await socket.next((f) => f.t === 'wallboard.surveys', 5000, 'survey figures');
      expect(figures).toMatchObject({ lineId: BANK, surveys: { responses: 1, netPromoterScore: { value: 100, promoters: 1, denominator: 1 }, helpfulness: { value: 9, denominator: 1 } } });
    }
    // The compliment went to Thomas only; agents get no wallboard frames.
    expect(marleenSocket.frames.some((f) => f.t === 'compliment.received')).toBe(false);
    expect(thomasSocket.frames.some((f) => f.t === 'wallboard.surveys')).toBe(false);

    const after = await directie.request<{ surveys: unknown }>('GET', '/api/wallboard');
    expect(after.body.surveys).toMatchObject({ responses: 1, netPromoterScore: { value: 100 } });

    // A compliment from management is pushed too.
    expect((await directie.request('POST', '/api/compliments', { agentId: 'us_thomas', text: 'Knap werk vandaag' })).status).toBe(201);
    const given = await thomasSocket.next((f) => f.t === 'compliment.received' && (f.compliment as { source: string }).source === 'executive', 5000, 'executive compliment');
    expect(given.compliment).toMatchObject({ text: 'Knap werk vandaag' });
    await thomasSocket.request({ t: 'status.set', status: 'offline' });
  });

  it('reports ASA, bot-resolved share and incidents, and lists agents without figures when the line hides them', async () => {
    const report = await marleen.request<Record<string, unknown>>('GET', `/api/reports/lines/${BANK}`);
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({
      averageSpeedOfAnswerSeconds: { denominator: 1 },
      botResolved: { numerator: 0, denominator: 1 },
      incidents: { total: 0, byKind: {} },
      surveys: { netPromoterScore: { value: 100, responses: 1 } },
      hideAgentHandleTime: false,
      byAgent: { us_thomas: { denominator: 1 } },
    });
    expect((report.body.volume as { byChannelAndHour: { chat: number[] } }).byChannelAndHour.chat.reduce((a, b) => a + b, 0)).toBe(1);

    const hidden = await directie.request<Record<string, unknown>>('GET', `/api/reports/lines/${KINDERLIJN}`);
    expect(hidden.status).toBe(200);
    expect(hidden.body.hideAgentHandleTime).toBe(true);
    expect(hidden.body).not.toHaveProperty('byAgent');
    expect((hidden.body.agents as Array<{ id: string }>).length).toBeGreaterThan(0);
  });

  it('downloads the report as CSV for supervisors and executives only', async () => {
    const csv = await fetch(`${server.url}/api/reports/lines/${BANK}?format=csv`, { headers: { cookie: directie.cookie } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="report-ln_bankzuid-\d{4}-\d\d-\d\d-\d{4}-\d\d-\d\d\.csv"/);
    const rows = parse(await csv.text(), { columns: true }) as Array<Record<string, string>>;
    expect(rows.find((r) => r.section === 'survey' && r.item === 'nps')).toMatchObject({ value: '100', numerator: '1', denominator: '1' });
    expect(rows.find((r) => r.section === 'period' && r.item === 'line')?.value).toBe('Bank Zuid klantendienst');
    expect((await thomas.request('GET', `/api/reports/lines/${BANK}?format=csv`)).status).toBe(403);
    // The download is in the audit log: who, which line, which period; the JSON view is not an export.
    const karim = await StaffClient.login(server.url, 'karim@contactpunt.example');
    const logged = await karim.request<{ entries: Array<{ actorId: string; targetKind: string; targetId: string; detail: Record<string, unknown> }> }>('GET', '/api/security/audit?action=report.exported');
    expect(logged.status).toBe(200);
    expect(logged.body.entries).toHaveLength(1);
    expect(logged.body.entries[0]).toMatchObject({ actorId: 'us_directie', targetKind: 'line', targetId: BANK, detail: { format: 'csv' } });
    expect(logged.body.entries[0]!.detail.to as number).toBeGreaterThan(logged.body.entries[0]!.detail.from as number);
    const bad = await marleen.request('GET', `/api/reports/lines/${BANK}?format=xlsx`);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { code: 'INVALID_INPUT' } });
  });
});
