import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaffClient, WidgetClient } from '../support/api-client.js';
import { testDialects } from '../support/databases.js';
import type { FrameSocket } from '../support/frame-socket.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const BANK = 'ln_bankzuid';
const KINDERLIJN = 'ln_kinderlijn';
const TENANT = 'tn_contactpunt';
/** Time-outs of 3 s instead of the policy's 10 minutes, so the test sees one end. */
const TIME_OUT_MINUTES = '0.05';

type Incident = { id: string; conversationId: string; kind: string; status: string; escalatedTo: string | null; agentId: string | null; evidence: { eventSeqs: number[]; detector?: { label: string; terms: Array<{ ruleId: string }> } }; followUp: { agentCare: { done: boolean } | null; customerContacted: boolean; policeReport: boolean } };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(testDialects())('the abuse policy in the conversation flow on %s', (dialect) => {
  let server: TestServer;
  let thomas: StaffClient;
  let karim: StaffClient;
  let thomasSocket: FrameSocket;

  beforeAll(async () => {
    server = await startTestServer(dialect, { SAFETY_TIMEOUT_MINUTES_OVERRIDE: TIME_OUT_MINUTES });
    thomas = await StaffClient.login(server.url, 'thomas@contactpunt.example');
    karim = await StaffClient.login(server.url, 'karim@contactpunt.example');
    thomasSocket = await thomas.socket();
    await thomasSocket.request({ t: 'status.set', status: 'available' });
  });

  afterAll(async () => {
    await thomasSocket?.close();
    await server?.stop();
  });

  /** A Dutch bank customer, accepted by Thomas; returns the widget client and its socket. */
  async function talkingToThomas(visitorId: string): Promise<{ customer: WidgetClient; socket: FrameSocket }> {
    const customer = await WidgetClient.start(server.url, BANK, { language: 'nl', visitorId });
    const socket = await customer.socket();
    await thomasSocket.next((f) => f.t === 'offer' && f.conversationId === customer.conversationId, 10_000, 'offer');
    await thomasSocket.request({ t: 'offer.accept', conversationId: customer.conversationId });
    await socket.event('conversation.assigned');
    return { customer, socket };
  }

  const stateOf = async (conversationId: string) => (await thomas.request<{ state: string }>('GET', `/api/conversations/${conversationId}`)).body.state;
  const incidents = async (query: string) => (await karim.request<{ incidents: Incident[] }>('GET', `/api/incidents${query}`)).body.incidents;

  it('warns on swearing, times out on more swearing, ends on a threat with an incident for security and agent care', async () => {
    const visitorId = 'visitor-angry-000001';
    const { customer, socket } = await talkingToThomas(visitorId);

    await socket.request({ t: 'message.send', conversationId: customer.conversationId, text: 'Wat een klootzak ben jij' });
    const warning = await socket.event('safety.warning');
    expect(warning.data).toMatchObject({ language: 'nl', text: expect.stringContaining('schelden accepteren we niet') });
    expect(warning.actor).toEqual({ kind: 'system' });
    await thomasSocket.event('message.flagged', (e) => e.conversationId === customer.conversationId);

    await socket.request({ t: 'message.send', conversationId: customer.conversationId, text: 'Kut bank, klootzakken allemaal' });
    const timedOut = await socket.event('safety.timed_out');
    const data = timedOut.data as { text: string; until: string; minutes: number };
    expect(data.text).toContain('We pauzeren dit gesprek');
    const until = Date.parse(data.until);
    expect(until).toBeGreaterThan(Date.now());
    expect(await stateOf(customer.conversationId)).toBe('timed_out');

    // While timed out nothing the customer writes is stored, over the socket or over HTTP.
    await expect(socket.request({ t: 'message.send', conversationId: customer.conversationId, text: 'Hallo??' })).rejects.toThrow(/CONVERSATION_TIMED_OUT: Dit gesprek is gepauzeerd tot/);
    const refused = await customer.request('POST', '/messages', { clientId: 'during-time-out', text: 'Hallo??' });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ error: { code: 'CONVERSATION_TIMED_OUT', retryable: true } });

    // After `until` the customer may go on, calmly; the time-out ends on that message.
    await sleep(Math.max(0, until - Date.now()) + 200);
    await socket.request({ t: 'message.send', conversationId: customer.conversationId, text: 'Sorry, ik was boos. Mijn kaart werkt niet.' });
    await socket.event('safety.time_out_ended');
    expect(await stateOf(customer.conversationId)).toBe('active');
    expect((await customer.request('POST', '/end')).status).toBe(200);
    expect((await thomas.request('POST', `/api/conversations/${customer.conversationId}/close`, { wrapUpCode: 'klacht' })).status).toBe(200);
    await socket.close();

    // The same person comes back and threatens the agent.
    const again = await talkingToThomas(visitorId);
    const threat = await again.socket.request({ t: 'message.send', conversationId: again.customer.conversationId, text: 'ik maak je af' });
    const closed = await again.socket.event('conversation.closed');
    expect(closed.data).toEqual({ reason: 'safety', message: 'We beëindigen dit gesprek.' });
    expect(await stateOf(again.customer.conversationId)).toBe('closed');
    await expect(again.socket.request({ t: 'message.send', conversationId: again.customer.conversationId, text: 'hallo?' })).rejects.toThrow(/CONVERSATION_ENDED/);

    const forSecurity = (await incidents('?escalatedTo=security')).filter((i) => i.conversationId === again.customer.conversationId);
    expect(forSecurity).toHaveLength(1);
    const incident = forSecurity[0]!;
    expect(incident).toMatchObject({ kind: 'threat', status: 'open', escalatedTo: 'security', agentId: 'us_thomas' });
    expect(incident.evidence.eventSeqs).toContain(threat.seq);
    expect(incident.evidence.detector).toMatchObject({ label: 'threat', terms: [expect.objectContaining({ ruleId: 'nl.threat.kill' })] });
    expect(incident.followUp).toEqual({ agentCare: expect.objectContaining({ agentId: 'us_thomas', done: false }), customerContacted: false, policeReport: false });

    // Staff see every action as an internal event; the customer saw none of them.
    const log = await karim.request<{ events: Array<{ type: string }> }>('GET', `/api/conversations/${again.customer.conversationId}/events?after=0`);
    expect(log.body.events.map((e) => e.type)).toEqual(expect.arrayContaining(['message.flagged', 'incident.opened', 'incident.escalated', 'incident.care_task_added', 'conversation.closed']));
    expect(again.socket.raw.join('\n')).not.toMatch(/incident\.|message\.flagged|nl\.threat/);
    await again.socket.close();
  });

  it('blocks a prank contact key on the anonymous line until the block expires, without revealing it', async () => {
    // Kinderlijn's own policy: a first block of 0.0025 h (9 s): long enough to check under a loaded
    // CI machine, short enough for the test to see it expire.
    const deps = server.running.app.deps;
    const line = deps.directory.line(KINDERLIJN);
    await deps.repos.lines.updateLine({ ...line, abusePolicy: { block: { prankHours: 0.0025 } } });
    const blockedAt = Date.now();
    await deps.directory.reloadTenant(TENANT);

    const visitorId = 'kid-prank-visitor-0042';
    const prank = await WidgetClient.start(server.url, KINDERLIJN, { visitorId });
    const socket = await prank.socket();
    await socket.request({ t: 'message.send', conversationId: prank.conversationId, text: 'wil je neuken?' });
    expect((await socket.event('conversation.closed')).data).toMatchObject({ reason: 'safety' });
    await socket.close();

    // The incident is written in the same screening turn; poll so a busy machine cannot race the read.
    let incident: Incident | undefined;
    for (let i = 0; i < 50 && !incident; i++) {
      incident = (await incidents('')).find((x) => x.conversationId === prank.conversationId);
      if (!incident) await sleep(100);
    }
    expect(incident).toMatchObject({ kind: 'sexual', status: 'open' });

    const blocked = await fetch(`${server.url}/api/widget/v1/lines/${KINDERLIJN}/conversations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ visitorId }) });
    const text = await blocked.text();
    expect(blocked.status).toBe(403);
    const refusal = JSON.parse(text) as { error: { code: string; message: string } };
    expect(refusal.error).toMatchObject({ code: 'CONTACT_BLOCKED', message: expect.stringContaining('niet mogelijk') });
    // Neutral: no key, no visitor id, no block id, no reason.
    expect(text).not.toContain(visitorId);
    expect(text).not.toMatch(/bl_|geblokkeerd|seks|neuken/i);

    // Someone else on the same line is not affected; the blocked key is again welcome after the expiry.
    const other = await WidgetClient.start(server.url, KINDERLIJN, { visitorId: 'kid-other-visitor-0043' });
    await other.request('POST', '/end');
    // Wait for the expiry the block itself recorded (it starts at the screening, after `blockedAt`).
    const events = await karim.request<{ events: Array<{ type: string; data: { until?: string | null } }> }>('GET', `/api/conversations/${prank.conversationId}/events?after=0`);
    const until = Date.parse(events.body.events.find((e) => e.type === 'contact.blocked')?.data.until ?? '');
    expect(until).toBeGreaterThan(blockedAt);
    expect(until).toBeLessThanOrEqual(Date.now() + 9_000);
    await sleep(Math.max(0, until + 300 - Date.now()));
    const back = await WidgetClient.start(server.url, KINDERLIJN, { visitorId });
    expect(back.conversationId).toMatch(/^cv_/);
    await back.request('POST', '/end');
  });

  it('puts an agent’s flag in the Special Care list for Karim and refuses the list to a plain agent', async () => {
    const { customer, socket } = await talkingToThomas('visitor-worrying-000003');
    const flagged = await thomas.request<{ incidentId: string; ended: boolean }>('POST', `/api/conversations/${customer.conversationId}/flag`, { reason: 'klant uit zich erg wanhopig, graag terugbellen', endConversation: true });
    expect(flagged.status).toBe(201);
    expect(flagged.body.ended).toBe(true);
    expect((await socket.event('conversation.closed')).data).toMatchObject({ reason: 'safety' });
    await socket.close();

    const list = await incidents('?escalatedTo=special_care');
    expect(list.map((i) => i.id)).toContain(flagged.body.incidentId);
    expect(list.find((i) => i.id === flagged.body.incidentId)).toMatchObject({ status: 'in_review', escalatedTo: 'special_care', conversationId: customer.conversationId });
    expect((await incidents('?escalatedTo=security')).map((i) => i.id)).not.toContain(flagged.body.incidentId);

    const forbidden = await thomas.request('GET', '/api/incidents?escalatedTo=special_care');
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect((await thomas.request('GET', '/api/incidents/export.csv')).status).toBe(403);

    const patched = await karim.request<Incident>('PATCH', `/api/incidents/${flagged.body.incidentId}`, { status: 'closed', followUp: { customerContacted: true } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ status: 'closed', followUp: { customerContacted: true, policeReport: false } });

    const year = new Date().getUTCFullYear();
    const csv = await fetch(`${server.url}/api/incidents/export.csv?year=${year}`, { headers: { cookie: karim.cookie } });
    const body = await csv.text();
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const total = Number(csv.headers.get('x-incident-count'));
    expect(total).toBeGreaterThanOrEqual(1);
    expect(body).toContain(flagged.body.incidentId);
    expect(body).toContain(`incidents_${year},${total}`);
  });

  it('validates manual safety actions against the policy', async () => {
    const { customer, socket } = await talkingToThomas('visitor-manual-000004');
    const tooLong = await thomas.request('POST', `/api/conversations/${customer.conversationId}/safety-action`, { kind: 'block', reason: 'herhaalde grappen', hours: 10_000 });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body).toMatchObject({ error: { code: 'SAFETY_ACTION_INVALID' } });
    const warned = await thomas.request('POST', `/api/conversations/${customer.conversationId}/safety-action`, { kind: 'warn', reason: 'onbeleefd' });
    expect(warned.status).toBe(200);
    expect((await socket.event('safety.warning')).actor).toEqual({ kind: 'agent', name: 'Thomas' });
    const ended = await thomas.request<{ incidentId: string }>('POST', `/api/conversations/${customer.conversationId}/safety-action`, { kind: 'end', reason: 'bleef schelden' });
    expect(ended.status).toBe(200);
    expect(ended.body.incidentId).toMatch(/^in_/);
    await socket.event('conversation.closed');
    await socket.close();
  });
});
