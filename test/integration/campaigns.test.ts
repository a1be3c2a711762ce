import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isOpen } from '../../src/core/line/opening-hours.js';
import { StaffClient } from '../support/api-client.js';
import { testDialects } from '../support/databases.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

interface Preview {
  id: string;
  phone: string;
  name: string | null;
  reference: string | null;
  attempts: number;
  row: number;
}
interface Progress {
  total: number;
  pending: number;
  inProgress: number;
  done: number;
  percentDone: number;
  attempts: number;
  byResult: Record<string, number>;
}

const GOOD_CSV = ['Naam;Telefoon;Referentie', 'An Peeters;0470 11 11 11;K-1', 'Bert Claes;+32 470 22 22 22;K-2', 'Chris Smet;0032 470 33 33 33;K-3', 'An opnieuw;0470/11.11.11;K-1b', 'Dirk Maes;02 555 01 44;K-4'].join('\n');

describe.each(testDialects())('outbound campaigns from CSV import to result codes on %s', (dialect) => {
  let server: TestServer;
  let marleen: StaffClient;
  let thomas: StaffClient;
  let camille: StaffClient;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    marleen = await StaffClient.login(server.url, 'marleen@contactpunt.example');
    thomas = await StaffClient.login(server.url, 'thomas@contactpunt.example');
    camille = await StaffClient.login(server.url, 'camille@contactpunt.example');
  });
  afterAll(async () => server?.stop());

  it('imports a list, hands each contact to one agent, retries, respects do-not-call and reports progress', async () => {
    const created = await marleen.request<{ id: string; status: string }>('POST', '/api/campaigns', { lineId: 'ln_bankzuid', name: 'Kaartvernieuwing', maxAttempts: 2, retryDelayMinutes: 30 });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect((await thomas.request('POST', '/api/campaigns', { lineId: 'ln_bankzuid', name: 'x' })).status).toBe(403);

    // A broken list: every problem with its line and column, and nothing imported.
    const broken = await marleen.request<{ error: { code: string; problems: Array<{ row: number; column: string; problem: string }> } }>('POST', `/api/campaigns/${id}/contacts`, {
      csv: 'naam,telefoon\nAn,0470 11 11 11\nBert,0470 11\nChris,bellen\n',
    });
    expect(broken.status).toBe(422);
    expect(broken.body.error.code).toBe('CAMPAIGN_CSV_INVALID');
    expect(broken.body.error.problems).toEqual([
      { row: 3, column: 'telefoon', problem: '"0470 11" has 5 digits after +32; expected 9' },
      { row: 4, column: 'telefoon', problem: '"bellen" has characters that are not part of a phone number' },
    ]);
    const unclosed = await marleen.request<{ error: { problems: Array<{ row: number }> } }>('POST', `/api/campaigns/${id}/contacts`, { csv: 'naam,telefoon\n"An,0470111111\n' });
    expect(unclosed.status).toBe(422);
    expect((await marleen.request<Progress>('GET', `/api/campaigns/${id}/progress`)).body.total).toBe(0);

    const imported = await marleen.request<{ imported: number; duplicates: unknown[]; alreadyInCampaign: unknown[] }>('POST', `/api/campaigns/${id}/contacts`, { csv: GOOD_CSV });
    expect(imported.status, imported.text).toBe(200);
    expect(imported.body).toMatchObject({ imported: 4, duplicates: [{ row: 5, phone: '+32470111111', firstRow: 2 }], alreadyInCampaign: [] });
    const again = await marleen.request<{ imported: number; alreadyInCampaign: unknown[] }>('POST', `/api/campaigns/${id}/contacts`, { csv: 'telefoon\n0470 22 22 22\n0470 44 44 44' });
    expect(again.body).toMatchObject({ imported: 1, alreadyInCampaign: [{ row: 2, phone: '+32470222222' }] });

    // Not started yet.
    const early = await thomas.request<{ error: { code: string } }>('POST', `/api/campaigns/${id}/next`);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('CAMPAIGN_NOT_RUNNING');
    expect((await marleen.request('POST', `/api/campaigns/${id}/start`)).status).toBe(200);

    // Preview dialling: each agent gets its own contact, in list order; asking again shows the same one.
    const first = (await thomas.request<{ contact: Preview }>('POST', `/api/campaigns/${id}/next`)).body.contact;
    expect(first).toMatchObject({ phone: '+32470111111', name: 'An Peeters', reference: 'K-1', attempts: 0, row: 2 });
    expect((await thomas.request<{ contact: Preview }>('POST', `/api/campaigns/${id}/next`)).body.contact.id).toBe(first.id);
    const second = (await camille.request<{ contact: Preview }>('POST', `/api/campaigns/${id}/next`)).body.contact;
    expect(second.phone).toBe('+32470222222');
    const notHers = await camille.request<{ error: { code: string } }>('POST', `/api/campaigns/${id}/contacts/${first.id}/result`, { result: 'reached' });
    expect(notHers.status).toBe(409);
    expect(notHers.body.error.code).toBe('CAMPAIGN_CONTACT_NOT_HELD');

    // No answer: back in the list after the delay, one attempt used.
    const noAnswer = await thomas.request<{ contact: { status: string; attempts: number; nextAttemptAt: string } }>('POST', `/api/campaigns/${id}/contacts/${first.id}/result`, { result: 'no_answer' });
    expect(noAnswer.body.contact).toMatchObject({ status: 'pending', attempts: 1 });
    expect(Date.parse(noAnswer.body.contact.nextAttemptAt) - Date.now()).toBeGreaterThan(29 * 60_000);
    // Camille's contact asks not to be called again: done, and on the tenant's do-not-call list.
    expect((await camille.request('POST', `/api/campaigns/${id}/contacts/${second.id}/result`, { result: 'do_not_call', note: 'wil niet gebeld worden' })).status).toBe(200);

    // Thomas's next contact is the third row (the first one is not due yet); he skips it.
    const third = (await thomas.request<{ contact: Preview }>('POST', `/api/campaigns/${id}/next`)).body.contact;
    expect(third.phone).toBe('+32470333333');
    expect((await thomas.request('POST', `/api/campaigns/${id}/contacts/${third.id}/skip`)).status).toBe(204);
    const fourth = (await thomas.request<{ contact: Preview }>('POST', `/api/campaigns/${id}/next`)).body.contact;
    expect(fourth.phone).toBe('+3225550144');
    expect((await thomas.request('POST', `/api/campaigns/${id}/contacts/${fourth.id}/result`, { result: 'wrong_number' })).status).toBe(200);
    const fifth = (await thomas.request<{ contact: Preview }>('POST', `/api/campaigns/${id}/next`)).body.contact;
    expect(fifth.phone).toBe('+32470444444');
    expect((await thomas.request('POST', `/api/campaigns/${id}/contacts/${fifth.id}/result`, { result: 'reached', note: 'nieuwe kaart besteld' })).status).toBe(200);
    expect((await thomas.request<{ contact: Preview | null }>('POST', `/api/campaigns/${id}/next`)).body.contact).toBeNull();

    // Time passes: the first contact is due again; a second no-answer uses the last attempt.
    await server.running.app.deps.db.kysely.updateTable('campaign_contacts').set({ next_attempt_at: Date.now() - 1 }).where('id', '=', first.id).execute();
    expect((await thomas.request<{ contact: Preview }>('POST', `/api/campaigns/${id}/next`)).body.contact).toMatchObject({ id: first.id, attempts: 1 });
    const last = await thomas.request<{ contact: { status: string; attempts: number } }>('POST', `/api/campaigns/${id}/contacts/${first.id}/result`, { result: 'busy' });
    expect(last.body.contact).toEqual(expect.objectContaining({ status: 'done', attempts: 2 }));

    const progress = (await marleen.request<Progress>('GET', `/api/campaigns/${id}/progress`)).body;
    expect(progress).toMatchObject({ total: 5, pending: 1, inProgress: 0, done: 4, percentDone: 80, attempts: 5, byResult: { busy: 1, do_not_call: 1, wrong_number: 1, reached: 1 } });

    // A new campaign skips the number that asked not to be called.
    const next = await marleen.request<{ id: string }>('POST', '/api/campaigns', { lineId: 'ln_bankzuid', name: 'Tevredenheid' });
    const skipped = await marleen.request<{ imported: number; doNotCall: unknown[] }>('POST', `/api/campaigns/${next.body.id}/contacts`, { csv: 'phone\n+32470222222\n+32470555555' });
    expect(skipped.body).toMatchObject({ imported: 1, doNotCall: [{ row: 2, phone: '+32470222222' }] });
  });

  it('respects the line\'s opening hours', async () => {
    const created = await marleen.request<{ id: string }>('POST', '/api/campaigns', { lineId: 'ln_energienoord', name: 'Meterstanden' });
    await marleen.request('POST', `/api/campaigns/${created.body.id}/contacts`, { csv: 'phone\n0470 66 66 66' });
    await marleen.request('POST', `/api/campaigns/${created.body.id}/start`);
    const line = server.running.app.deps.directory.line('ln_energienoord');
    const emma = await StaffClient.login(server.url, 'emma@contactpunt.example');
    const response = await emma.request<{ error?: { code: string }; contact?: Preview }>('POST', `/api/campaigns/${created.body.id}/next`);
    if (isOpen(line.openingHours, Date.now())) expect(response.body.contact?.phone).toBe('+32470666666');
    else expect(response.body.error?.code).toBe('LINE_CLOSED');
    // Thomas works no queue of Energie Noord.
    expect((await thomas.request('POST', `/api/campaigns/${created.body.id}/next`)).status).toBe(403);
  });
});
