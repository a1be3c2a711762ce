import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRetention } from '../../src/app/privacy/retention.js';
import { contactKey, pseudonymFromKey } from '../../src/core/contact/pseudonym.js';
import { createRepositories } from '../../src/storage/index.js';
import { findInDatabase } from '../support/database-scan.js';
import { testDialects } from '../support/databases.js';
import { ManualClock, startInProcess, type InProcessServer } from '../support/in-process-server.js';

type User = { cookie: string; 'x-csrf-token': string; agentId: string };
const DAY = 86_400_000;
/** A Wednesday at 10:00 UTC, so lines with opening hours are open. */
const T0 = Date.parse('2026-11-25T10:00:00Z');

/** Everything one customer leaves behind, each piece with a unique mark the database scan looks for. */
function person(tag: string) {
  return {
    visitorId: `visitor-${tag}-0001`,
    name: `Name${tag}`,
    customerText: `Mijn kaart ${tag}MSG1 werkt niet meer`,
    agentText: `Ik blokkeer de kaart voor u ${tag}MSG2`,
    consentNote: `Doorverwezen naar de schuldhulp ${tag}NOTE`,
    flagReason: `Klant noemt adres ${tag}FLAG`,
    survey: `Heel erg bedankt, super geholpen ${tag}SURVEY`,
    notes: `Notitie over de klant ${tag}REG`,
    // Rows of later features that hold contact data without a contact column of their own.
    callerNumber: `+32470${tag}`,
    complaint: `Ik wacht al weken ${tag}COMPLAINT`,
    followUpNotes: `Teruggebeld op het privénummer ${tag}FOLLOWUP`,
    unanswered: `Kan ik mijn hypotheek ${tag}UNANSWERED`,
    gesture: `Bloemen naar het adres van de klant ${tag}GESTURE`,
    // A browser call's IVR state keeps what the caller keyed in.
    ivrDigits: `${tag}IVRDIGITS`,
  };
}
type Person = ReturnType<typeof person>;
const marks = (p: Person) => [p.visitorId, p.name, p.customerText, p.agentText, p.consentNote, p.flagReason, p.survey, p.notes, p.callerNumber, p.complaint, p.followUpNotes, p.unanswered, p.gesture, p.ivrDigits];

/**
 * What the voice, content and quality features keep about the conversation: the call with the
 * caller's number, the question the bot could not answer, a complaint follow-up with the
 * supervisor's notes (inserted as those features write them), and a gesture asked for through the API.
 */
async function laterFeatureTraces(server: InProcessServer, thomas: User, p: Person, conversationId: string): Promise<void> {
  const db = server.running.db.kysely;
  const now = server.running.app.deps.clock.now();
  const conversation = await db.selectFrom('conversations').select(['tenant_id', 'line_id', 'contact_id']).where('id', '=', conversationId).executeTakeFirstOrThrow();
  const base = { tenant_id: conversation.tenant_id, line_id: conversation.line_id, conversation_id: conversationId };
  await db.insertInto('voice_calls').values({ ...base, call_sid: `CA${randomBytes(16).toString('hex')}`, direction: 'inbound', caller_number: p.callerNumber, status: 'completed', ivr_state: null, created_at: now, updated_at: now }).execute();
  await db.insertInto('bot_unanswered').values({ ...base, id: `bu_${conversationId}`, language: 'nl', text: p.unanswered, reason: 'low_confidence', top_intent: null, top_confidence: null, status: 'open', resolved_intent: null, created_at: now, resolved_at: null }).execute();
  await db
    .insertInto('complaint_followups')
    .values({ ...base, id: `cf_${conversationId}`, contact_id: conversation.contact_id, agent_id: 'us_thomas', source: 'survey', nps: 2, comment: p.complaint, status: 'done', assignee_id: 'us_marleen', notes: p.followUpNotes, outcome: `${p.followUpNotes} outcome`, version: 2, created_at: now, updated_at: now })
    .execute();
  // Left behind by a crash between two writes (a running call's row normally goes when its conversation ends).
  const ivrState = { v: 1, waitingAt: 'menu', attempts: 0, data: { language: 'nl', variables: { customerNumber: p.ivrDigits }, choices: {}, skills: [], priority: null, voicemail: null, callback: null } };
  await db.insertInto('call_states').values({ conversation_id: conversationId, tenant_id: conversation.tenant_id, ivr_state: JSON.stringify(ivrState), ivr_deadline: now, ringing_since: null, ringing_from: null, consult_agent_id: null, consult_agent_name: null, updated_at: now }).execute();
  const gesture = await server.as(thomas, 'POST', '/api/gestures', { amountCents: 1500, reason: p.gesture, conversationId });
  expect(gesture.statusCode, gesture.body).toBe(201);
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A full conversation: customer message, accepted by Thomas, his reply, consent, flag, notes, close, survey. */
async function handledConversation(server: InProcessServer, thomas: User, p: Person, lineId = 'ln_bankzuid'): Promise<string> {
  const started = await server.inject({ method: 'POST', url: `/api/widget/v1/lines/${lineId}/conversations`, payload: { language: 'nl', visitorId: p.visitorId, name: p.name } });
  expect(started.statusCode, started.body).toBe(201);
  const { conversationId, token } = started.json<{ conversationId: string; token: string }>();
  const customer = { authorization: `Bearer ${token}` };
  expect((await server.inject({ method: 'POST', url: `/api/widget/v1/conversations/${conversationId}/messages`, headers: customer, payload: { clientId: 'm1', text: p.customerText } })).statusCode).toBe(201);
  await waitFor('offer', async () => {
    const response = await server.as(thomas, "GET", "/api/agent/work");
    if (response.statusCode !== 200) throw new Error(`agent work: ${response.statusCode} ${response.body}`);
    const work = response.json<{ offered: string[] }>();
    return work.offered.includes(conversationId) ? true : undefined;
  });
  expect((await server.as(thomas, 'POST', `/api/conversations/${conversationId}/accept`)).statusCode).toBe(200);
  expect((await server.as(thomas, 'POST', `/api/conversations/${conversationId}/messages`, { clientId: 'a1', text: p.agentText })).statusCode).toBe(201);
  expect((await server.as(thomas, 'POST', `/api/conversations/${conversationId}/consents`, { kind: 'referral', granted: true, note: p.consentNote })).statusCode).toBe(201);
  expect((await server.as(thomas, 'PUT', `/api/conversations/${conversationId}/notes`, { notes: p.notes })).statusCode).toBe(200);
  expect((await server.as(thomas, 'POST', `/api/conversations/${conversationId}/flag`, { reason: p.flagReason })).statusCode).toBe(201);
  const closed = await server.as(thomas, 'POST', `/api/conversations/${conversationId}/close`, { wrapUpCode: 'opgelost' });
  expect(closed.statusCode, closed.body).toBe(200);
  const survey = await server.inject({ method: 'POST', url: `/api/widget/v1/conversations/${conversationId}/survey`, headers: customer, payload: { nps: 10, helpfulness: 9, comment: p.survey } });
  expect(survey.statusCode, survey.body).toBe(201);
  await laterFeatureTraces(server, thomas, p, conversationId);
  return conversationId;
}

describe.each(testDialects())('privacy: erasure, export, consent and audit (%s)', (dialect) => {
  let server: InProcessServer;
  let thomas: User;
  let karim: User;
  const x = person('XERASE');
  const y = person('YKEEP');

  beforeAll(async () => {
    server = await startInProcess(dialect, { LOGINS_PER_MINUTE: '100' });
    thomas = await server.login('thomas@contactpunt.example');
    karim = await server.login('karim@contactpunt.example');
    expect((await server.as(thomas, 'PUT', '/api/agent/status', { status: 'available' })).statusCode).toBe(200);
    await handledConversation(server, thomas, x);
    await handledConversation(server, thomas, y);
    await handledConversation(server, thomas, { ...x, customerText: `Tweede gesprek ${x.customerText}` });
    // A block on the person's key (as the abuse policy would set it).
    const repos = createRepositories(server.running.db);
    for (const p of [x, y]) {
      const visitor = await server.running.db.kysely.selectFrom('contacts').select(['key']).where('identifier', '=', p.visitorId).executeTakeFirstOrThrow();
      await repos.blocks.insert({ id: `bl_${p.name}`, tenantId: 'tn_contactpunt', contactKey: visitor.key, lineId: 'ln_bankzuid', reason: `block ${p.name}`, decidedBy: { by: 'policy' }, createdAt: Date.now(), expiresAt: Date.now() + DAY, permanent: false });
    }
  });

  afterAll(async () => server?.stop());

  it("exports one contact's data as JSON, and the audit log records who exported it", async () => {
    const response = await server.as(karim, 'POST', '/api/privacy/contacts/export', { identifier: { kind: 'visitor', value: y.visitorId } });
    expect(response.statusCode, response.body).toBe(200);
    const data = response.json<{ contact: { identifier: string; displayName: string }; conversations: Array<{ events: Array<{ data: { text?: string } }> }>; surveys: unknown[]; consents: Array<{ kind: string; granted: boolean }>; blocks: unknown[] }>();
    expect(data.contact).toMatchObject({ identifier: y.visitorId, displayName: y.name });
    expect(data.conversations).toHaveLength(1);
    expect(data.conversations[0]!.events.map((e) => e.data.text)).toEqual(expect.arrayContaining([y.customerText, y.agentText]));
    expect(data.consents).toEqual([expect.objectContaining({ kind: 'referral', granted: true })]);
    expect(data.surveys).toHaveLength(1);
    expect(data.blocks).toHaveLength(1);
    expect(response.body).not.toContain(x.customerText);
    // What the voice, content and quality features keep about the person is in the export too.
    for (const mark of [y.callerNumber, y.complaint, y.followUpNotes, y.unanswered, y.gesture]) expect(response.body, mark).toContain(mark);
    expect(response.body).not.toContain(x.callerNumber);
    const audit = await server.as(karim, 'GET', '/api/security/audit?action=contact.exported');
    expect(audit.json<{ entries: Array<{ actorId: string; action: string; requestId: string }> }>().entries[0]).toMatchObject({ actorId: 'us_karim', action: 'contact.exported' });
    expect(audit.body).not.toContain(y.visitorId);
    expect((await server.as(thomas, 'GET', '/api/security/audit')).statusCode).toBe(403);
    expect((await server.as(thomas, 'POST', '/api/privacy/contacts/export', { contactKey: 'a'.repeat(64) })).statusCode).toBe(403);
  });

  it('records who opened which conversation', async () => {
    const supervisor = await server.login('marleen@contactpunt.example');
    const [conversation] = await server.running.db.kysely.selectFrom('conversations').select('id').limit(1).execute();
    expect((await server.as(supervisor, 'GET', `/api/conversations/${conversation!.id}`)).statusCode).toBe(200);
    const audit = await server.as(karim, 'GET', `/api/security/audit?action=conversation.opened&targetId=${conversation!.id}`);
    expect(audit.json<{ entries: unknown[] }>().entries).toEqual([expect.objectContaining({ actorId: 'us_marleen', targetKind: 'conversation', targetId: conversation!.id })]);
  });

  it('refuses to erase a contact with an open conversation, and an unknown one', async () => {
    const started = await server.inject({ method: 'POST', url: '/api/widget/v1/lines/ln_bankzuid/conversations', payload: { language: 'nl', visitorId: 'visitor-open-0001' } });
    expect(started.statusCode).toBe(201);
    const refused = await server.as(karim, 'POST', '/api/privacy/contacts/erase', { identifier: { kind: 'visitor', value: 'visitor-open-0001' } });
    expect([refused.statusCode, refused.json().error.code]).toEqual([409, 'PRIVACY_CONTACT_ACTIVE']);
    const unknown = await server.as(karim, 'POST', '/api/privacy/contacts/erase', { contactKey: 'f'.repeat(64) });
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([404, 'CONTACT_NOT_FOUND']);
    const invalid = await server.as(karim, 'POST', '/api/privacy/contacts/erase', { contactKey: 'not-a-key' });
    expect([invalid.statusCode, invalid.json().error.code]).toEqual([400, 'INVALID_INPUT']);
  });

  it("erases one contact: nothing of it is left in any table or column, and the other contact's data stays", async () => {
    const before = await findInDatabase(server.running.db, [...marks(x), ...marks(y)]);
    for (const mark of [...marks(x), ...marks(y)]) expect(before.some((f) => f.needle === mark), `${mark} stored before`).toBe(true);
    const key = (await server.running.db.kysely.selectFrom('contacts').select('key').where('identifier', '=', x.visitorId).executeTakeFirstOrThrow()).key;
    const erased = await server.as(karim, 'POST', '/api/privacy/contacts/erase', { identifier: { kind: 'visitor', value: x.visitorId } });
    expect(erased.statusCode, erased.body).toBe(200);
    expect(erased.json<{ erased: Record<string, number> }>().erased).toMatchObject({ conversations: 2, contacts: 1, contact_blocks: 1, survey_responses: 2 });
    const left = await findInDatabase(server.running.db, [...marks(x), key]);
    expect(left).toEqual([]);
    const kept = await findInDatabase(server.running.db, marks(y));
    for (const mark of marks(y)) expect(kept.some((f) => f.needle === mark), `${mark} kept`).toBe(true);
    // Incidents and compliments keep their row (figures, the agent's recognition) but not the text.
    expect(Number((await server.running.db.kysely.selectFrom('incidents').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBeGreaterThanOrEqual(3);
    // Gestures are spent budget: all three stay (two of them without the erased person's reason or conversation).
    const gestures = await server.running.db.kysely.selectFrom('gestures').select(['amount_cents', 'conversation_id']).execute();
    expect(gestures.map((g) => g.amount_cents)).toEqual([1500, 1500, 1500]);
    expect(gestures.filter((g) => g.conversation_id === null)).toHaveLength(2);
    const audit = await server.as(karim, 'GET', '/api/security/audit?action=contact.erased');
    expect(audit.json<{ entries: unknown[] }>().entries).toHaveLength(1);
    // A second request finds nothing to erase.
    expect((await server.as(karim, 'POST', '/api/privacy/contacts/erase', { identifier: { kind: 'visitor', value: x.visitorId } })).statusCode).toBe(404);
  });

  it("erases a caller's number also from calls that have no conversation and from campaign lists", async () => {
    const deps = server.running.app.deps;
    const number = '+32470999111';
    const key = contactKey(deps.directory.tenant('tn_contactpunt').secret, 'phone', number);
    await deps.repos.contacts.insertOrGet({ id: 'ct_caller_erase', tenantId: 'tn_contactpunt', key, pseudonym: pseudonymFromKey(key), identifierKind: 'phone', identifier: number, displayName: null }, Date.now());
    const call = (callerNumber: string) => ({
      call_sid: `CA${randomBytes(16).toString('hex')}`, tenant_id: 'tn_contactpunt', line_id: 'ln_bankzuid', conversation_id: null, direction: 'outbound', caller_number: callerNumber, status: 'completed', ivr_state: null, created_at: Date.now(), updated_at: Date.now(),
    });
    await server.running.db.kysely.insertInto('voice_calls').values([call(number), call('+32470999222')]).execute();
    // The same number on an outbound campaign's list, with a name and a reference.
    await server.running.db.kysely.insertInto('campaigns').values({ id: 'cp_erase', tenant_id: 'tn_contactpunt', line_id: 'ln_bankzuid', name: 'Erase test', status: 'draft', max_attempts: 3, retry_delay_minutes: 60, default_country: 'BE', created_by: null, created_at: Date.now() }).execute();
    const listed = (id: string, phone: string, name: string) => ({ id, campaign_id: 'cp_erase', tenant_id: 'tn_contactpunt', row_number: 2, phone, name, reference: `${name}-REF`, status: 'done', attempts: 1, next_attempt_at: 0, last_result: 'reached', agent_id: null, updated_at: Date.now() });
    await server.running.db.kysely.insertInto('campaign_contacts').values([listed('cc_erase', number, 'CAMPAIGNERASENAME'), listed('cc_keep', '+32470999222', 'CAMPAIGNKEEPNAME')]).execute();
    const exported = await server.as(karim, 'POST', '/api/privacy/contacts/export', { identifier: { kind: 'phone', value: number } });
    expect(exported.json<{ calls: unknown[]; campaignLists: Array<{ name: string }> }>()).toMatchObject({ calls: [expect.objectContaining({ callerNumber: number })], campaignLists: [expect.objectContaining({ name: 'CAMPAIGNERASENAME' })] });
    const erased = await server.as(karim, 'POST', '/api/privacy/contacts/erase', { identifier: { kind: 'phone', value: number } });
    expect(erased.statusCode, erased.body).toBe(200);
    expect(erased.json<{ erased: Record<string, number> }>().erased).toMatchObject({ voice_calls: 1, campaign_contacts: 1, contacts: 1 });
    expect(await findInDatabase(server.running.db, [number, 'CAMPAIGNERASENAME'])).toEqual([]);
    expect((await findInDatabase(server.running.db, ['+32470999222'])).length).toBeGreaterThan(1);
    expect((await findInDatabase(server.running.db, ['CAMPAIGNKEEPNAME'])).length).toBeGreaterThan(0);
  });
});

describe.each(testDialects())('privacy: retention per line (%s)', (dialect) => {
  let server: InProcessServer;
  let thomas: User;
  let admin: User;
  const clock = new ManualClock(T0);
  const old = person('ROLDDEL');
  const anon = person('RANON');
  const recent = person('RRECENT');

  beforeAll(async () => {
    server = await startInProcess(dialect, { LOGINS_PER_MINUTE: '100' }, { clock });
    thomas = await server.login('thomas@contactpunt.example');
    admin = await server.login('beheer@contactpunt.example');
    expect((await server.as(thomas, 'PUT', '/api/agent/status', { status: 'available' })).statusCode).toBe(200);
  });

  afterAll(async () => server?.stop());

  /** Moving the clock by days ends every session (12 h lifetime): log in again. */
  async function advanceDays(days: number) {
    clock.advance(days * DAY);
    thomas = await server.login('thomas@contactpunt.example');
    admin = await server.login('beheer@contactpunt.example');
    expect((await server.as(thomas, 'PUT', '/api/agent/status', { status: 'available' })).statusCode).toBe(200);
  }

  async function setRetention(lineId: string, retention: unknown) {
    const config = (await server.as(admin, 'GET', '/api/admin/config')).json<{ lines: Array<Record<string, unknown>> }>();
    const { id: _id, tenantId: _t, clientId: _c, ...line } = config.lines.find((l) => l.id === lineId)!;
    return server.as(admin, 'PUT', `/api/admin/lines/${lineId}`, { ...line, retention });
  }

  it('validates the retention setting in the admin API', async () => {
    for (const bad of [{ days: 0, mode: 'delete' }, { days: 30, mode: 'shred' }, { days: 1.5, mode: 'delete' }, { days: 30 }, { days: 30, mode: 'delete', extra: 1 }]) {
      const response = await setRetention('ln_bankzuid', bad);
      expect([JSON.stringify(bad), response.statusCode, response.json().error.code]).toEqual([JSON.stringify(bad), 400, 'INVALID_INPUT']);
    }
    expect((await setRetention('ln_bankzuid', { days: 30, mode: 'delete' })).statusCode).toBe(200);
    expect(server.running.app.deps.directory.line('ln_bankzuid').retention).toEqual({ days: 30, mode: 'delete' });
  });

  it('deletes or anonymises closed conversations older than the line keeps them, once, on one node at a time', async () => {
    expect((await setRetention('ln_bankzuid', { days: 30, mode: 'anonymise' })).statusCode).toBe(200);
    await handledConversation(server, thomas, anon);
    expect((await setRetention('ln_bankzuid', { days: 30, mode: 'delete' })).statusCode).toBe(200);
    await handledConversation(server, thomas, old);
    await advanceDays(20);
    await handledConversation(server, thomas, recent);
    await advanceDays(11);
    const deps = server.running.app.deps;

    // The anonymise line setting applies to the conversation of `anon` when it runs: give it its own line setting first.
    expect((await setRetention('ln_bankzuid', { days: 30, mode: 'anonymise' })).statusCode).toBe(200);
    const anonId = (await server.running.db.kysely.selectFrom('conversations as c').innerJoin('contacts as k', 'k.id', 'c.contact_id').select('c.id').where('k.identifier', '=', anon.visitorId).executeTakeFirstOrThrow()).id;
    const oldId = (await server.running.db.kysely.selectFrom('conversations as c').innerJoin('contacts as k', 'k.id', 'c.contact_id').select('c.id').where('k.identifier', '=', old.visitorId).executeTakeFirstOrThrow()).id;
    // Two nodes at once: the lease lets exactly one of them run.
    const [first, second] = await Promise.all([runRetention(deps, 'node-a'), runRetention(deps, 'node-b')]);
    expect([first.ran, second.ran].filter(Boolean)).toHaveLength(1);
    expect(first.anonymised + second.anonymised).toBe(2);

    // Now delete mode: the already anonymised ones are old too, and go entirely.
    expect((await setRetention('ln_bankzuid', { days: 30, mode: 'delete' })).statusCode).toBe(200);
    const deleted = await runRetention(deps, 'node-a');
    expect(deleted).toMatchObject({ ran: true, deleted: 2 });
    expect(await runRetention(deps, 'node-b')).toMatchObject({ ran: true, deleted: 0, anonymised: 0 });

    expect(await findInDatabase(server.running.db, [...marks(old), ...marks(anon)])).toEqual([]);
    const kept = await findInDatabase(server.running.db, marks(recent));
    for (const mark of marks(recent)) expect(kept.some((f) => f.needle === mark), `${mark} kept`).toBe(true);
    expect(await server.running.db.kysely.selectFrom('conversations').select('id').where('id', 'in', [anonId, oldId]).execute()).toEqual([]);
  });

  it('anonymises in place: the conversation stays for the figures, its texts and identifiers do not', async () => {
    const deps = server.running.app.deps;
    const subject = person('RANON2');
    await handledConversation(server, thomas, subject);
    await advanceDays(31);
    expect((await setRetention('ln_bankzuid', { days: 30, mode: 'anonymise' })).statusCode).toBe(200);
    const result = await runRetention(deps, 'node-a');
    expect(result.anonymised).toBeGreaterThanOrEqual(1);
    expect(await findInDatabase(server.running.db, marks(subject))).toEqual([]);
    const rows = await server.running.db.kysely.selectFrom('conversations').select(['id', 'anonymised_at', 'state']).where('anonymised_at', 'is not', null).execute();
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(rows.every((r) => r.state === 'closed')).toBe(true);
    // Idempotent: a second run finds nothing left to do.
    expect(await runRetention(deps, 'node-b')).toMatchObject({ ran: true, anonymised: 0, deleted: 0 });
    const audit = await server.as(admin, 'GET', '/api/security/audit?action=retention.ran');
    expect(audit.json<{ entries: unknown[] }>().entries.length).toBeGreaterThanOrEqual(2);
  });
});
