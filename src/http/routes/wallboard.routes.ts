import type { FastifyInstance } from 'fastify';
import { WALLBOARD_ROLES, WallboardService } from '../../app/wallboard/wallboard.js';
import { requireRoles, sessionOf } from '../auth-hooks.js';
import { typed, type RouteContext } from './route-context.js';

/** The live wallboard for a TV screen: live queue counts, today's figures, agents by status. */
export async function wallboardRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const r = typed(app);
  const { deps } = ctx;
  const wallboard = new WallboardService(deps);
  const viewers = { preValidation: requireRoles(ctx.auth, deps.directory, WALLBOARD_ROLES) };
  r.get(
    '/api/wallboard',
    { ...viewers, schema: { tags: ['supervisor'], summary: "Per queue: waiting, longest wait, today's service level, answer rate and abandons; channel totals; agents by status" } },
    async (request) => wallboard.build(sessionOf(request).agent.tenantId),
  );
}
