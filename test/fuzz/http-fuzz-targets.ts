import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import type { RegisteredRoute } from '../../src/http/route-registry.js';
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

/** A staff user's cookie and CSRF token, or a missing / forged one. */
function staffHeaders(fx: FuzzFixture): fc.Arbitrary<Record<string, string>> {
  return fc.oneof(
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

/**
 * The public inputs, one entry per endpoint with arbitraries that know its shape. Staff routes not
 * listed here are fuzzed by `genericStaffTarget`, built from the route registry, so a new route is
 * covered the day it is registered.
 *
 * Adding a webhook (Twilio-style voice, WhatsApp, email — built on other branches) is one entry:
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
      body('POST', '/api/auth/login', jsonPayload(mutatedObject({ email: fc.constantFrom('sofie@contactpunt.example', 'nobody@example.com'), password: fc.string({ maxLength: 30 }) })), fc.constant({})),
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
