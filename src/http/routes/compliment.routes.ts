import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { giveCompliment, MAX_COMPLIMENT_LENGTH, myCompliments, shareCompliment, teamCompliments } from '../../app/surveys/compliments.js';
import { requireRoles, sessionOf } from '../auth-hooks.js';
import { typed, type RouteContext } from './route-context.js';

/** Recognition: my compliments, sharing them with the team, the team feed, and compliments from management. */
export async function complimentRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const r = typed(app);
  const { deps } = ctx;
  const anyone = { preValidation: requireRoles(ctx.auth, deps.directory, 'any') };
  const management = { preValidation: requireRoles(ctx.auth, deps.directory, ['executive', 'supervisor']) };

  r.get('/api/agent/compliments', { ...anyone, schema: { tags: ['agent'], summary: 'My compliments, newest first' } }, async (request) => ({
    compliments: await myCompliments(deps, sessionOf(request).agent),
  }));
  r.put(
    '/api/agent/compliments/:complimentId',
    { ...anyone, schema: { tags: ['agent'], summary: 'Share one of my compliments with the team (or stop sharing it)', params: z.object({ complimentId: z.string().min(1).max(64) }), body: z.object({ shareWithTeam: z.boolean() }) } },
    async (request) => shareCompliment(deps, sessionOf(request).agent, request.params.complimentId, request.body.shareWithTeam),
  );
  r.get('/api/team/compliments', { ...anyone, schema: { tags: ['agent'], summary: 'Compliments colleagues of my tenant shared with the team' } }, async (request) => ({
    compliments: await teamCompliments(deps, sessionOf(request).agent),
  }));
  r.post(
    '/api/compliments',
    { ...management, schema: { tags: ['supervisor'], summary: 'Compliment an agent (executives and supervisors)', body: z.object({ agentId: z.string().min(1).max(64), text: z.string().trim().min(1).max(MAX_COMPLIMENT_LENGTH) }) } },
    async (request, reply) => reply.status(201).send(await giveCompliment(deps, sessionOf(request).agent, request.body.agentId, request.body.text)),
  );
}
