import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { twilioSignature } from '../../src/channels/voice/twilio-signature.js';
import type { RegisteredRoute } from '../../src/http/route-registry.js';
import { TEST_PUBLIC_BASE_URL, TEST_TWILIO_TOKEN } from '../support/twilio-client.js';
import { contentType, encode, jsonPayload, mutatedObject, nastyString, pathSegment, queryString, weirdValue } from './fuzz-arbitraries.js';

/** Real ids and credentials the fuzzer mixes with garbage, so requests get past the first check. */
export interface FuzzFixture {
  lineIds: string[];
  queueIds: string[];
  agentIds: string[];
  conversationIds: string[];
  /** widgetTokens[i] opens conversationIds[i]. */
  widgetTokens: string[];
  incidentIds: string[];
  articleIds: string[];
  complimentIds: string[];
  /** Call sids the voice webhooks have seen (so gather, hold and status reach a call), plus unknown ones. */
  callSids: string[];
  /** Draft campaigns of the demo tenant, for the contact-list import. */
  campaignIds: string[];
  staff: Array<{ role: string; cookie: string; csrf: string }>;
}

export interface HttpFuzzTarget {
  name: string;
  /** Share of the generated requests, relative to the other targets. */
  weight: number;
  /** The exact route patterns this entry covers (the others get the generic staff entry). */
  covers: string[];
  request(fx: FuzzFixture): fc.Arbitrary<InjectOptions>;
}

const LANG = fc.constantFrom('nl', 'fr', 'en');
const headerSafe = (s: string) => encode(s).slice(0, 4000);

function body(method: InjectOptions['method'], url: string, payload: fc.Arbitrary<string | undefined>, headers: fc.Arbitrary<Record<string, string>>): fc.Arbitrary<InjectOptions> {
  return fc.tuple(payload, contentType, headers).map(([p, type, h]) => ({
    method,
    url,
    headers: { ...h, ...(type && p !== undefined ? { 'content-type': type } : {}) },
    ...(p !== undefined ? { payload: p } : {}),
  }));
}

/** The widget's bearer token: the right one, another conversation's, forged, garbage or none. */
function widgetCall(fx: FuzzFixture, method: InjectOptions['method'], path: (conversationId: string) => string, payload: fc.Arbitrary<string | undefined>): fc.Arbitrary<InjectOptions> {
  const n = fx.conversationIds.length;
  const pair = fc.tuple(fc.nat(n - 1), fc.oneof({ weight: 6, arbitrary: fc.constant('match') }, { weight: 1, arbitrary: fc.constantFrom('other', 'forged', 'garbage', 'none', 'scheme') }), pathSegment(fx.conversationIds));
  return pair.chain(([i, kind, garbageId]) => {
    const id = kind === 'match' ? encode(fx.conversationIds[i]!) : garbageId;
    const token = fx.widgetTokens[i]!;
    const auth: Record<string, string> =
      kind === 'match' || kind === 'scheme'
        ? { authorization: kind === 'scheme' ? `Basic ${token}` : `Bearer ${token}` }
        : kind === 'other'
          ? { authorization: `Bearer ${fx.widgetTokens[(i + 1) % n]!}` }
          : kind === 'forged'
            ? { authorization: `Bearer ${fx.conversationIds[i]!}.${'A'.repeat(43)}` }
            : kind === 'garbage'
              ? { authorization: `Bearer ${headerSafe(String(i))}${'.'.repeat(i % 3)}` }
              : {};
    return body(method, path(id), payload, fc.constant(auth));
  });
}

/** A staff user's cookie and CSRF token (mostly of `roles` when given), or a missing / forged one. */
function staffHeaders(fx: FuzzFixture, roles: string[] = []): fc.Arbitrary<Record<string, string>> {
  const preferred = fx.staff.filter((s) => roles.includes(s.role));
  return fc.oneof(
    { weight: preferred.length ? 12 : 0, arbitrary: fc.constantFrom(...(preferred.length ? preferred : fx.staff)).map((s) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf })) },
    { weight: 8, arbitrary: fc.constantFrom(...fx.staff).map((s) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf })) },
    { weight: 1, arbitrary: fc.constantFrom(...fx.staff).map((s) => ({ cookie: s.cookie })) },
    { weight: 1, arbitrary: fc.constantFrom(...fx.staff).map((s) => ({ cookie: s.cookie, 'x-csrf-token': `${s.csrf}x` })) },
    { weight: 1, arbitrary: nastyString.map((s) => ({ cookie: `centraal_session=${headerSafe(s)}`, 'x-csrf-token': headerSafe(s) })) },
    { weight: 1, arbitrary: fc.constant({}) },
  );
}

/** Field names the staff API uses, so generic bodies hit real fields with weird values. */
const STAFF_FIELDS = [
  'clientId', 'text', 'internal', 'status', 'queueIds', 'topicId', 'subtopicId', 'phaseId', 'code', 'notes', 'toQueueId', 'toAgentId', 'note', 'wrapUpCode',
  'reason', 'endConversation', 'kind', 'minutes', 'hours', 'permanent', 'followUp', 'shareWithTeam', 'agentId', 'lineId', 'language', 'title', 'body', 'visibility',
  'version', 'tags', 'steps', 'warnings', 'granted', 'contactKey', 'identifier', 'email', 'password', 'name', 'roles', 'skills', 'capacity', 'channels', 'languages',
  'anonymous', 'openingHours', 'taxonomy', 'phases', 'wrapUpCodes', 'defaultQueueId', 'retention', 'abusePolicy', 'bot', 'priority', 'overflow', 'serviceLevelSeconds',
];

const ID_PARAMS: Record<string, keyof FuzzFixture> = {
  conversationId: 'conversationIds',
  lineId: 'lineIds',
  agentId: 'agentIds',
  incidentId: 'incidentIds',
  articleId: 'articleIds',
  complimentId: 'complimentIds',
  campaignId: 'campaignIds',
  id: 'lineIds',
};

/** Any registered staff route: path parameters real or garbage, query and body from the API's field names. */
export function genericStaffTarget(route: RegisteredRoute, weight: number): HttpFuzzTarget {
  return {
    name: `staff ${route.method} ${route.url}`,
    weight,
    covers: [`${route.method} ${route.url}`],
    request(fx) {
      const params = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
      const segments = fc.tuple(...params.map((p) => pathSegment((fx[ID_PARAMS[p] ?? 'conversationIds'] as string[]) ?? [])));
      const payload = ['POST', 'PUT', 'PATCH', 'DELETE'].includes(route.method)
        ? jsonPayload(fc.oneof({ weight: 3, arbitrary: fc.dictionary(fc.constantFrom(...STAFF_FIELDS), weirdValue, { maxKeys: 6 }) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) }))
        : fc.constant(undefined);
      // Logging out would end the fuzzer's own sessions; it gets forged credentials only.
      const headers = route.url === '/api/auth/logout' ? fc.constant({ cookie: 'centraal_session=forged', 'x-csrf-token': 'x' }) : staffHeaders(fx);
      return fc.tuple(segments, queryString(['after', 'status', 'lineId', 'q', 'limit', 'from', 'to', 'year', 'action', 'language'])).chain(([values, query]) => {
        let url = route.url;
        params.forEach((p, i) => (url = url.replace(`:${p}`, values[i] || 'x')));
        return body(route.method as InjectOptions['method'], `${url}${query}`, payload, headers);
      });
    },
  };
}

const VOICE_ENDPOINTS = ['incoming', 'gather', 'gather?timeout=1', 'record', 'hold', 'hold-input', 'queue-result', 'dial-result', 'status'] as const;
const digits = (chars: string, max: number) => fc.string({ unit: fc.constantFrom(...chars), maxLength: max });

/** A form value as a provider would send it: strings, with weird values flattened to text. */
const formValue = (v: unknown): string => (typeof v === 'string' ? v : v === undefined ? '' : (JSON.stringify(v) ?? String(v)));

/**
 * Twilio-style voice webhooks: form-encoded call parameters (mutated), signed correctly over exactly
 * what the server will parse most of the time (so requests reach the call service and the IVR),
 * otherwise unsigned, forged, signed for another URL, or with a body that is not a form at all.
 */
function voiceWebhook(fx: FuzzFixture): fc.Arbitrary<InjectOptions> {
  const callSid = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...fx.callSids) },
    { weight: 2, arbitrary: digits('0123456789abcdef', 32).map((h) => `CA${h.padEnd(32, '0')}`) },
    { weight: 1, arbitrary: nastyString },
  );
  const fields = mutatedObject({
    CallSid: callSid,
    From: fc.oneof(fc.constantFrom('+32470123456', '+3225550100', 'anonymous', 'client:agent'), digits('+0123456789 ', 20)),
    To: fc.constantFrom('+3225550100', '+3225550199'),
    CallStatus: fc.constantFrom('ringing', 'in-progress', 'completed', 'busy', 'failed', 'no-answer', 'canceled', 'queued', 'bogus'),
    Digits: digits('0123456789*#w', 6),
    RecordingUrl: fc.constantFrom('https://api.example/recordings/RE1', 'javascript:alert(1)', ''),
    RecordingDuration: fc.oneof(fc.nat(600).map(String), nastyString),
    QueueResult: fc.constantFrom('bridged', 'hangup', 'leave', 'error', 'queue-full', 'redirected', 'x'),
  });
  const form = fields.map((o) => new URLSearchParams(Object.entries(o).map(([k, v]) => [k, formValue(v)] as [string, string])).toString());
  const payload = fc.oneof(
    { weight: 12, arbitrary: form },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
    { weight: 1, arbitrary: fc.constantFrom('CallSid', '=&=&&', '%', '%zz=1', 'a=%E0%A4%A', `CallSid=${'x'.repeat(70_000)}`) },
  );
  const kind = fc.oneof(
    { weight: 8, arbitrary: fc.constant('valid') },
    { weight: 1, arbitrary: fc.constantFrom('none', 'forged', 'other-url', 'json') },
  );
  return fc.tuple(pathSegment(fx.lineIds), fc.constantFrom(...VOICE_ENDPOINTS), payload, kind, nastyString).map(([line, endpoint, p, k, junk]) => {
    const url = `/api/voice/twilio/${line}/${endpoint}`;
    const parsed = k === 'json' ? [] : [...new URLSearchParams(p)];
    // The server keeps the last value of a repeated name, so the signature covers that too.
    const params = Object.entries(Object.fromEntries(parsed));
    const signedUrl = k === 'other-url' ? `${TEST_PUBLIC_BASE_URL}/api/voice/twilio/${line}/status` : `${TEST_PUBLIC_BASE_URL}${url}`;
    const headers: Record<string, string> = { 'content-type': k === 'json' ? 'application/json' : 'application/x-www-form-urlencoded' };
    if (k === 'valid' || k === 'other-url') headers['x-twilio-signature'] = twilioSignature(TEST_TWILIO_TOKEN, signedUrl, params);
    if (k === 'forged') headers['x-twilio-signature'] = encode(junk).slice(0, 200) || 'x';
    if (k === 'json') headers['x-twilio-signature'] = twilioSignature(TEST_TWILIO_TOKEN, signedUrl, []);
    return { method: 'POST' as const, url, headers, payload: k === 'json' ? JSON.stringify(Object.fromEntries(parsed)) : p };
  });
}

/** Mostly `usual`, one time in twelve `other`: a file with several rows still comes through whole now and then. */
const rarelyOther = <T>(usual: fc.Arbitrary<T>, other: fc.Arbitrary<T>) => fc.oneof({ weight: 11, arbitrary: usual }, { weight: 1, arbitrary: other });

/** Secrets the fuzz server is configured with, so the provider webhooks are on and signed inputs get through. */
export const FUZZ_WHATSAPP_APP_SECRET = 'fuzz-whatsapp-app-secret';
export const FUZZ_WHATSAPP_VERIFY_TOKEN = 'fuzz-whatsapp-verify-token';
export const FUZZ_EMAIL_INBOUND_SECRET = 'fuzz-email-inbound-secret-0123';

/** WhatsApp Cloud API webhook bodies near the real shape, mostly signed (X-Hub-Signature-256) over the exact raw body. */
function whatsappWebhook(): fc.Arbitrary<InjectOptions> {
  const message = mutatedObject({
    from: fc.constantFrom('32470123456', '31612345678', ''),
    id: fc.string({ minLength: 1, maxLength: 20 }).map((s) => `wamid.${s}`),
    timestamp: fc.oneof(fc.nat(2_000_000_000).map(String), nastyString),
    type: fc.constantFrom('text', 'image', 'audio', 'location', 'unsupported'),
    text: mutatedObject({ body: fc.string({ maxLength: 80 }) }),
  });
  const value = mutatedObject({
    messaging_product: fc.constant('whatsapp'),
    metadata: mutatedObject({ phone_number_id: fc.constantFrom('1234567890', 'unknown'), display_phone_number: fc.constant('+3225550100') }),
    contacts: fc.array(mutatedObject({ wa_id: fc.constantFrom('32470123456'), profile: mutatedObject({ name: fc.string({ maxLength: 20 }) }) }), { maxLength: 2 }),
    messages: fc.array(message, { maxLength: 3 }),
    statuses: fc.array(mutatedObject({ id: fc.string({ maxLength: 10 }), status: fc.constantFrom('sent', 'delivered', 'read', 'failed'), recipient_id: fc.constant('32470123456') }), { maxLength: 2 }),
  });
  const payload = jsonPayload(mutatedObject({ object: fc.constant('whatsapp_business_account'), entry: fc.array(mutatedObject({ id: fc.constant('WABA'), changes: fc.array(mutatedObject({ field: fc.constant('messages'), value }), { maxLength: 2 }) }), { maxLength: 2 }) }));
  const kind = fc.oneof({ weight: 6, arbitrary: fc.constant('valid') }, { weight: 1, arbitrary: fc.constantFrom('none', 'forged', 'no-prefix') });
  return fc.tuple(payload, kind).map(([p, k]) => {
    const raw = p ?? '';
    const mac = createHmac('sha256', FUZZ_WHATSAPP_APP_SECRET).update(raw).digest('hex');
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (k === 'valid') headers['x-hub-signature-256'] = `sha256=${mac}`;
    if (k === 'forged') headers['x-hub-signature-256'] = `sha256=${'0'.repeat(64)}`;
    if (k === 'no-prefix') headers['x-hub-signature-256'] = mac;
    return { method: 'POST' as const, url: '/api/channels/whatsapp/webhook', headers, ...(p === undefined ? {} : { payload: p }) };
  });
}

/** Inbound mail as a provider posts it (parsed JSON), with the bearer secret mostly right. */
function emailInbound(): fc.Arbitrary<InjectOptions> {
  const address = fc.oneof(fc.constantFrom('klant@example.com', 'bank@contactpunt.example', 'a@b', 'x'), nastyString);
  const mail = mutatedObject({
    from: mutatedObject({ address, name: fc.string({ maxLength: 20 }) }),
    to: fc.array(address, { minLength: 1, maxLength: 3 }),
    subject: fc.string({ maxLength: 60 }),
    text: fc.string({ maxLength: 200 }),
    html: fc.constantFrom('<p>hallo</p>', '<script>alert(1)</script><img src=x onerror=alert(1)>', ''),
    messageId: fc.string({ maxLength: 30 }).map((s) => `<${s}@example.com>`),
    references: fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }),
    attachments: fc.array(mutatedObject({ filename: fc.constantFrom('a.pdf', '../../etc/passwd', 'x'), contentType: fc.constantFrom('application/pdf', 'text/html'), contentBase64: fc.base64String({ maxLength: 40 }) }), { maxLength: 2 }),
    date: fc.constantFrom('2026-11-26T10:00:00Z', 'yesterday'),
  });
  const auth = fc.oneof({ weight: 6, arbitrary: fc.constant(`Bearer ${FUZZ_EMAIL_INBOUND_SECRET}`) }, { weight: 1, arbitrary: fc.constantFrom('', 'Bearer x', `Basic ${FUZZ_EMAIL_INBOUND_SECRET}`) });
  return fc.tuple(auth).chain(([a]) => body('POST', '/api/channels/email/inbound', jsonPayload(mail), fc.constant<Record<string, string>>(a ? { authorization: a } : {})));
}

/** A chat-log CSV (or JSON) for the import: real columns and speakers mostly, then broken quoting, BOMs, huge cells. */
const chatLogContent = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(
        fc.constantFrom('conversation_id,speaker,text', 'conversation_id,turn,speaker,text,language,intent', 'Conversation_ID ; Speaker ; Text', '\uFEFFconversation_id,speaker,text', 'speaker,text', ''),
        fc.array(
          fc.tuple(
            rarelyOther(fc.constantFrom('c1', 'c2'), fc.constantFrom('', '"')),
            fc.constantFrom('customer', 'agent', 'klant', 'bot', ''),
            fc.oneof({ weight: 3, arbitrary: fc.string({ maxLength: 60 }) }, { weight: 1, arbitrary: nastyString }),
            rarelyOther(fc.nat(9).map(String), fc.constantFrom('x', '-1')),
            rarelyOther(fc.constantFrom('nl', 'fr', ''), fc.constantFrom('de', 'EN')),
            rarelyOther(fc.constant(''), fc.constantFrom('openingsuren', 'nope')),
          ),
          { maxLength: 8 },
        ),
      )
      .map(([header, rows]) => [header, ...rows.map(([c, sp, text, turn, lang, intent]) => (header.includes('turn') ? [c, turn, sp, `"${text.replace(/"/g, '""')}"`, lang, intent] : [c, sp, text]).join(','))].join(['\n', '\r\n'][rows.length % 2]!)),
  },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', ';', '\uFEFF'), maxLength: 80 }) },
  {
    weight: 1,
    arbitrary: fc
      .array(mutatedObject({ id: fc.constantFrom('c1', 'c2'), turns: fc.array(mutatedObject({ speaker: fc.constantFrom('customer', 'agent'), text: fc.string({ maxLength: 40 }) }), { maxLength: 4 }) }), { maxLength: 3 })
      .map((a) => JSON.stringify(a)),
  },
);

/** A draft IVR flow near the valid shape: nodes of every type with links that may point nowhere. */
function ivrFlow(fx: FuzzFixture): fc.Arbitrary<Record<string, unknown>> {
  const prompt = mutatedObject({ nl: fc.string({ minLength: 1, maxLength: 30 }), fr: fc.string({ maxLength: 30 }) });
  const nodeId = fc.constantFrom('welcome', 'menu', 'queue', 'closed', 'bye', '__proto__', 'nowhere');
  const node = fc.oneof(
    mutatedObject({ type: fc.constant('message'), prompt, next: nodeId }),
    mutatedObject({ type: fc.constant('menu'), prompt, choices: fc.dictionary(fc.constantFrom('1', '2', '9', '*', '10', '__proto__'), nodeId, { maxKeys: 3 }), fallback: nodeId }),
    mutatedObject({ type: fc.constant('enqueue'), queueId: fc.constantFrom(...fx.queueIds, 'qu_unknown') }),
    mutatedObject({ type: fc.constant('hours'), open: nodeId, closed: nodeId }),
    mutatedObject({ type: fc.constantFrom('hangup', 'callback', 'language', 'voicemail', 'nope') }),
  );
  return mutatedObject({
    languages: fc.subarray(['nl', 'fr', 'en', 'de']),
    defaultLanguage: fc.constantFrom('nl', 'fr', 'xx'),
    start: nodeId,
    nodes: fc.dictionary(nodeId, node, { maxKeys: 5 }),
  });
}

/**
 * The public inputs, one entry per endpoint with arbitraries that know its shape. Staff routes not
 * listed here are fuzzed by `genericStaffTarget`, built from the route registry, so a new route is
 * covered the day it is registered.
 *
 * Adding a webhook (WhatsApp, email — built on other branches) is one entry, like the voice one below:
 *   { name: 'webhook: whatsapp', weight: 8, covers: ['POST /api/webhooks/whatsapp'],
 *     request: () => body('POST', '/api/webhooks/whatsapp', jsonPayload(mutatedObject({ entry: … })),
 *                         fc.record({ 'x-hub-signature-256': fc.oneof(validSignature, nastyString.map(headerSafe)) })) }
 * (a form-encoded webhook passes `contentType` 'application/x-www-form-urlencoded' and a form string).
 */
export const HTTP_FUZZ_TARGETS: HttpFuzzTarget[] = [
  {
    name: 'widget: line info',
    weight: 4,
    covers: ['GET /api/widget/v1/lines/:lineId'],
    request: (fx) => pathSegment(fx.lineIds).chain((line) => body('GET', `/api/widget/v1/lines/${line}`, fc.constant(undefined), fc.constant({}))),
  },
  {
    name: 'widget: start a conversation',
    weight: 10,
    covers: ['POST /api/widget/v1/lines/:lineId/conversations'],
    request: (fx) =>
      pathSegment(fx.lineIds).chain((line) =>
        body(
          'POST',
          `/api/widget/v1/lines/${line}/conversations`,
          jsonPayload(
            mutatedObject({
              language: LANG,
              topicId: fc.constantFrom('kaart', 'pesten', 'factuur', 'nope'),
              visitorId: fc.string({ minLength: 8, maxLength: 40 }),
              name: fc.string({ maxLength: 30 }),
              context: mutatedObject({ page: fc.webUrl(), selfServiceSteps: fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }), customerRef: fc.string({ maxLength: 20 }), customerRefSignature: fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), maxLength: 64 }) }),
            }),
          ),
          fc.constant({}),
        ),
      ),
  },
  {
    name: 'widget: post a message',
    weight: 14,
    covers: ['POST /api/widget/v1/conversations/:conversationId/messages'],
    request: (fx) => widgetCall(fx, 'POST', (id) => `/api/widget/v1/conversations/${id}/messages`, jsonPayload(mutatedObject({ clientId: fc.uuid(), text: fc.string({ minLength: 1, maxLength: 200 }) }))),
  },
  {
    name: 'widget: read events',
    weight: 8,
    covers: ['GET /api/widget/v1/conversations/:conversationId/events'],
    request: (fx) =>
      queryString(['after']).chain((query) => widgetCall(fx, 'GET', (id) => `/api/widget/v1/conversations/${id}/events${query}`, fc.constant(undefined))),
  },
  {
    name: 'widget: end',
    weight: 1,
    covers: ['POST /api/widget/v1/conversations/:conversationId/end'],
    request: (fx) => widgetCall(fx, 'POST', (id) => `/api/widget/v1/conversations/${id}/end`, jsonPayload(fc.constant({}))),
  },
  {
    name: 'widget: survey status',
    weight: 3,
    covers: ['GET /api/widget/v1/conversations/:conversationId/survey'],
    request: (fx) => widgetCall(fx, 'GET', (id) => `/api/widget/v1/conversations/${id}/survey`, fc.constant(undefined)),
  },
  {
    name: 'widget: survey answer',
    weight: 6,
    covers: ['POST /api/widget/v1/conversations/:conversationId/survey'],
    request: (fx) =>
      widgetCall(fx, 'POST', (id) => `/api/widget/v1/conversations/${id}/survey`, jsonPayload(mutatedObject({ nps: fc.integer({ min: -2, max: 12 }), helpfulness: fc.integer({ min: -2, max: 12 }), comment: fc.string({ maxLength: 100 }) }))),
  },
  {
    name: 'auth: login',
    weight: 4,
    covers: ['POST /api/auth/login'],
    request: () =>
      body('POST', '/api/auth/login', jsonPayload(mutatedObject({ email: fc.constantFrom('sofie@contactpunt.example', 'nobody@example.com'), password: fc.oneof(fc.constant('centraal-demo'), fc.string({ maxLength: 30 })) })), fc.constant({})),
  },
  {
    name: 'admin: save a line (valid shape, mutated fields)',
    weight: 4,
    covers: ['PUT /api/admin/lines/:id', 'POST /api/admin/lines'],
    request: (fx) => {
      const label = fc.record({ nl: fc.string({ minLength: 1, maxLength: 20 }) });
      const rarely = <T>(a: fc.Arbitrary<T>) => fc.oneof({ weight: 5, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: a });
      const line = mutatedObject({
        name: fc.string({ minLength: 1, maxLength: 40 }),
        channels: fc.subarray(['chat', 'voice', 'email', 'whatsapp'], { minLength: 1 }),
        languages: fc.subarray(['nl', 'fr', 'en'], { minLength: 1 }),
        anonymous: fc.boolean(),
        openingHours: fc.constantFrom(null, { timeZone: 'Europe/Brussels', slots: [{ day: 1, open: '08:00', close: '17:00' }], closedDates: ['2026-12-25'] }, { timeZone: 'Mars/Olympus', slots: [], closedDates: [] }),
        taxonomy: fc.array(fc.record({ id: fc.constantFrom('kaart', '__proto__', 'xx', 'constructor'), label, subtopics: fc.constant([]) }), { maxLength: 3 }),
        phases: fc.array(fc.record({ id: fc.constantFrom('contact', 'constructor'), label }), { minLength: 1, maxLength: 2 }),
        wrapUpCodes: fc.array(fc.record({ id: fc.constantFrom('opgelost', 'toString'), label }), { maxLength: 2 }),
        defaultQueueId: fc.constantFrom(...fx.queueIds, 'qu_unknown', '__proto__'),
        topicQueues: fc.dictionary(fc.constantFrom('kaart', '__proto__', 'constructor', 'x'), fc.constantFrom(...fx.queueIds, 'qu_unknown'), { maxKeys: 2 }),
        retention: rarely(fc.oneof(fc.constant(null), fc.record({ days: fc.integer({ min: -1, max: 40_000 }), mode: fc.constantFrom('delete', 'anonymise', 'shred') }))),
        abusePolicy: rarely(fc.dictionary(fc.string({ maxLength: 10 }), weirdValue, { maxKeys: 3 })),
        contextSecret: rarely(fc.string({ minLength: 10, maxLength: 40 })),
        voice: rarely(
          fc.oneof(
            fc.constant(null),
            mutatedObject({ accountSid: fc.constantFrom(`AC${'0f'.repeat(16)}`, 'AC123'), authToken: fc.oneof(fc.string({ minLength: 8, maxLength: 40 }), fc.constant(undefined)), callerId: fc.oneof(fc.constantFrom('+3225550101', '025550101'), nastyString) }),
          ),
        ),
      });
      // Existing lines only (ln_kinderlijn keeps its anonymity test data alive on other lines).
      const target = fc.oneof(fc.constantFrom('POST /api/admin/lines'), fc.constantFrom(...fx.lineIds.filter((id) => id !== 'ln_bankzuid')).map((id) => `PUT /api/admin/lines/${encode(id)}`));
      return fc.tuple(target, staffHeaders(fx, ['admin'])).chain(([t, headers]) => {
        const [method, url] = t.split(' ') as [InjectOptions['method'], string];
        return body(method, url, jsonPayload(line), fc.constant(headers));
      });
    },
  },
  {
    name: 'knowledge: save an article (valid shape, mutated fields)',
    weight: 3,
    covers: ['PUT /api/knowledge/articles/:articleId'],
    request: (fx) =>
      fc.tuple(pathSegment([...fx.articleIds, 'ka_new_fuzz']), staffHeaders(fx, ['content_manager'])).chain(([id, headers]) =>
        body(
          'PUT',
          `/api/knowledge/articles/${id}`,
          jsonPayload(
            mutatedObject({
              lineId: fc.constantFrom(...fx.lineIds),
              language: LANG,
              title: fc.string({ minLength: 1, maxLength: 40 }),
              body: fc.string({ maxLength: 200 }),
              topicId: fc.constantFrom('kaart', 'x'),
              visibility: fc.constantFrom('public', 'internal'),
              version: fc.integer({ min: -1, max: 1000 }),
              tags: fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }),
              steps: fc.array(mutatedObject({ title: fc.string({ minLength: 1, maxLength: 20 }), body: fc.string({ minLength: 1, maxLength: 40 }) }), { maxLength: 2 }),
            }),
          ),
          fc.constant(headers),
        ),
      ),
  },
  {
    name: 'knowledge: article history (list, one version, diff, restore with mutated bodies)',
    weight: 2,
    covers: [
      'GET /api/knowledge/articles/:articleId/versions',
      'GET /api/knowledge/articles/:articleId/versions/:version',
      'GET /api/knowledge/articles/:articleId/diff',
      'POST /api/knowledge/articles/:articleId/versions/:version/restore',
    ],
    request: (fx) => {
      const version = fc.oneof(fc.integer({ min: -2, max: 5 }).map(String), fc.constantFrom('1e3', '0x1', '1.5', '99999999999999999999'), nastyString);
      return fc.tuple(pathSegment(fx.articleIds), version.map(encode), fc.constantFrom('list', 'one', 'diff', 'restore'), staffHeaders(fx, ['content_manager', 'admin'])).chain(([id, v, kind, headers]) => {
        const base = `/api/knowledge/articles/${id}`;
        if (kind === 'list') return body('GET', `${base}/versions`, fc.constant(undefined), fc.constant(headers));
        if (kind === 'one') return body('GET', `${base}/versions/${v}`, fc.constant(undefined), fc.constant(headers));
        if (kind === 'diff') {
          const query = fc.oneof(queryString(['from', 'to']), fc.tuple(version, version).map(([from, to]) => `?from=${encode(from)}&to=${encode(to)}`));
          return query.chain((q) => body('GET', `${base}/diff${q}`, fc.constant(undefined), fc.constant(headers)));
        }
        return body('POST', `${base}/versions/${v}/restore`, jsonPayload(mutatedObject({ currentVersion: fc.integer({ min: -1, max: 5 }), note: fc.string({ maxLength: 600 }) })), fc.constant(headers));
      });
    },
  },
  {
    name: 'privacy: export or erase a contact',
    weight: 3,
    covers: ['POST /api/privacy/contacts/export', 'POST /api/privacy/contacts/erase'],
    request: (fx) =>
      fc.tuple(fc.constantFrom('export', 'erase'), staffHeaders(fx, ['admin', 'security'])).chain(([action, headers]) =>
        body(
          'POST',
          `/api/privacy/contacts/${action}`,
          jsonPayload(
            fc.oneof(
              mutatedObject({ contactKey: fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 }) }),
              mutatedObject({ identifier: mutatedObject({ kind: fc.constantFrom('visitor', 'phone', 'email', 'whatsapp', 'ip', 'nope'), value: fc.oneof(fc.constantFrom('fuzz-visitor-3', '+32470123456'), nastyString) }) }),
            ),
          ),
          fc.constant(headers),
        ),
      ),
  },
  {
    name: 'widget: download an attachment',
    weight: 3,
    covers: ['GET /api/widget/v1/conversations/:conversationId/attachments/:attachmentId'],
    request: (fx) =>
      // pathSegment encodes safely (a lone surrogate makes encodeURIComponent throw in the generator itself).
      fc.oneof(fc.constantFrom('at_nope', '..%2F..%2Fetc', 'at_' + 'x'.repeat(70)), pathSegment([])).chain((attachmentId) =>
        widgetCall(fx, 'GET', (id) => `/api/widget/v1/conversations/${id}/attachments/${attachmentId}`, fc.constant(undefined)),
      ),
  },
  {
    name: 'attachments: an agent uploads a file',
    weight: 4,
    covers: ['POST /api/conversations/:conversationId/attachments'],
    request: (fx) =>
      fc.tuple(pathSegment(fx.conversationIds), staffHeaders(fx, ['agent'])).chain(([id, headers]) =>
        body(
          'POST',
          `/api/conversations/${id}/attachments`,
          jsonPayload(
            mutatedObject({
              filename: fc.oneof(fc.constantFrom('form.pdf', '../../etc/passwd', 'setup.exe', ''), nastyString),
              contentType: fc.constantFrom('application/pdf', 'image/png', 'text/plain', 'application/x-msdownload', 'text/html', ''),
              contentBase64: fc.oneof(fc.base64String({ maxLength: 200 }), fc.constantFrom('JVBERi0xLjQK', 'TVqQAAMAAAAEAAAA', '%%%'), nastyString),
            }),
          ),
          fc.constant(headers),
        ),
      ),
  },
  {
    name: 'consent: record in a conversation',
    weight: 2,
    covers: ['POST /api/conversations/:conversationId/consents'],
    request: (fx) =>
      fc.tuple(pathSegment(fx.conversationIds), staffHeaders(fx, ['supervisor'])).chain(([id, headers]) =>
        body('POST', `/api/conversations/${id}/consents`, jsonPayload(mutatedObject({ kind: fc.constantFrom('referral', 'recording', 'x'), granted: fc.boolean(), note: fc.string({ maxLength: 40 }) })), fc.constant(headers)),
      ),
  },
  {
    name: 'phone-line call controls: hold, resume, transfer, hang-up',
    weight: 4,
    covers: ['hold', 'resume', 'transfer', 'hangup'].map((action) => `POST /api/conversations/:conversationId/phone/${action}`),
    request: (fx) =>
      fc.tuple(fc.constantFrom('hold', 'resume', 'transfer', 'hangup'), pathSegment(fx.conversationIds), staffHeaders(fx)).chain(([action, id, headers]) =>
        body(
          'POST',
          `/api/conversations/${id}/phone/${action}`,
          jsonPayload(
            fc.oneof(
              mutatedObject({ toQueueId: fc.oneof(fc.constantFrom(...fx.queueIds), nastyString), note: fc.string({ maxLength: 40 }) }),
              mutatedObject({ toAgentId: fc.oneof(fc.constantFrom(...fx.agentIds), nastyString) }),
              mutatedObject({ toNumber: fc.oneof(fc.constantFrom('+3225550199', '0470123456', '+0'), nastyString) }),
            ),
          ),
          fc.constant(headers),
        ),
      ),
  },
  {
    name: 'phone-line call warm transfer: consult, complete, cancel',
    weight: 3,
    covers: ['consult', 'consult/complete', 'consult/cancel'].map((step) => `POST /api/conversations/:conversationId/phone/${step}`),
    request: (fx) =>
      fc.tuple(fc.constantFrom('consult', 'consult/complete', 'consult/cancel'), pathSegment(fx.conversationIds), staffHeaders(fx)).chain(([step, id, headers]) =>
        body(
          'POST',
          `/api/conversations/${id}/phone/${step}`,
          jsonPayload(
            fc.oneof(
              mutatedObject({ toAgentId: fc.oneof(fc.constantFrom(...fx.agentIds), nastyString), note: fc.string({ maxLength: 40 }) }),
              mutatedObject({ toNumber: fc.oneof(fc.constantFrom('+3225550999', '+1', '0470123456'), nastyString), note: fc.string({ maxLength: 40 }) }),
              mutatedObject({ note: fc.string({ maxLength: 40 }), callerConsent: fc.oneof(fc.boolean(), weirdValue) }),
            ),
          ),
          fc.constant(headers),
        ),
      ),
  },
  {
    name: 'voice: Twilio-style webhooks (signed, unsigned, forged)',
    weight: 16,
    covers: VOICE_ENDPOINTS.filter((e) => !e.includes('?')).map((e) => `POST /api/voice/twilio/:lineId/${e}`),
    request: voiceWebhook,
  },
  {
    name: 'whatsapp: webhook (signed, unsigned, forged) and verification handshake',
    weight: 6,
    covers: ['POST /api/channels/whatsapp/webhook', 'GET /api/channels/whatsapp/webhook'],
    request: () =>
      fc.oneof(
        { weight: 5, arbitrary: whatsappWebhook() },
        {
          weight: 1,
          arbitrary: fc
            .tuple(fc.constantFrom('subscribe', 'x'), fc.oneof(fc.constant(FUZZ_WHATSAPP_VERIFY_TOKEN), nastyString), fc.oneof(fc.nat().map(String), nastyString))
            .map(([mode, token, challenge]) => ({ method: 'GET' as const, url: `/api/channels/whatsapp/webhook?hub.mode=${mode}&hub.verify_token=${encode(token)}&hub.challenge=${encode(challenge.slice(0, 300))}` })),
        },
      ),
  },
  {
    name: 'email: inbound webhook (parsed mail)',
    weight: 4,
    covers: ['POST /api/channels/email/inbound'],
    request: emailInbound,
  },
  {
    name: 'content: chat-log import (CSV or JSON)',
    weight: 3,
    covers: ['POST /api/content/lines/:lineId/imports'],
    request: (fx) =>
      fc.tuple(pathSegment(fx.lineIds), staffHeaders(fx, ['content_manager'])).chain(([line, headers]) =>
        body('POST', `/api/content/lines/${line}/imports`, jsonPayload(mutatedObject({ format: fc.constantFrom('csv', 'json', 'xlsx'), language: LANG, content: chatLogContent })), fc.constant(headers)),
      ),
  },
  {
    name: 'campaigns: contact-list CSV import',
    weight: 3,
    covers: ['POST /api/campaigns/:campaignId/contacts'],
    request: (fx) => {
      const phone = fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom('+32470123456', '0470 12 34 56', '+31 6 12345678', '0032470123457', '+33612345678') },
        { weight: 2, arbitrary: digits('+0123456789 ()-./', 18) },
        { weight: 1, arbitrary: nastyString },
      );
      const cell = (v: string) => (/[",\n;]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
      const csv = fc.oneof(
        {
          weight: 6,
          arbitrary: fc
            .tuple(fc.constantFrom('phone,name,reference', 'Telefoon;Naam', 'PHONE', 'téléphone,nom', 'name,reference', ''), fc.array(fc.tuple(phone, fc.string({ maxLength: 30 }), fc.string({ maxLength: 12 })), { maxLength: 8 }))
            .map(([header, rows]) => {
              const sep = header.includes(';') ? ';' : ',';
              return [header, ...rows.map((r) => r.slice(0, header.split(sep).length).map(cell).join(sep))].join(rows.length % 2 ? '\r\n' : '\n');
            }),
        },
        { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('+', '3', '2', ',', ';', '"', '\n', '\uFEFF', 'a'), maxLength: 80 }) },
      );
      return fc.tuple(pathSegment(fx.campaignIds), staffHeaders(fx, ['supervisor', 'admin'])).chain(([id, headers]) =>
        body('POST', `/api/campaigns/${id}/contacts`, jsonPayload(mutatedObject({ csv })), fc.constant(headers)),
      );
    },
  },
  {
    // Preview dialling on a real campaign (a draft: `next` answers 409) with garbage contact ids: never a 5xx.
    name: 'campaigns: dial, skip or result of a contact',
    weight: 2,
    covers: ['POST /api/campaigns/:campaignId/contacts/:contactId/dial'],
    request: (fx) =>
      fc
        .tuple(pathSegment(fx.campaignIds), pathSegment([]), fc.constantFrom('dial', 'skip', 'result'), staffHeaders(fx, ['agent', 'supervisor']))
        .chain(([id, contact, action, headers]) =>
          body('POST', `/api/campaigns/${id}/contacts/${contact || 'x'}/${action}`, action === 'result' ? jsonPayload(mutatedObject({ result: fc.constantFrom('reached', 'no_answer', 'busy'), note: fc.string({ maxLength: 40 }) })) : fc.constant(undefined), fc.constant(headers)),
        ),
  },
  {
    // The IVR editor's API (wip/ivr); the test leaves an entry out while none of its routes is registered.
    name: 'admin: validate or save an IVR flow',
    weight: 3,
    covers: ['POST /api/admin/lines/:id/ivr/validate', 'PUT /api/admin/lines/:id/ivr'],
    request: (fx) =>
      fc.tuple(pathSegment(fx.lineIds), fc.constantFrom('POST validate', 'PUT save'), staffHeaders(fx, ['admin'])).chain(([line, action, headers]) =>
        body(
          action.startsWith('POST') ? 'POST' : 'PUT',
          `/api/admin/lines/${line}/ivr${action.startsWith('POST') ? '/validate' : ''}`,
          jsonPayload(mutatedObject({ flow: ivrFlow(fx) })),
          fc.constant(headers),
        ),
      ),
  },
  {
    name: 'unknown paths and methods',
    weight: 3,
    covers: [],
    request: () =>
      fc
        .tuple(fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'), fc.array(pathSegment([]), { minLength: 1, maxLength: 4 }), fc.constantFrom('/api/', '/api/widget/v1/', '/api/admin/', '/'))
        .chain(([method, parts, prefix]) => body(method as InjectOptions['method'], `${prefix}${parts.join('/')}`, jsonPayload(weirdValue), fc.constant({}))),
  },
];
