import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaffClient, WidgetClient } from '../support/api-client.js';
import { testDialects } from '../support/databases.js';
import type { FrameSocket } from '../support/frame-socket.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const BANK = 'ln_bankzuid';

interface FollowUp {
  id: string;
  conversationId: string;
  source: string;
  nps: number | null;
  comment: string | null;
  status: string;
  assignee: { id: string; name: string } | null;
  outcome: string | null;
  notes: string;
  version: number;
  agentName: string | null;
  contact: { pseudonym: string; identifier: string | null } | null;
}

interface Idea {
  id: string;
  title: string;
  status: string;
  votes: number;
  supportedByMe: boolean;
  mine: boolean;
  reply: string | null;
  repliedBy: string | null;
  version: number;
}

describe.each(testDialects())('complaints follow-up and the ideas board on %s', (dialect) => {
  let server: TestServer;
  let thomas: StaffClient;
  let marleen: StaffClient;
  let directie: StaffClient;
  let sofie: StaffClient;
  let emma: StaffClient;
  let thomasSocket: FrameSocket;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    thomas = await StaffClient.login(server.url, 'thomas@contactpunt.example');
    marleen = await StaffClient.login(server.url, 'marleen@contactpunt.example');
    directie = await StaffClient.login(server.url, 'directie@contactpunt.example');
    sofie = await StaffClient.login(server.url, 'sofie@contactpunt.example');
    emma = await StaffClient.login(server.url, 'emma@contactpunt.example');
    thomasSocket = await thomas.socket();
    await thomasSocket.request({ t: 'status.set', status: 'available' });
  });

  afterAll(async () => {
    await thomasSocket?.close();
    await server?.stop();
  });

  /** A chat Thomas takes and closes with `wrapUpCode`; the customer answers `survey` (if given). */
  async function chat(visitorId: string, wrapUpCode: string, survey?: Record<string, unknown>): Promise<string> {
    const customer = await WidgetClient.start(server.url, BANK, { language: 'nl', visitorId });
    await thomasSocket.next((f) => f.t === 'offer' && f.conversationId === customer.conversationId, 10_000, 'offer');
    await thomasSocket.request({ t: 'offer.accept', conversationId: customer.conversationId });
    expect((await thomas.request('POST', `/api/conversations/${customer.conversationId}/close`, { wrapUpCode })).status).toBe(200);
    if (survey) expect((await customer.request('POST', '/survey', survey)).status).toBe(201);
    return customer.conversationId;
  }

  const followUps = async (query = '') => (await marleen.request<{ followUps: FollowUp[] }>('GET', `/api/complaints${query}`)).body.followUps;

  it('lists complaint wrap-ups and detractors who commented, once per conversation', async () => {
    const complaint = await chat('visitor-complaint-001', 'klacht', { nps: 3, comment: 'Niemand belt terug' });
    const detractor = await chat('visitor-complaint-002', 'opgelost', { nps: 5, comment: 'Veel te lang gewacht' });
    await chat('visitor-complaint-003', 'opgelost', { nps: 2 });
    await chat('visitor-complaint-004', 'opgelost', { nps: 8, comment: 'Ging wel' });

    const list = await followUps();
    expect(list.map((f) => [f.conversationId, f.source, f.nps, f.comment, f.status])).toEqual([
      [detractor, 'survey', 5, 'Veel te lang gewacht', 'open'],
      [complaint, 'wrap_up', 3, 'Niemand belt terug', 'open'],
    ]);
    // Bank Zuid is not anonymous: the follow-up shows whom to call back.
    expect(list[0]).toMatchObject({ agentName: 'Thomas Janssens', contact: { identifier: 'visitor-complaint-002' } });
    expect((await thomas.request('GET', '/api/complaints')).status).toBe(403);
    expect((await directie.request('GET', '/api/complaints')).status).toBe(200);
  });

  it('walks a follow-up from open through in progress to done with an outcome, refusing stale and skipped steps', async () => {
    const [item] = await followUps();
    const id = item!.id;
    const skip = await marleen.request('PATCH', `/api/complaints/${id}`, { version: item!.version, status: 'done', outcome: 'x' });
    expect(skip.status).toBe(409);
    expect(skip.body).toMatchObject({ error: { code: 'FOLLOW_UP_INVALID_TRANSITION' } });

    const picked = await marleen.request<FollowUp>('PATCH', `/api/complaints/${id}`, { version: item!.version, status: 'in_progress', notes: 'Bel na 14 u' });
    expect(picked.status).toBe(200);
    expect(picked.body).toMatchObject({ status: 'in_progress', assignee: { id: 'us_marleen' }, notes: 'Bel na 14 u', version: item!.version + 1 });
    const stale = await directie.request('PATCH', `/api/complaints/${id}`, { version: item!.version, notes: 'ander' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ error: { code: 'CHANGED_MEANWHILE' } });

    const noOutcome = await directie.request('PATCH', `/api/complaints/${id}`, { version: picked.body.version, status: 'done' });
    expect(noOutcome.status).toBe(422);
    expect(noOutcome.body).toMatchObject({ error: { code: 'FOLLOW_UP_OUTCOME_REQUIRED' } });
    const done = await directie.request<FollowUp>('PATCH', `/api/complaints/${id}`, { version: picked.body.version, status: 'done', outcome: 'Teruggebeld, excuses aangeboden' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'done', outcome: 'Teruggebeld, excuses aangeboden', assignee: { id: 'us_marleen' } });

    expect((await followUps()).map((f) => f.id)).not.toContain(id);
    expect((await followUps('?status=done')).map((f) => f.id)).toEqual([id]);
    expect((await marleen.request('PATCH', '/api/complaints/fu_unknown', { version: 1, status: 'in_progress' })).status).toBe(404);
    expect((await marleen.request('PATCH', `/api/complaints/${id}`, { version: 'x' })).status).toBe(400);
  });

  it('takes ideas from anyone, one support per person and none on your own', async () => {
    const posted = await sofie.request<Idea>('POST', '/api/ideas', { title: 'Sneltoets voor de wrap-up', body: 'Alt+W opent de wrap-up.' });
    expect(posted.status).toBe(201);
    expect(posted.body).toMatchObject({ status: 'new', votes: 0, mine: true });
    const id = posted.body.id;
    expect((await sofie.request('POST', '/api/ideas', { title: 'x' })).status).toBe(400);

    const own = await sofie.request('PUT', `/api/ideas/${id}/support`);
    expect(own.status).toBe(422);
    expect(own.body).toMatchObject({ error: { code: 'IDEA_OWN_VOTE' } });
    // Two supports from Thomas at once: the primary key lets one through.
    const twice = await Promise.all([thomas.request('PUT', `/api/ideas/${id}/support`), thomas.request('PUT', `/api/ideas/${id}/support`)]);
    expect(twice.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(twice.find((r) => r.status === 409)?.body).toMatchObject({ error: { code: 'IDEA_ALREADY_SUPPORTED' } });
    expect((await emma.request<Idea>('PUT', `/api/ideas/${id}/support`)).body).toMatchObject({ votes: 2, supportedByMe: true });
    expect((await thomas.request<Idea>('DELETE', `/api/ideas/${id}/support`)).body).toMatchObject({ votes: 1, supportedByMe: false });

    const list = (await thomas.request<{ ideas: Idea[] }>('GET', '/api/ideas')).body.ideas;
    expect(list.find((i) => i.id === id)).toMatchObject({ votes: 1, supportedByMe: false, mine: false });
  });

  it('lets managers move ideas with a reply and keeps round-table notes linked to them', async () => {
    const [idea] = (await marleen.request<{ ideas: Idea[] }>('GET', '/api/ideas')).body.ideas;
    const id = idea!.id;
    expect((await thomas.request('PATCH', `/api/ideas/${id}`, { version: idea!.version, status: 'planned' })).status).toBe(403);
    const noReply = await marleen.request('PATCH', `/api/ideas/${id}`, { version: idea!.version, status: 'declined' });
    expect(noReply.body).toMatchObject({ error: { code: 'IDEA_REPLY_REQUIRED' } });
    const review = await marleen.request<Idea>('PATCH', `/api/ideas/${id}`, { version: idea!.version, status: 'under_review' });
    expect(review.status).toBe(200);
    expect((await directie.request('PATCH', `/api/ideas/${id}`, { version: idea!.version, status: 'planned' })).body).toMatchObject({ error: { code: 'CHANGED_MEANWHILE' } });
    const planned = await directie.request<Idea>('PATCH', `/api/ideas/${id}`, { version: review.body.version, status: 'planned', reply: 'Komt in de release van maart' });
    expect(planned.body).toMatchObject({ status: 'planned', reply: 'Komt in de release van maart', repliedBy: 'Anne Directeur' });
    expect((await thomas.request('PUT', `/api/ideas/${id}/support`)).body).toMatchObject({ error: { code: 'IDEA_VOTING_CLOSED' } });
    const done = await marleen.request<Idea>('PATCH', `/api/ideas/${id}`, { version: planned.body.version, status: 'done' });
    expect(done.body.status).toBe('done');
    expect((await marleen.request('PATCH', `/api/ideas/${id}`, { version: done.body.version, status: 'planned' })).body).toMatchObject({ error: { code: 'IDEA_INVALID_TRANSITION' } });

    expect((await thomas.request('POST', '/api/roundtables', { heldOn: '2026-11-20', notes: 'x', ideaIds: [] })).status).toBe(403);
    expect((await directie.request('POST', '/api/roundtables', { heldOn: '2026-11-20', notes: 'x', ideaIds: ['idea_nope'] })).status).toBe(400);
    expect((await directie.request('POST', '/api/roundtables', { heldOn: '20-11-2026', notes: 'x' })).status).toBe(400);
    const table = await directie.request('POST', '/api/roundtables', { heldOn: '2026-11-20', notes: 'Wrap-up sneltoets besproken; team is enthousiast.', ideaIds: [id, id] });
    expect(table.status).toBe(201);
    const tables = (await sofie.request<{ roundtables: Array<{ heldOn: string; ideas: Array<{ id: string; status: string }> }> }>('GET', '/api/roundtables')).body.roundtables;
    expect(tables).toEqual([expect.objectContaining({ heldOn: '2026-11-20', ideas: [{ id, title: 'Sneltoets voor de wrap-up', status: 'done' }] })]);
  });
});
