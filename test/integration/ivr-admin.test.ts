import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaffClient } from '../support/api-client.js';
import { testDialects } from '../support/databases.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { TEST_PUBLIC_BASE_URL, TEST_TWILIO_TOKEN, TwilioClient } from '../support/twilio-client.js';
import { readTwiml } from '../support/twiml-rules.js';

interface IvrView {
  lineId: string;
  isDefault: boolean;
  flow: { start: string; languages: string[]; nodes: Record<string, { type: string }> };
  updatedBy: string | null;
  queues: Array<{ id: string }>;
}
interface ProblemBody {
  error: { code: string; message: string; problems: Array<{ path: string; code: string; params: Record<string, string | number>; message: string }> };
}

describe.each(testDialects())('admin: IVR flow per line on %s', (dialect) => {
  let server: TestServer;
  let admin: StaffClient;

  beforeAll(async () => {
    server = await startTestServer(dialect, { TWILIO_AUTH_TOKEN: TEST_TWILIO_TOKEN, PUBLIC_BASE_URL: TEST_PUBLIC_BASE_URL });
    admin = await StaffClient.login(server.url, 'beheer@contactpunt.example');
  });
  afterAll(async () => server?.stop());

  it('reads the demo flow of Bank Zuid and the default flow of a line without one', async () => {
    const bank = await admin.request<IvrView>('GET', '/api/admin/lines/ln_bankzuid/ivr');
    expect(bank.status).toBe(200);
    expect(bank.body).toMatchObject({ lineId: 'ln_bankzuid', isDefault: false, flow: { start: 'welcome', languages: ['nl', 'fr', 'en'] } });
    expect(Object.values(bank.body.flow.nodes).map((n) => n.type)).toEqual(expect.arrayContaining(['language', 'hours', 'menu', 'enqueue', 'callback']));
    const energie = await admin.request<IvrView>('GET', '/api/admin/lines/ln_energienoord/ivr');
    expect(energie.body).toMatchObject({ isDefault: true, flow: { languages: ['nl', 'fr'] }, queues: [{ id: 'qu_energie' }] });
    expect((await admin.request('GET', '/api/admin/lines/ln_nope/ivr')).status).toBe(404);
  });

  it('refuses an invalid flow with one problem per mistake, and stores nothing', async () => {
    const flow = {
      languages: ['nl', 'fr'],
      defaultLanguage: 'nl',
      start: 'welkom',
      nodes: {
        welkom: { type: 'message', prompt: { nl: 'Welkom.' }, next: 'menu' },
        menu: { type: 'menu', prompt: { nl: 'Kies 1.', fr: 'Tapez 1.' }, choices: { '1': 'nergens' }, fallback: 'wachtrij' },
        wachtrij: { type: 'enqueue', queueId: 'qu_bank' },
        vergeten: { type: 'hangup' },
      },
    };
    const check = await admin.request<{ ok: boolean; problems: unknown[] }>('POST', '/api/admin/lines/ln_energienoord/ivr/validate', { flow });
    expect(check.body.ok).toBe(false);
    const saved = await admin.request<ProblemBody>('PUT', '/api/admin/lines/ln_energienoord/ivr', { flow });
    expect(saved.status).toBe(400);
    expect(saved.body.error.code).toBe('IVR_FLOW_INVALID');
    expect(saved.body.error.problems).toEqual([
      { path: 'nodes.welkom.prompt', code: 'prompt_missing', params: { languages: 'fr' }, message: 'prompt missing in fr' },
      { path: 'nodes.menu.choices.1', code: 'unknown_node', params: { node: 'nergens' }, message: 'unknown node id "nergens"' },
      { path: 'nodes.wachtrij.queueId', code: 'unknown_queue', params: {}, message: 'unknown queue "qu_bank" on this line' },
      { path: 'nodes.vergeten', code: 'unreachable', params: { start: 'welkom' }, message: 'unreachable from start "welkom"' },
    ]);
    expect(check.body.problems).toEqual(saved.body.error.problems);
    expect((await admin.request<IvrView>('GET', '/api/admin/lines/ln_energienoord/ivr')).body.isDefault).toBe(true);
    const notJson = await admin.request<ProblemBody>('PUT', '/api/admin/lines/ln_energienoord/ivr', { flow: 'not a flow' });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.problems[0]).toMatchObject({ path: '', code: 'invalid_type', params: { expected: 'object' } });
    expect(notJson.body.error.problems[0]?.message).toMatch(/object/);
  });

  it('saves a valid flow, which the next call hears; only admins may', async () => {
    const flow = {
      languages: ['nl', 'fr'],
      defaultLanguage: 'nl',
      start: 'welkom',
      nodes: {
        welkom: { type: 'message', prompt: { nl: 'Welkom bij Energie Noord, nieuwe versie.', fr: "Bienvenue chez Energie Noord, nouvelle version." }, next: 'wachtrij' },
        wachtrij: { type: 'enqueue' },
      },
    };
    const saved = await admin.request<IvrView>('PUT', '/api/admin/lines/ln_energienoord/ivr', { flow });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ isDefault: false, updatedBy: admin.agentId, flow: { start: 'welkom' } });
    const call = new TwilioClient(server.url, 'ln_energienoord');
    const response = await call.post('incoming', { CallStatus: 'ringing' });
    expect(readTwiml(response.text)[0]?.text).toBe('Welkom bij Energie Noord, nieuwe versie.');

    const agent = await StaffClient.login(server.url, 'thomas@contactpunt.example');
    expect((await agent.request('PUT', '/api/admin/lines/ln_energienoord/ivr', { flow })).status).toBe(403);
    expect((await agent.request('GET', '/api/admin/lines/ln_energienoord/ivr')).status).toBe(403);
  });
});
