import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { FOLLOW_UP_STATUSES, IDEA_STATUSES } from '../../core/quality/index.js';
import { listFollowUps, MAX_FOLLOW_UP_TEXT, updateFollowUp } from '../../app/quality/complaints.service.js';
import { addRoundtable, IDEA_MANAGERS, listIdeas, listRoundtables, MAX_IDEA_TEXT, MAX_IDEA_TITLE, moveIdea, submitIdea, supportIdea, withdrawSupport } from '../../app/quality/ideas.service.js';
import { requireRoles, sessionOf } from '../auth-hooks.js';
import { typed, type RouteContext } from './route-context.js';

const idParams = z.object({ id: z.string().min(1).max(64) });

/** Complaints follow-up (supervisors, executives) and the ideas board (everyone; managers decide). */
export async function qualityRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const r = typed(app);
  const { deps } = ctx;
  const anyone = { preHandler: requireRoles(ctx.auth, deps.directory, 'any') };
  const followers = { preHandler: requireRoles(ctx.auth, deps.directory, ['supervisor', 'executive']) };
  const managers = { preHandler: requireRoles(ctx.auth, deps.directory, IDEA_MANAGERS) };

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
}
