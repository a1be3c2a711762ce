import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaffClient } from '../support/api-client.js';
import { testDialects } from '../support/databases.js';
import type { Frame, FrameSocket } from '../support/frame-socket.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { TEST_PUBLIC_BASE_URL, TEST_TWILIO_TOKEN, TwilioClient } from '../support/twilio-client.js';
import { checkTwiml, readTwiml } from '../support/twiml-rules.js';

const BANK = 'ln_bankzuid';

interface Preview {
  id: string;
  phone: string;
}
interface Details {
  id: string;
  state: string;
  channel: string;
  assignedAgentId: string | null;
  registration: { wrapUpCode: string | null; notes: string };
  context: Record<string, unknown>;
  contact: { id: string; pseudonym: string; identifier?: string | null; identifierKind?: string };
}
interface WireEvent {
  type: string;
  data: Record<string, unknown>;
}
interface Figure {
  numerator: number;
  denominator: number;
}

describe.each(testDialects())('a dialled campaign contact is an outbound voice conversation on %s', (dialect) => {
  let server: TestServer;
  let marleen: StaffClient;
  let thomas: StaffClient;
  let camille: StaffClient;
  const sockets: FrameSocket[] = [];

  beforeAll(async () => {
    server = await startTestServer(dialect, { TWILIO_AUTH_TOKEN: TEST_TWILIO_TOKEN, PUBLIC_BASE_URL: TEST_PUBLIC_BASE_URL });
    marleen = await StaffClient.login(server.url, 'marleen@contactpunt.example');
    thomas = await StaffClient.login(server.url, 'thomas@contactpunt.example');
    camille = await StaffClient.login(server.url, 'camille@contactpunt.example');
  });
  afterAll(async () => {
    await Promise.all(sockets.map((s) => s.close()));
    await server?.stop();
  });

  it('dials, shows the call in the desktop, the journal and the contact history, closes it with the result, pushes progress and counts it as handled outbound work', async () => {
    const [marleenSocket, thomasSocket] = await Promise.all([marleen.socket(), thomas.socket()]);
    sockets.push(marleenSocket, thomasSocket);
    const progressOf = (campaignId: string, match: (p: Record<string, unknown>) => boolean, label: string) =>
      marleenSocket.next((f: Frame) => f.t === 'campaign.progress' && f.campaignId === campaignId && match(f.progress as Record<string, unknown>), 5000, label).then((f) => f.progress as Record<string, unknown>);

    const id = (await marleen.request<{ id: string }>('POST', '/api/campaigns', { lineId: BANK, name: 'Terugbelactie', maxAttempts: 3, retryDelayMinutes: 15 })).body.id;
    expect((await marleen.request('POST', `/api/campaigns/${id}/contacts`, { csv: 'naam;telefoon\nAn Peeters;0470 12 12 12\nBert Claes;0470 34 34 34' })).status).toBe(200);
    expect(await progressOf(id, (p) => p.total === 2, 'progress after the import')).toMatchObject({ total: 2, pending: 2, done: 0 });
    expect((await marleen.request('POST', `/api/campaigns/${id}/start`)).status).toBe(200);
    expect(await progressOf(id, (p) => (p.campaign as { status: string }).status === 'running', 'progress after the start')).toMatchObject({ total: 2, pending: 2 });

    const contact = (await thomas.request<{ contact: Preview }>('POST', `/api/campaigns/${id}/next`)).body.contact;
    expect(contact.phone).toBe('+32470121212');
    expect(await progressOf(id, (p) => p.inProgress === 1, 'progress after the preview')).toMatchObject({ pending: 1, inProgress: 1 });

    // Dialling makes the conversation; dialling again finds the same one; nobody else can dial it.
    const dialled = await thomas.request<{ conversationId: string; state: string }>('POST', `/api/campaigns/${id}/contacts/${contact.id}/dial`);
    expect(dialled.status, dialled.text).toBe(200);
    expect(dialled.body.state).toBe('active');
    const first = dialled.body.conversationId;
    expect((await thomas.request<{ conversationId: string }>('POST', `/api/campaigns/${id}/contacts/${contact.id}/dial`)).body.conversationId).toBe(first);
    const stolen = await camille.request<{ error: { code: string } }>('POST', `/api/campaigns/${id}/contacts/${contact.id}/dial`);
    expect([stolen.status, stolen.body.error.code]).toEqual([409, 'CAMPAIGN_CONTACT_NOT_HELD']);
    // A dialled contact has a call: it is not skipped, it gets a result.
    const skip = await thomas.request<{ error: { code: string } }>('POST', `/api/campaigns/${id}/contacts/${contact.id}/skip`);
    expect([skip.status, skip.body.error.code]).toEqual([409, 'CAMPAIGN_CONTACT_DIALLED']);

    // In the agent's desktop: an active outbound voice conversation assigned to Thomas, with the contact's number.
    const mine = (await thomas.request<{ conversations: Details[] }>('GET', '/api/agent/conversations')).body.conversations;
    const call = mine.find((c) => c.id === first);
    expect(call).toMatchObject({ state: 'active', channel: 'voice', assignedAgentId: 'us_thomas', context: { direction: 'outbound', campaignId: id, campaignContactId: contact.id } });
    expect(call?.contact).toMatchObject({ identifier: '+32470121212', identifierKind: 'phone' });
    expect(call?.contact.pseudonym).toMatch(/\S/);

    // No answer: the attempt's result is the wrap-up code and the conversation is closed.
    expect((await thomas.request('POST', `/api/campaigns/${id}/contacts/${contact.id}/result`, { result: 'no_answer', note: 'voicemail vol' })).status).toBe(200);
    const closed = (await thomas.request<Details>('GET', `/api/conversations/${first}`)).body;
    expect(closed).toMatchObject({ state: 'closed', channel: 'voice', assignedAgentId: 'us_thomas', registration: { wrapUpCode: 'campaign:no_answer' }, context: { direction: 'outbound', campaignId: id } });
    expect(typeof closed.context.campaignAttemptId).toBe('string');
    const journal = (await thomas.request<{ events: WireEvent[] }>('GET', `/api/conversations/${first}/events`)).body.events;
    expect(journal.map((e) => e.type)).toEqual(['conversation.started', 'conversation.assigned', 'campaign.dialled', 'call.ended', 'conversation.closed']);
    expect(journal[0]!.data).toMatchObject({ channel: 'voice', direction: 'outbound', campaignId: id });
    expect(journal[4]!.data).toMatchObject({ wrapUpCode: 'campaign:no_answer', campaignResult: 'no_answer', attemptId: closed.context.campaignAttemptId });
    expect(JSON.stringify(journal)).not.toContain('+32470121212');
    expect((await thomas.request<{ conversations: Details[] }>('GET', '/api/agent/conversations')).body.conversations.some((c) => c.id === first)).toBe(false);
    expect(await progressOf(id, (p) => p.attempts === 1, 'progress after the result')).toMatchObject({ pending: 2, inProgress: 0, attempts: 1, byResult: { no_answer: 1 } });
    expect(thomasSocket.frames.some((f) => f.t === 'campaign.progress')).toBe(false);

    // The retry is due: a second call is a second conversation of the same contact, and its history shows the first.
    await server.running.app.deps.db.kysely.updateTable('campaign_contacts').set({ next_attempt_at: 1 }).where('id', '=', contact.id).execute();
    expect((await thomas.request<{ contact: Preview }>('POST', `/api/campaigns/${id}/next`)).body.contact.id).toBe(contact.id);
    const second = (await thomas.request<{ conversationId: string }>('POST', `/api/campaigns/${id}/contacts/${contact.id}/dial`)).body.conversationId;
    expect(second).not.toBe(first);
    const secondDetails = (await thomas.request<Details>('GET', `/api/conversations/${second}`)).body;
    expect(secondDetails.contact.id).toBe(closed.contact.id);
    const history = (await thomas.request<{ conversations: Array<{ id: string; channel: string; state: string; wrapUpCode: string | null; agentId: string }> }>('GET', `/api/conversations/${second}/history`)).body.conversations;
    expect(history).toEqual([expect.objectContaining({ id: first, channel: 'voice', state: 'closed', wrapUpCode: 'campaign:no_answer', agentId: 'us_thomas' })]);
    const reached = await thomas.request<{ contact: { status: string; attempts: number } }>('POST', `/api/campaigns/${id}/contacts/${contact.id}/result`, { result: 'reached' });
    expect(reached.body.contact).toMatchObject({ status: 'done', attempts: 2 });
    expect((await thomas.request<Details>('GET', `/api/conversations/${second}`)).body).toMatchObject({ state: 'closed', registration: { wrapUpCode: 'campaign:reached' } });
    const attempts = await server.running.app.deps.repos.campaigns.attemptsOf(id);
    expect(attempts.map((a) => [a.result, a.conversationId])).toEqual([
      ['no_answer', first],
      ['reached', second],
    ]);
    expect(await progressOf(id, (p) => p.done === 1, 'progress after the last result')).toMatchObject({ total: 2, done: 1, pending: 1, percentDone: 50, attempts: 2 });

    // Reports: two handled voice contacts for Thomas; no part of the inbound service level, and not "incomplete" either.
    const report = (await marleen.request<{ volume: { total: number; byChannel: { voice: Figure } }; byAgent: Record<string, Figure>; serviceLevel: Figure & { incompleteExcluded: number }; answerRate: Figure }>('GET', `/api/reports/lines/${BANK}`)).body;
    expect(report.volume.total).toBe(2);
    expect(report.volume.byChannel.voice.numerator).toBe(2);
    expect(report.byAgent.us_thomas?.denominator).toBe(2);
    expect(report.serviceLevel).toMatchObject({ denominator: 0, incompleteExcluded: 0 });
    expect(report.answerRate.denominator).toBe(0);
    // The results are the calls' wrap-up codes, grouped apart from the line's own codes.
    const wrapUps = (await marleen.request<{ wrapUps: { coded: number; codes: Array<Figure & { code: string; source: string }> } }>('GET', `/api/reports/lines/${BANK}`)).body.wrapUps;
    expect(wrapUps.coded).toBe(2);
    expect(wrapUps.codes.map((w) => [w.code, w.source, w.numerator])).toEqual([
      ['campaign:no_answer', 'campaign', 1],
      ['campaign:reached', 'campaign', 1],
    ]);
    const csv = await (await fetch(`${server.url}/api/reports/lines/${BANK}?format=csv`, { headers: { cookie: marleen.cookie } })).text();
    expect(csv).toContain('wrap_up,campaign:reached,0.5,1,2');
  });

  it("refuses the desktop close of a campaign call without a result (a line code cannot say whether to call again); a recorded result whose close was lost closes it with that result", async () => {
    const id = (await marleen.request<{ id: string }>('POST', '/api/campaigns', { lineId: BANK, name: 'Afsluiten' })).body.id;
    await marleen.request('POST', `/api/campaigns/${id}/contacts`, { csv: 'phone\n0470 11 22 33' });
    await marleen.request('POST', `/api/campaigns/${id}/start`);
    const contact = (await thomas.request<{ contact: Preview }>('POST', `/api/campaigns/${id}/next`)).body.contact;
    const conversationId = (await thomas.request<{ conversationId: string }>('POST', `/api/campaigns/${id}/contacts/${contact.id}/dial`)).body.conversationId;

    // The desktop's close with the line's "opgelost": refused, nothing changes.
    const refused = await thomas.request<{ error: { code: string; message: string } }>('POST', `/api/conversations/${conversationId}/close`, { wrapUpCode: 'opgelost' });
    expect([refused.status, refused.body.error.code]).toEqual([409, 'CAMPAIGN_RESULT_REQUIRED']);
    expect((await thomas.request<Details>('GET', `/api/conversations/${conversationId}`)).body).toMatchObject({ state: 'active', registration: { wrapUpCode: null } });
    expect(await server.running.app.deps.repos.campaigns.getContact(id, contact.id)).toMatchObject({ status: 'in_progress', attempts: 0, conversationId });
    expect(await server.running.app.deps.repos.campaigns.attemptsOf(id)).toEqual([]);

    // The result was stored but the process stopped before the close: the desktop's close uses that result.
    const repos = server.running.app.deps.repos.campaigns;
    await repos.insertAttempt({ id: 'ca_lost_close', campaignId: id, contactId: contact.id, agentId: 'us_thomas', result: 'callback_requested', note: null, at: Date.now(), conversationId });
    await repos.updateProgress(contact.id, { status: 'pending', attempts: 0, nextAttemptAt: Date.now() + 60_000, lastResult: 'callback_requested', agentId: null }, Date.now());
    const closed = await thomas.request('POST', `/api/conversations/${conversationId}/close`, { wrapUpCode: 'opgelost' });
    expect(closed.status, closed.text).toBe(200);
    const details = (await thomas.request<Details>('GET', `/api/conversations/${conversationId}`)).body;
    expect(details).toMatchObject({ state: 'closed', registration: { wrapUpCode: 'campaign:callback_requested' }, context: { campaignAttemptId: 'ca_lost_close' } });
    expect((await thomas.request<{ conversations: Details[] }>('GET', '/api/agent/conversations')).body.conversations.some((c) => c.id === conversationId)).toBe(false);

    // The line's code sent with the close is not kept: reports count the campaign result.
    const wrapUps = (await marleen.request<{ wrapUps: { codes: Array<{ code: string; source: string }> } }>('GET', `/api/reports/lines/${BANK}`)).body.wrapUps;
    expect(wrapUps.codes).toContainEqual(expect.objectContaining({ code: 'campaign:callback_requested', source: 'campaign' }));
    expect(wrapUps.codes.some((w) => w.code === 'opgelost')).toBe(false);
  });

  it('pushes campaign progress only to the roles that may read it: supervisors and admins, not security or special care', async () => {
    const karim = await StaffClient.login(server.url, 'karim@contactpunt.example'); // security + special care
    const beheer = await StaffClient.login(server.url, 'beheer@contactpunt.example'); // admin
    const [marleenSocket, karimSocket, beheerSocket] = await Promise.all([marleen.socket(), karim.socket(), beheer.socket()]);
    sockets.push(marleenSocket, karimSocket, beheerSocket);
    const id = (await marleen.request<{ id: string }>('POST', '/api/campaigns', { lineId: BANK, name: 'Alleen leiding' })).body.id;
    expect((await marleen.request('POST', `/api/campaigns/${id}/contacts`, { csv: 'phone\n0470 44 55 66' })).status).toBe(200);
    const isProgress = (f: Frame) => f.t === 'campaign.progress' && f.campaignId === id;
    await marleenSocket.next(isProgress, 5000, 'supervisor gets the progress');
    await beheerSocket.next(isProgress, 5000, 'admin gets the progress');
    // The same rule as the route: Karim may not read the progress over HTTP either.
    expect((await karim.request('GET', `/api/campaigns/${id}/progress`)).status).toBe(403);
    // Karim's socket is on the supervisors topic (an agent's status change published after the import reaches it), yet got no progress.
    expect((await thomas.request('PUT', '/api/agent/status', { status: 'away' })).status).toBe(200);
    await karimSocket.next((f: Frame) => f.t === 'agent.status' && f.agentId === thomas.agentId, 5000, 'security gets the supervisors topic');
    expect(karimSocket.frames.filter((f) => f.t === 'campaign.progress')).toEqual([]);
  });

  it('refuses to dial a number put on the do-not-call list after the preview, and a result without a dial still makes the conversation', async () => {
    const id = (await marleen.request<{ id: string }>('POST', '/api/campaigns', { lineId: BANK, name: 'Nabelactie' })).body.id;
    await marleen.request('POST', `/api/campaigns/${id}/contacts`, { csv: 'phone\n0470 56 56 56\n0470 78 78 78\n0470 89 89 89' });
    await marleen.request('POST', `/api/campaigns/${id}/start`);
    const contact = (await camille.request<{ contact: Preview }>('POST', `/api/campaigns/${id}/next`)).body.contact;
    await server.running.app.deps.repos.campaigns.addDoNotCall('tn_contactpunt', contact.phone, 'test', Date.now());
    const refused = await camille.request<{ error: { code: string } }>('POST', `/api/campaigns/${id}/contacts/${contact.id}/dial`);
    expect([refused.status, refused.body.error.code]).toEqual([409, 'CAMPAIGN_DO_NOT_CALL']);
    expect((await camille.request('POST', `/api/campaigns/${id}/contacts/${contact.id}/skip`)).status).toBe(204);

    // A link left without its conversation (the process stopped between the two writes): the next dial makes it under that id.
    const third = (await camille.request<{ contact: Preview }>('POST', `/api/campaigns/${id}/next`)).body.contact;
    expect(third.phone).toBe('+32470787878');
    await server.running.app.deps.db.kysely.updateTable('campaign_contacts').set({ conversation_id: 'cv_lost_link' }).where('id', '=', third.id).execute();
    expect((await camille.request<{ conversationId: string }>('POST', `/api/campaigns/${id}/contacts/${third.id}/dial`)).body.conversationId).toBe('cv_lost_link');
    expect((await camille.request('POST', `/api/campaigns/${id}/contacts/${third.id}/result`, { result: 'busy' })).status).toBe(200);
    expect((await camille.request<Details>('GET', '/api/conversations/cv_lost_link')).body).toMatchObject({ state: 'closed', registration: { wrapUpCode: 'campaign:busy' } });

    // The agent called from a desk phone and only records the result: the call is still a closed outbound conversation.
    const other = (await camille.request<{ contact: Preview }>('POST', `/api/campaigns/${id}/next`)).body.contact;
    expect(other.phone).toBe('+32470898989');
    expect((await camille.request('POST', `/api/campaigns/${id}/contacts/${other.id}/result`, { result: 'busy' })).status).toBe(200);
    const attempt = (await server.running.app.deps.repos.campaigns.attemptsOf(id)).find((a) => a.contactId === other.id);
    expect(attempt?.conversationId).toBeTruthy();
    const details = (await camille.request<Details>('GET', `/api/conversations/${attempt!.conversationId}`)).body;
    expect(details).toMatchObject({ state: 'closed', channel: 'voice', assignedAgentId: 'us_camille', registration: { wrapUpCode: 'campaign:busy' }, context: { direction: 'outbound' } });
  });

  it('a call placed by the softphone (TwiML app) is the same conversation: the provider hang-up puts it in wrap-up, the result closes it', async () => {
    const id = (await marleen.request<{ id: string }>('POST', '/api/campaigns', { lineId: BANK, name: 'Softphone' })).body.id;
    await marleen.request('POST', `/api/campaigns/${id}/contacts`, { csv: 'phone\n0470 90 90 90' });
    await marleen.request('POST', `/api/campaigns/${id}/start`);
    const contact = (await thomas.request<{ contact: Preview }>('POST', `/api/campaigns/${id}/next`)).body.contact;
    const stranger = new TwilioClient(server.url, 'outbound', undefined, 'client:us_camille');
    expect((await stranger.postTo('/api/voice/twilio/outbound', { CampaignId: id, ContactId: contact.id })).status).toBe(403);

    const softphone = new TwilioClient(server.url, 'outbound', undefined, `client:${thomas.agentId}`);
    const answer = await softphone.postTo('/api/voice/twilio/outbound', { CampaignId: id, ContactId: contact.id });
    expect(answer.status, answer.text).toBe(200);
    expect(checkTwiml(answer.text)).toEqual([]);
    const [dial] = readTwiml(answer.text);
    expect(dial).toMatchObject({ name: 'Dial', attributes: { action: `${TEST_PUBLIC_BASE_URL}/api/voice/twilio/${BANK}/dial-result` }, children: [{ name: 'Number', text: '+32470909090' }] });
    const held = await server.running.app.deps.repos.campaigns.getContact(id, contact.id);
    const conversationId = held?.conversationId;
    expect(conversationId).toBeTruthy();
    // The desktop's dial finds the conversation the softphone made.
    expect((await thomas.request<{ conversationId: string }>('POST', `/api/campaigns/${id}/contacts/${contact.id}/dial`)).body.conversationId).toBe(conversationId);

    expect((await softphone.postTo(`/api/voice/twilio/${BANK}/status`, { CallStatus: 'in-progress' })).status).toBe(204);
    expect((await softphone.postTo(`/api/voice/twilio/${BANK}/status`, { CallStatus: 'completed' })).status).toBe(204);
    expect((await thomas.request<Details>('GET', `/api/conversations/${conversationId}`)).body.state).toBe('wrap_up');
    expect((await thomas.request('POST', `/api/campaigns/${id}/contacts/${contact.id}/result`, { result: 'reached' })).status).toBe(200);
    expect((await thomas.request<Details>('GET', `/api/conversations/${conversationId}`)).body).toMatchObject({ state: 'closed', registration: { wrapUpCode: 'campaign:reached' } });
    const types = (await thomas.request<{ events: WireEvent[] }>('GET', `/api/conversations/${conversationId}/events`)).body.events.map((e) => e.type);
    expect(types.slice(0, 3)).toEqual(['conversation.started', 'conversation.assigned', 'campaign.dialled']);
    expect(types.slice(-2)).toEqual(['conversation.ended_by_customer', 'conversation.closed']);
    expect(types).not.toContain('call.ended');
  });
});
