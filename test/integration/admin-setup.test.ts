import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaffClient, WidgetClient } from '../support/api-client.js';
import { testDialects } from '../support/databases.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const label = (nl: string) => ({ nl });

describe.each(testDialects())('an admin sets up a new line on %s', (dialect) => {
  let server: TestServer;
  let admin: StaffClient;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    admin = await StaffClient.login(server.url, 'beheer@contactpunt.example');
  });

  afterAll(async () => server?.stop());

  it('creates a line, its queue and an agent through the API, and the first chat reaches that agent', async () => {
    const line = await admin.request<{ id: string }>('POST', '/api/admin/lines', {
      id: 'ln_verzekering', name: 'Verzekering West', channels: ['chat'], languages: ['nl', 'fr'], anonymous: false,
      openingHours: null, taxonomy: [{ id: 'schade', label: label('Schade'), subtopics: [{ id: 'auto', label: label('Auto') }] }],
      phases: [{ id: 'start', label: label('Start') }, { id: 'einde', label: label('Einde') }], wrapUpCodes: [{ id: 'klaar', label: label('Klaar') }],
      defaultQueueId: 'qu_verzekering',
    });
    expect(line.status).toBe(201);
    const queue = await admin.request('POST', '/api/admin/queues', { id: 'qu_verzekering', lineId: 'ln_verzekering', name: 'Verzekering', skills: ['line:verzekering'], priority: 0, serviceLevelSeconds: 30, serviceLevelPercent: 80, overflow: null });
    expect(queue.status).toBe(201);
    const agent = await admin.request<{ id: string }>('POST', '/api/admin/agents', {
      email: 'nadia@contactpunt.example', name: 'Nadia El Amrani', roles: ['agent'], skills: ['lang:fr', 'line:verzekering'], queueIds: ['qu_verzekering'],
      capacity: { voice: 1, chat: 2, email: 5, whatsapp: 2 }, password: 'een-lang-wachtwoord',
    });
    expect(agent.status).toBe(201);

    const nadia = await StaffClient.login(server.url, 'nadia@contactpunt.example', 'een-lang-wachtwoord');
    const socket = await nadia.socket();
    await socket.request({ t: 'status.set', status: 'available' });
    const customer = await WidgetClient.start(server.url, 'ln_verzekering', { language: 'fr', visitorId: 'visitor-admin-0001' });
    await socket.next((f) => f.t === 'offer' && f.conversationId === customer.conversationId);
    await socket.close();

    const config = await admin.request<{ lines: Array<{ id: string }>; queues: Array<{ id: string }> }>('GET', '/api/admin/config');
    expect(config.body.lines.map((l) => l.id)).toContain('ln_verzekering');
  });

  it('rejects invalid configuration with a clear message', async () => {
    const badQueue = await admin.request('POST', '/api/admin/queues', { lineId: 'ln_bankzuid', name: 'X', skills: [], priority: 0, serviceLevelSeconds: 20, serviceLevelPercent: 80, overflow: { afterSeconds: 30, toQueueId: 'qu_nope' } });
    expect(badQueue.status).toBe(422);
    expect(badQueue.body).toMatchObject({ error: { code: 'ADMIN_INVALID' } });
    const badHours = await admin.request('PUT', '/api/admin/lines/ln_energienoord', {
      name: 'Energie Noord', channels: ['chat'], languages: ['nl'], anonymous: false, openingHours: { timeZone: 'Mars/Olympus', slots: [], closedDates: [] },
      taxonomy: [], phases: [{ id: 'a', label: label('A') }], wrapUpCodes: [], defaultQueueId: 'qu_energie',
    });
    expect(badHours.status).toBe(400);
    expect(JSON.stringify(badHours.body)).toContain('time zone');
    const config = await admin.request<{ lines: Array<Record<string, unknown> & { id: string }> }>('GET', '/api/admin/config');
    const { id: _id, tenantId: _tenant, ...kinderlijn } = config.body.lines.find((l) => l.id === 'ln_kinderlijn')!;
    const badPolicy = await admin.request('PUT', '/api/admin/lines/ln_kinderlijn', { ...kinderlijn, abusePolicy: { block: { prankHours: -1 } } });
    expect(badPolicy.status).toBe(400);
    expect(badPolicy.body).toMatchObject({ error: { code: 'ABUSE_POLICY_INVALID' } });
    const goodPolicy = await admin.request<{ abusePolicy: unknown }>('PUT', '/api/admin/lines/ln_kinderlijn', { ...kinderlijn, abusePolicy: { block: { prankHours: 12 } } });
    expect(goodPolicy.status).toBe(200);
    expect(goodPolicy.body.abusePolicy).toEqual({ block: { prankHours: 12 } });
    const noPassword = await admin.request('POST', '/api/admin/agents', { email: 'x@contactpunt.example', name: 'X', roles: ['agent'], skills: [], queueIds: [], capacity: { voice: 1, chat: 1, email: 1, whatsapp: 1 } });
    expect(noPassword.status).toBe(422);
    const agent = await StaffClient.login(server.url, 'sofie@contactpunt.example');
    expect((await agent.request('GET', '/api/admin/config')).status).toBe(403);
  });
});
