import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { FOLLOW_UP_STATUSES, IDEA_STATUSES } from '../../core/quality/index.js';
import { listFollowUps, MAX_FOLLOW_UP_TEXT, updateFollowUp } from '../../app/quality/complaints.service.js';
import { addRoundtable, IDEA_MANAGERS, listIdeas, listRoundtables, MAX_IDEA_TEXT, MAX_IDEA_TITLE, moveIdea, submitIdea, supportIdea, withdrawSupport } from '../../app/quality/ideas.service.js';
import {
  addBadgeRule,
  AWARD_MANAGERS,
  closeAward,
  createAward,
  currentYear,
  decideOnGesture,
  evaluateBadges,
  GESTURE_DECIDERS,
  listAwards,
  listBadges,
  listBudgets,
  listGestures,
  MAX_RECOGNITION_TEXT,
  nominate,
  requestGesture,
  setBadgeRuleActive,
  setBudget,
  vote,
} from '../../app/quality/recognition.service.js';
import { GESTURE_STATUSES } from '../../core/recognition/index.js';
import { requireRoles, sessionOf } from '../auth-hooks.js';
import { typed, type RouteContext } from './route-context.js';

const idParams = z.object({ id: z.string().min(1).max(64) });

/** Complaints follow-up (supervisors, executives) and the ideas board (everyone; managers decide). */
export async function qualityRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const r = typed(app);
  const { deps } = ctx;
  const anyone = { preValidation: requireRoles(ctx.auth, deps.directory, 'any') };
  const followers = { preValidation: requireRoles(ctx.auth, deps.directory, ['supervisor', 'executive']) };
  const managers = { preValidation: requireRoles(ctx.auth, deps.directory, IDEA_MANAGERS) };

  r.get(
    '/api/complaints',
    { ...followers, schema: { tags: ['quality'], summary: 'Complaints to call back: open and in progress (or one status), newest first', querystring: z.object({ status: z.enum(FOLLOW_UP_STATUSES).optional() }) } },
    async (request) => ({ followUps: await listFollowUps(deps, sessionOf(request).agent, request.query.status) }),
  );
  r.patch(
    '/api/complaints/:id',
    {
      ...followers,
      schema: {
        tags: ['quality'],
        summary: 'Pick up (in_progress), annotate, or finish (done, with an outcome) a follow-up; `version` as read',
        params: idParams,
        body: z.object({
          version: z.number().int().min(1),
          status: z.enum(FOLLOW_UP_STATUSES).optional(),
          notes: z.string().max(MAX_FOLLOW_UP_TEXT).optional(),
          outcome: z.string().max(MAX_FOLLOW_UP_TEXT).nullable().optional(),
        }),
      },
    },
    async (request) => updateFollowUp(deps, sessionOf(request).agent, request.params.id, request.body),
  );

  r.get('/api/ideas', { ...anyone, schema: { tags: ['quality'], summary: 'Improvement ideas of my tenant with their support, most supported first' } }, async (request) => ({
    ideas: await listIdeas(deps, sessionOf(request).agent),
  }));
  r.post(
    '/api/ideas',
    { ...anyone, schema: { tags: ['quality'], summary: 'Propose an improvement', body: z.object({ title: z.string().trim().min(3).max(MAX_IDEA_TITLE), body: z.string().trim().max(MAX_IDEA_TEXT).default('') }) } },
    async (request, reply) => reply.status(201).send(await submitIdea(deps, sessionOf(request).agent, request.body)),
  );
  r.put('/api/ideas/:id/support', { ...anyone, schema: { tags: ['quality'], summary: 'Support an idea (once per person, not your own)', params: idParams } }, async (request) =>
    supportIdea(deps, sessionOf(request).agent, request.params.id),
  );
  r.delete('/api/ideas/:id/support', { ...anyone, schema: { tags: ['quality'], summary: 'Withdraw my support', params: idParams } }, async (request) =>
    withdrawSupport(deps, sessionOf(request).agent, request.params.id),
  );
  r.patch(
    '/api/ideas/:id',
    {
      ...managers,
      schema: {
        tags: ['quality'],
        summary: 'Move an idea to another status with a reply (supervisors, admins, executives); declining needs a reply',
        params: idParams,
        body: z.object({ version: z.number().int().min(1), status: z.enum(IDEA_STATUSES), reply: z.string().max(MAX_IDEA_TEXT).nullable().optional() }),
      },
    },
    async (request) => moveIdea(deps, sessionOf(request).agent, request.params.id, request.body),
  );
  r.get('/api/roundtables', { ...anyone, schema: { tags: ['quality'], summary: 'Notes of the monthly round tables with the ideas discussed' } }, async (request) => ({
    roundtables: await listRoundtables(deps, sessionOf(request).agent),
  }));
  r.post(
    '/api/roundtables',
    {
      ...managers,
      schema: {
        tags: ['quality'],
        summary: 'Record a round table: date, notes and the ideas discussed',
        body: z.object({ heldOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'heldOn must be YYYY-MM-DD'), notes: z.string().trim().min(1).max(MAX_IDEA_TEXT * 4), ideaIds: z.array(z.string().min(1).max(64)).max(50).default([]) }),
      },
    },
    async (request, reply) => reply.status(201).send(await addRoundtable(deps, sessionOf(request).agent, request.body)),
  );

  recognitionRoutes(r, ctx);
}

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month must be YYYY-MM');
const year = z.coerce.number().int().min(2000).max(2100);

/** Awards, badges and the gestures budget. */
function recognitionRoutes(r: ReturnType<typeof typed>, ctx: RouteContext): void {
  const { deps } = ctx;
  const anyone = { preValidation: requireRoles(ctx.auth, deps.directory, 'any') };
  const managers = { preValidation: requireRoles(ctx.auth, deps.directory, AWARD_MANAGERS) };
  const admins = { preValidation: requireRoles(ctx.auth, deps.directory, ['admin']) };
  const budgetKeepers = { preValidation: requireRoles(ctx.auth, deps.directory, ['supervisor', 'admin']) };
  const deciders = { preValidation: requireRoles(ctx.auth, deps.directory, GESTURE_DECIDERS) };
  const me = (request: Parameters<typeof sessionOf>[0]) => sessionOf(request).agent;

  r.get('/api/awards', { ...anyone, schema: { tags: ['recognition'], summary: 'Awards with nominees and reasons; results once closed' } }, async (request) => ({ awards: await listAwards(deps, me(request)) }));
  r.post(
    '/api/awards',
    { ...managers, schema: { tags: ['recognition'], summary: 'Open an award (supervisors, admins, executives)', body: z.object({ title: z.string().trim().min(3).max(200), description: z.string().trim().max(MAX_RECOGNITION_TEXT).default('') }) } },
    async (request, reply) => reply.status(201).send(await createAward(deps, me(request), request.body)),
  );
  r.post(
    '/api/awards/:id/nominations',
    { ...anyone, schema: { tags: ['recognition'], summary: 'Nominate a colleague with a reason (not yourself)', params: idParams, body: z.object({ nomineeId: z.string().min(1).max(64), reason: z.string().trim().min(3).max(MAX_RECOGNITION_TEXT) }) } },
    async (request, reply) => reply.status(201).send(await nominate(deps, me(request), request.params.id, request.body)),
  );
  r.put(
    '/api/awards/:id/vote',
    { ...anyone, schema: { tags: ['recognition'], summary: 'Vote for a nominee: once per award, never for yourself', params: idParams, body: z.object({ nomineeId: z.string().min(1).max(64) }) } },
    async (request) => vote(deps, me(request), request.params.id, request.body.nomineeId),
  );
  r.post('/api/awards/:id/close', { ...managers, schema: { tags: ['recognition'], summary: 'Close the award and show the result', params: idParams } }, async (request) =>
    closeAward(deps, me(request), request.params.id),
  );

  r.get(
    '/api/badges',
    { ...anyone, schema: { tags: ['recognition'], summary: 'My badges, or everyone’s with `all=true` (managers)', querystring: z.object({ all: z.enum(['true', 'false']).default('false') }) } },
    async (request) => ({ badges: await listBadges(deps, me(request), request.query.all === 'true') }),
  );
  r.get('/api/badge-rules', { ...managers, schema: { tags: ['recognition'], summary: 'The rules that give badges for survey scores' } }, async (request) => ({
    rules: await deps.repos.recognition.badgeRules(me(request).tenantId),
  }));
  r.post(
    '/api/badge-rules',
    {
      ...admins,
      schema: {
        tags: ['recognition'],
        summary: 'Add a badge rule (admins): e.g. ≥ 10 answers in a month with mean helpfulness ≥ 9.5 → "mug"',
        body: z.object({
          badge: z.string().trim().min(1).max(80),
          minResponses: z.number().int().min(1).max(10_000),
          minAverageHelpfulness: z.number().min(1).max(10).nullable().default(null),
          minNps: z.number().int().min(-100).max(100).nullable().default(null),
        }),
      },
    },
    async (request, reply) => reply.status(201).send(await addBadgeRule(deps, me(request), request.body)),
  );
  r.patch(
    '/api/badge-rules/:id',
    { ...admins, schema: { tags: ['recognition'], summary: 'Switch a badge rule on or off', params: idParams, body: z.object({ active: z.boolean() }) } },
    async (request) => setBadgeRuleActive(deps, me(request), request.params.id, request.body.active),
  );
  r.post(
    '/api/badges/evaluate',
    { ...budgetKeepers, schema: { tags: ['recognition'], summary: 'Give the badges a month earned (new ones only); they are also given after each survey', body: z.object({ month }) } },
    async (request) => ({ awarded: await evaluateBadges(deps, me(request), request.body.month) }),
  );

  r.get(
    '/api/gestures/budgets',
    { ...anyone, schema: { tags: ['recognition'], summary: 'Gesture budgets of the year with spent and left (own team; supervisors and admins all)', querystring: z.object({ year: year.optional() }) } },
    async (request) => ({ budgets: await listBudgets(deps, me(request), request.query.year ?? currentYear(deps)) }),
  );
  r.put(
    '/api/gestures/budgets/:team',
    {
      ...budgetKeepers,
      schema: { tags: ['recognition'], summary: "Set a team's gestures budget for a year, in cents", params: z.object({ team: z.string().min(1).max(80) }), body: z.object({ year, amountCents: z.number().int().min(0).max(100_000_000) }) },
    },
    async (request) => setBudget(deps, me(request), request.params.team, request.body.year, request.body.amountCents),
  );
  r.get(
    '/api/gestures',
    { ...anyone, schema: { tags: ['recognition'], summary: 'Gestures of the year (mine; supervisors and admins all)', querystring: z.object({ year: year.optional() }) } },
    async (request) => ({ gestures: await listGestures(deps, me(request), request.query.year ?? currentYear(deps)) }),
  );
  r.post(
    '/api/gestures',
    {
      ...anyone,
      schema: {
        tags: ['recognition'],
        summary: 'Ask for a small gesture for a customer from my team’s budget',
        body: z.object({ amountCents: z.number().int().min(1).max(100_000), reason: z.string().trim().min(3).max(MAX_RECOGNITION_TEXT), conversationId: z.string().min(1).max(64).nullable().optional() }),
      },
    },
    async (request, reply) => reply.status(201).send(await requestGesture(deps, me(request), request.body)),
  );
  r.patch(
    '/api/gestures/:id',
    {
      ...deciders,
      schema: {
        tags: ['recognition'],
        summary: 'Approve (within the budget), reject, or record as sent (supervisors)',
        params: idParams,
        body: z.object({ version: z.number().int().min(1), status: z.enum(GESTURE_STATUSES), note: z.string().max(MAX_RECOGNITION_TEXT).nullable().optional() }),
      },
    },
    async (request) => decideOnGesture(deps, me(request), request.params.id, request.body),
  );
}
