import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegisteredRoute } from '../../src/http/route-registry.js';
import { startInProcess, type InProcessServer } from '../support/in-process-server.js';
import { testDialects } from '../support/databases.js';
import { seedSecondTenant, TENANT_B, TENANT_B_MARK, tenantBRows } from '../support/second-tenant.js';

/**
 * Tenant isolation, role checks and CSRF on every registered route. The routes come from
 * Fastify's registry, so a route added later is checked the day it exists: it must either
 * require a session with roles, or be on the public allowlist below.
 */
const PUBLIC_ROUTES = new Set([
  'GET /health',
  'GET /ready',
  'GET /metrics',
  'GET /api/openapi.json',
  'GET /widget.js',
  'GET /demo',
  'GET /demo/kinderlijn',
  'POST /api/auth/login',
  'GET /*',
  // Served to the telephony provider while a caller waits: a fixed tone file, nothing of any tenant.
  'GET /voice/hold-music.wav',
  // Twilio-style voice webhooks: no session, but every request must carry a valid X-Twilio-Signature
  // (HMAC-SHA1 with TWILIO_AUTH_TOKEN over PUBLIC_BASE_URL + path + the sorted form fields), checked
  // before validation; without TWILIO_AUTH_TOKEN they refuse everything. The fuzz test covers them.
  'POST /api/voice/twilio/:lineId/incoming',
  'POST /api/voice/twilio/:lineId/gather',
  'POST /api/voice/twilio/:lineId/record',
  'POST /api/voice/twilio/:lineId/hold',
  'POST /api/voice/twilio/:lineId/hold-input',
  'POST /api/voice/twilio/:lineId/queue-result',
  'POST /api/voice/twilio/:lineId/dial-result',
  'POST /api/voice/twilio/:lineId/status',
  // The softphone's outbound leg, requested by the provider: same X-Twilio-Signature check as above.
  'POST /api/voice/twilio/outbound',
  // WhatsApp Cloud API: the GET handshake needs WHATSAPP_VERIFY_TOKEN, every POST a valid X-Hub-Signature-256 (app secret).
  'GET /api/channels/whatsapp/webhook',
  'POST /api/channels/whatsapp/webhook',
  // Inbound mail from a provider: bearer EMAIL_INBOUND_WEBHOOK_SECRET (refused when unset).
  'POST /api/channels/email/inbound',
]);
/** The widget API authenticates with the conversation token instead (checked separately below). */
const isWidgetRoute = (r: RegisteredRoute) => r.url.startsWith('/api/widget/v1/');
/** The built web app's files (one route per file when dist/web exists): public by nature, never under /api. */
const isStaticFile = (r: RegisteredRoute) => r.method === 'GET' && (r.url === '/' || /^\/(?!api\/)[\w./-]+\.(html|js|css|svg|png|ico|woff2?|map|txt|webmanifest)$/.test(r.url));
/** Ends the caller's own session; it names nothing of anyone else. */
const SELF_ONLY = new Set(['POST /api/auth/logout']);

const B = TENANT_B;
const B_PARAMS: Record<string, string> = {
  conversationId: B.conversationId,
  lineId: B.lineId,
  agentId: B.agentId,
  incidentId: B.incidentId,
  articleId: B.articleId,
  complimentId: B.complimentId,
  intentId: B.intentId,
  team: B.team,
  // Tenant B's article has a version 1 in its history.
  version: '1',
};
const ID_PARAM_BY_PREFIX: Array<[string, string]> = [
  ['/api/admin/lines/', B.lineId],
  ['/api/admin/queues/', B.queueId],
  ['/api/admin/agents/', B.agentId],
  ['/api/content/unanswered/', B.unansweredId],
  ['/api/content/utterances/', B.utteranceId],
  ['/api/complaints/', B.followUpId],
  ['/api/ideas/', B.ideaId],
  ['/api/awards/', B.awardId],
  ['/api/badge-rules/', B.badgeRuleId],
  ['/api/gestures/', B.gestureId],
];

const label = { nl: 'x' };
const lineBody = (extra: Record<string, unknown> = {}) => ({
  name: 'Iso line', channels: ['chat'], languages: ['nl'], anonymous: false, openingHours: null, taxonomy: [], phases: [{ id: 'contact', label }], wrapUpCodes: [],
  defaultQueueId: B.queueId, topicQueues: {}, ...extra,
});
const agentBody = (extra: Record<string, unknown> = {}) => ({
  email: `iso-${Math.random().toString(36).slice(2)}@contactpunt.example`, name: 'Iso', roles: ['agent'], skills: [], queueIds: [], capacity: { voice: 1, chat: 2, email: 1, whatsapp: 1 },
  password: 'iso-password-123', ...extra,
});
const queueBody = (extra: Record<string, unknown> = {}) => ({ lineId: B.lineId, name: 'Iso queue', skills: [], priority: 0, serviceLevelSeconds: 20, serviceLevelPercent: 80, overflow: null, ...extra });

/**
 * Requests aimed at tenant B for every route that takes a body or query: each names B's ids where
 * the route takes an id. A route with a body that is missing here fails the test (it would be
 * refused by validation before any tenant check, proving nothing).
 */
const ivrFlow = (queueId: string) => ({ languages: ['nl'], defaultLanguage: 'nl', start: 'welkom', nodes: { welkom: { type: 'message', prompt: { nl: 'Welkom.' }, next: 'wachtrij' }, wachtrij: { type: 'enqueue', queueId } } });
const thisYear = new Date().getUTCFullYear();
/** An open award of tenant A (inserted in beforeAll), to nominate and vote for B's agent in. */
const A_AWARD_ID = 'aw_a_iso';
const thisMonth = new Date().toISOString().slice(0, 7);
/** `params` puts tenant A's own id in the path, so the body's references to B's objects are what is tested. */
const REQUESTS: Record<string, Array<{ body?: unknown; query?: string; params?: Record<string, string> }>> = {
  'PUT /api/agent/status': [{ body: { status: 'away' } }],
  'PUT /api/supervisor/agents/:agentId/status': [{ body: { status: 'away' } }],
  'PUT /api/supervisor/agents/:agentId/queues': [{ body: { queueIds: [B.queueId] } }],
  'POST /api/conversations/:conversationId/messages': [{ body: { clientId: 'iso-1', text: 'hello' } }, { body: { clientId: 'iso-2', text: 'note', internal: true } }],
  'POST /api/conversations/:conversationId/topics': [{ body: { topicId: 'b_topic' } }],
  'DELETE /api/conversations/:conversationId/topics': [{ body: { topicId: 'b_topic' } }],
  'PUT /api/conversations/:conversationId/phase': [{ body: { phaseId: 'contact' } }],
  'PUT /api/conversations/:conversationId/wrap-up': [{ body: { code: 'opgelost' } }],
  'PUT /api/conversations/:conversationId/notes': [{ body: { notes: 'iso notes' } }],
  'POST /api/conversations/:conversationId/transfer': [{ body: { toQueueId: B.queueId } }, { body: { toAgentId: B.agentId } }],
  'POST /api/conversations/:conversationId/close': [{ body: {} }],
  // Phone-line call controls: tenant B's conversation (with B's voice call row) is never reached, so the provider is never asked.
  'POST /api/conversations/:conversationId/phone/hold': [{ body: {} }],
  'POST /api/conversations/:conversationId/phone/resume': [{ body: {} }],
  'POST /api/conversations/:conversationId/phone/hangup': [{ body: {} }],
  'POST /api/conversations/:conversationId/phone/transfer': [{ body: { toQueueId: B.queueId } }, { body: { toAgentId: B.agentId } }, { body: { toNumber: '+3225550199' } }],
  // Warm transfer of a phone-line call: neither B's conversation nor B's colleague is reached (nothing goes to the provider).
  'POST /api/conversations/:conversationId/phone/consult': [{ body: { toAgentId: B.agentId } }, { body: { toAgentId: B.agentId, note: 'iso' } }, { body: { toNumber: '+3225550999' } }],
  'POST /api/conversations/:conversationId/phone/consult/complete': [{ body: {} }, { body: { note: 'iso' } }, { body: { callerConsent: true } }],
  'POST /api/conversations/:conversationId/phone/consult/cancel': [{ body: {} }],
  'POST /api/conversations/:conversationId/flag': [{ body: { reason: 'isolation test', endConversation: true } }],
  'POST /api/conversations/:conversationId/safety-action': [{ body: { kind: 'block', reason: 'isolation test', hours: 1 } }],
  'POST /api/conversations/:conversationId/consents': [{ body: { kind: 'referral', granted: true } }],
  'PATCH /api/incidents/:incidentId': [{ body: { status: 'closed', followUp: { policeReport: true } } }],
  'PUT /api/knowledge/articles/:articleId': [
    { body: { lineId: 'ln_bankzuid', language: 'nl', title: 'Iso', body: 'Iso', topicId: 'kaart', visibility: 'internal', version: 99 } },
    { body: { lineId: B.lineId, language: 'nl', title: 'Iso', body: 'Iso', topicId: 'b_topic', visibility: 'internal', version: 99 } },
  ],
  // Article history (wip/versions): B's article and its version 1 in the path.
  'POST /api/knowledge/articles/:articleId/versions/:version/restore': [{ body: { currentVersion: 1 } }, { body: { currentVersion: 1, note: 'iso restore' } }],
  'GET /api/knowledge/articles/:articleId/diff': [{ query: '?from=1' }, { query: '?from=1&to=1' }],
  'GET /api/knowledge/search': [{ query: `?lineId=${B.lineId}&q=${TENANT_B_MARK}` }, { query: `?lineId=ln_bankzuid&q=${TENANT_B_MARK}` }],
  'GET /api/conversations/:conversationId/events': [{ query: '?after=0' }],
  'GET /api/incidents/export.csv': [{ query: `?year=${new Date().getUTCFullYear()}` }],
  'GET /api/security/audit': [{ query: '' }, { query: `?targetId=${B.conversationId}` }],
  'POST /api/compliments': [{ body: { agentId: B.agentId, text: 'iso compliment' } }],
  'PUT /api/agent/compliments/:complimentId': [{ body: { shareWithTeam: false } }],
  'POST /api/admin/lines': [{ body: lineBody() }, { body: lineBody({ id: B.lineId, defaultQueueId: 'qu_bank' }) }, { body: lineBody({ defaultQueueId: 'qu_bank', topicQueues: { x: B.queueId } }) }],
  'PUT /api/admin/lines/:id': [{ body: lineBody() }, { body: lineBody({ voice: { accountSid: `AC${'0c'.repeat(16)}`, authToken: 'iso-token-123456', callerId: '+3225550123' } }) }],
  'POST /api/admin/queues': [{ body: queueBody() }, { body: queueBody({ id: B.queueId, lineId: 'ln_bankzuid' }) }, { body: queueBody({ lineId: 'ln_bankzuid', overflow: { afterSeconds: 10, toQueueId: B.queueId } }) }],
  'PUT /api/admin/queues/:id': [{ body: queueBody({ lineId: 'ln_bankzuid' }) }],
  'POST /api/admin/agents': [{ body: agentBody({ queueIds: [B.queueId] }) }, { body: agentBody({ id: B.agentId }) }, { body: agentBody({ email: `${B.agentId}@tenant-b.example` }) }],
  'PUT /api/admin/agents/:id': [{ body: agentBody() }],
  'POST /api/privacy/contacts/export': [{ body: { contactKey: 'b'.repeat(64) } }, { body: { identifier: { kind: 'visitor', value: `${TENANT_B_MARK}-visitor` } } }],
  'POST /api/privacy/contacts/erase': [{ body: { contactKey: 'b'.repeat(64) } }],
  'POST /api/knowledge/helpdesk': [
    { body: { lineId: B.lineId, language: 'nl', question: `${TENANT_B_MARK} article` } },
    { body: { lineId: 'ln_bankzuid', language: 'nl', question: `${TENANT_B_MARK} article body` } },
  ],
  'GET /api/reports/lines/:lineId': [{ query: '' }, { query: '?format=csv' }],
  'GET /api/content/lines/:lineId/unanswered': [{ query: '?status=open' }],
  'GET /api/content/lines/:lineId/utterances': [{ query: '' }],
  'PUT /api/content/lines/:lineId/bot': [{ body: { enabled: false, greeting: { nl: 'iso greeting' } } }],
  'PUT /api/content/lines/:lineId/bot/intents/:intentId': [
    { body: { examples: { nl: ['iso example'] }, answer: { nl: 'iso answer' } } },
    { params: { lineId: 'ln_bankzuid', intentId: 'iso_intent' }, body: { examples: { nl: ['iso example'] }, answer: { nl: 'iso answer' }, articleId: B.articleId } },
    { params: { lineId: 'ln_bankzuid', intentId: 'iso_intent' }, body: { examples: { nl: ['iso example'] }, answer: { nl: 'iso answer' }, handover: { queueId: B.queueId } } },
  ],
  'DELETE /api/content/lines/:lineId/bot/intents/:intentId': [{}],
  'POST /api/content/lines/:lineId/bot/test': [{ body: { language: 'nl', text: `${TENANT_B_MARK} example` } }, { params: { lineId: 'ln_bankzuid' }, body: { language: 'nl', text: `${TENANT_B_MARK} example` } }],
  'POST /api/content/unanswered/:id/resolve': [{ body: { intentId: B.intentId } }],
  'POST /api/content/unanswered/:id/dismiss': [{}],
  'POST /api/content/lines/:lineId/imports': [{ body: { format: 'csv', language: 'nl', content: `conversation_id,speaker,text\niso-1,customer,${TENANT_B_MARK} iso question\n` } }],
  'PUT /api/content/utterances/:id': [{ body: { intent: B.intentId } }, { body: { intent: null } }],
  'PATCH /api/complaints/:id': [{ body: { version: 1, status: 'done', outcome: 'iso outcome' } }, { body: { version: 1, notes: 'iso notes' } }],
  'POST /api/ideas': [{ body: { title: 'Iso idea', body: 'iso' } }],
  'PUT /api/ideas/:id/support': [{}],
  'DELETE /api/ideas/:id/support': [{}],
  'PATCH /api/ideas/:id': [{ body: { version: 1, status: 'declined', reply: 'iso reply' } }],
  'POST /api/roundtables': [{ body: { heldOn: `${thisYear}-01-15`, notes: 'iso round table', ideaIds: [B.ideaId] } }],
  'POST /api/awards': [{ body: { title: 'Iso award', description: 'iso' } }],
  'POST /api/awards/:id/nominations': [{ body: { nomineeId: B.agentId, reason: 'iso reason' } }, { params: { id: A_AWARD_ID }, body: { nomineeId: B.agentId, reason: 'iso reason' } }],
  'PUT /api/awards/:id/vote': [{ body: { nomineeId: B.agentId } }, { params: { id: A_AWARD_ID }, body: { nomineeId: B.agentId } }],
  'POST /api/awards/:id/close': [{}],
  'POST /api/badge-rules': [{ body: { badge: 'iso badge', minResponses: 1 } }],
  'PATCH /api/badge-rules/:id': [{ body: { active: false } }],
  'POST /api/badges/evaluate': [{ body: { month: thisMonth } }],
  'GET /api/badges': [{ query: '?all=true' }],
  'PUT /api/gestures/budgets/:team': [{ body: { year: thisYear, amountCents: 1 } }],
  'GET /api/gestures/budgets': [{ query: `?year=${thisYear}` }],
  'GET /api/gestures': [{ query: `?year=${thisYear}` }],
  'POST /api/gestures': [{ body: { amountCents: 100, reason: 'iso gesture', conversationId: B.conversationId } }],
  'PATCH /api/gestures/:id': [{ body: { version: 1, status: 'approved' } }, { body: { version: 1, status: 'rejected', note: 'iso' } }],
  // The IVR editor's API (wip/ivr): B's line in the path, or A's line with a flow that queues to B's queue.
  'PUT /api/admin/lines/:id/ivr': [
    { body: { flow: ivrFlow(B.queueId) } },
    { params: { id: 'ln_energienoord' }, body: { flow: ivrFlow(B.queueId) } },
  ],
  'POST /api/admin/lines/:id/ivr/validate': [{ body: { flow: ivrFlow(B.queueId) } }, { params: { id: 'ln_energienoord' }, body: { flow: ivrFlow(B.queueId) } }],
  // Outbound campaigns and the pop-up seat: B's line, agent and conversation in bodies; unknown (B-side) ids in paths.
  'POST /api/campaigns': [{ body: { lineId: B.lineId, name: 'Iso campaign' } }],
  'POST /api/campaigns/:campaignId/contacts': [{ body: { csv: `phone,name\n+32470000001,${TENANT_B_MARK}\n` } }],
  'POST /api/campaigns/:campaignId/start': [{}],
  'POST /api/campaigns/:campaignId/pause': [{}],
  'POST /api/campaigns/:campaignId/next': [{}],
  'POST /api/campaigns/:campaignId/contacts/:contactId/skip': [{}],
  'POST /api/campaigns/:campaignId/contacts/:contactId/dial': [{}],
  'POST /api/campaigns/:campaignId/contacts/:contactId/result': [{ body: { result: 'reached', note: 'iso' } }],
  'POST /api/popup-seat/line-calls': [{ body: { lineId: B.lineId } }],
  'POST /api/popup-seat/line-calls/:callId/keys': [{ body: { digits: '1' } }],
  'POST /api/popup-seat/line-calls/:callId/hang-up': [{}],
  'POST /api/popup-seat/thank-you-calls': [{ body: { agentId: B.agentId } }],
  'POST /api/popup-seat/thank-you-calls/:callId/note': [{ body: { text: 'iso thanks' } }],
  'PUT /api/popup-seat/settings': [{ body: { revealCallerBeforeAnswer: true } }],
  'POST /api/conversations/:conversationId/attachments': [{ body: { filename: 'iso.pdf', contentType: 'application/pdf', contentBase64: Buffer.from('%PDF-1.4 iso').toString('base64') } }],
  'POST /api/conversations/:conversationId/templates': [{ body: { clientId: 'iso-t1', name: 'iso_template', parameters: [] } }],
  'GET /api/staffing/lines/:lineId': [{ query: `?day=${new Date().toISOString().slice(0, 10)}` }],
};

/** Ids as JSON strings (so `qu_b` does not match `qu_bank`), and the mark every B name and text carries. */
const LEAK_MARKERS = [
  TENANT_B_MARK,
  '"us_b_',
  'b'.repeat(64),
  ...[B.tenantId, B.conversationId, B.lineId, B.queueId, B.incidentId, B.articleId, B.complimentId, B.contactId, B.intentId, B.unansweredId, B.utteranceId, B.followUpId, B.ideaId, B.awardId, B.badgeRuleId, B.gestureId].map((id) => `"${id}"`),
];

function pathFor(route: RegisteredRoute, params: Record<string, string> = {}): string {
  const url = route.url.replace(/:(\w+)/g, (m, name: string) => params[name] ?? m);
  for (const [prefix, id] of ID_PARAM_BY_PREFIX) if (url.startsWith(prefix) && url.includes(':id')) return url.replace(':id', id);
  return url.replace(/:(\w+)/g, (_m, name: string) => B_PARAMS[name] ?? `unknown-${name}`);
}

const USERS = [
  ['agent', 'thomas', ['agent']],
  ['supervisor', 'marleen', ['supervisor', 'agent']],
  ['admin', 'beheer', ['admin']],
  ['security', 'karim', ['security', 'special_care']],
  ['content manager', 'ines', ['content_manager']],
  ['executive', 'directie', ['executive', 'agent']],
] as const;

describe.each(testDialects())('tenant isolation, roles and CSRF on every route (%s)', (dialect) => {
  let server: InProcessServer;
  let routes: RegisteredRoute[];
  const sessions = new Map<string, { cookie: string; 'x-csrf-token': string }>();

  beforeAll(async () => {
    server = await startInProcess(dialect, { LOGINS_PER_MINUTE: '100' }, { prepare: (db) => seedSecondTenant(db) });
    routes = server.running.server.registeredRoutes();
    await server.running.db.kysely
      .insertInto('awards')
      .values({ id: A_AWARD_ID, tenant_id: 'tn_contactpunt', title: 'Iso award of A', description: '', status: 'open', created_by: 'us_marleen', created_at: Date.now(), closed_at: null })
      .execute();
    for (const [, name] of USERS) sessions.set(name, await server.login(`${name}@contactpunt.example`));
  });

  afterAll(async () => server?.stop());

  it('every route either requires a session with roles or is on the public allowlist', () => {
    const unguarded = routes.filter((r) => r.roles === null && !PUBLIC_ROUTES.has(`${r.method} ${r.url}`) && !isWidgetRoute(r) && !isStaticFile(r));
    expect(unguarded.map((r) => `${r.method} ${r.url}`)).toEqual([]);
    expect(routes.filter((r) => r.roles !== null).length).toBeGreaterThan(40);
  });

  it('every state-changing staff route refuses a request without the CSRF token, and every staff route one without a session', async () => {
    const staffRoutes = routes.filter((r) => r.roles !== null);
    const user = sessions.get('beheer')!;
    for (const route of staffRoutes) {
      const url = pathFor(route);
      // A valid body where we have one, so a route that checks roles after validation is not excused by a 400.
      const payload = route.method === 'GET' ? undefined : ((REQUESTS[`${route.method} ${route.url}`]?.[0]?.body as Record<string, unknown> | undefined) ?? {});
      const noSession = await server.inject({ method: route.method as 'GET', url, ...(payload ? { payload } : {}) });
      expect([route.url, noSession.statusCode, noSession.json().error.code]).toEqual([route.url, 401, 'UNAUTHENTICATED']);
      if (route.method === 'GET') continue;
      const noCsrf = await server.inject({ method: route.method as 'POST', url, headers: { cookie: user.cookie }, payload: payload ?? {} });
      expect([route.url, noCsrf.statusCode, noCsrf.json().error.code]).toEqual([route.url, 403, 'CSRF_TOKEN_INVALID']);
    }
  });

  it("no user of tenant A reads or changes tenant B's data through any route; roles are enforced per route", async () => {
    const before = await tenantBRows(await dbOf(server));
    expect(before.length).toBeGreaterThan(15);
    const missing = routes.filter((r) => r.roles !== null && r.method !== 'GET' && !SELF_ONLY.has(`${r.method} ${r.url}`) && !REQUESTS[`${r.method} ${r.url}`] && !/\/(accept|decline|end)$/.test(r.url));
    expect(missing.map((r) => `${r.method} ${r.url}: add an isolation request`)).toEqual([]);
    let checked = 0;
    for (const [, name, roles] of USERS) {
      const user = sessions.get(name)!;
      for (const route of routes) {
        if (route.roles === null || SELF_ONLY.has(`${route.method} ${route.url}`)) continue;
        const allowed = route.roles === 'any' || route.roles.some((r) => (roles as readonly string[]).includes(r));
        for (const request of REQUESTS[`${route.method} ${route.url}`] ?? [{}]) {
          const response = await server.as(user, route.method as 'GET', `${pathFor(route, request.params)}${request.query ?? ''}`, request.body);
          const where = `${name} ${route.method} ${route.url} ${JSON.stringify(request).slice(0, 120)} → ${response.statusCode} ${response.body.slice(0, 300)}`;
          checked++;
          expect(response.statusCode, where).toBeLessThan(500);
          if (!allowed) {
            expect([response.statusCode, response.json().error.code], where).toEqual([403, 'FORBIDDEN']);
            continue;
          }
          if (response.statusCode < 300) for (const marker of LEAK_MARKERS) expect(response.body.includes(marker), `${where}\nleaks ${marker}`).toBe(false);
        }
      }
    }
    expect(checked).toBeGreaterThan(200);
    expect(await tenantBRows(await dbOf(server))).toEqual(before);
  });

  it("a widget token of tenant A's conversation opens nothing of tenant B", async () => {
    const started = await server.inject({ method: 'POST', url: '/api/widget/v1/lines/ln_bankzuid/conversations', payload: { language: 'nl', visitorId: 'iso-visitor-1' } });
    const { token } = started.json<{ token: string }>();
    for (const route of routes.filter(isWidgetRoute)) {
      if (!route.url.includes(':conversationId')) continue;
      const response = await server.inject({ method: route.method as 'GET', url: route.url.replace(':conversationId', B.conversationId), headers: { authorization: `Bearer ${token}` }, payload: route.method === 'GET' ? undefined : { clientId: 'x', text: 'x', nps: 1 } });
      expect([route.url, response.statusCode, response.json().error.code]).toEqual([route.url, 401, 'TOKEN_INVALID']);
    }
    const line = await server.inject({ method: 'POST', url: `/api/widget/v1/lines/${B.lineId}/conversations`, payload: { language: 'nl' } });
    expect(line.statusCode).toBe(201);
  });
});

async function dbOf(server: InProcessServer) {
  return server.running.db;
}
