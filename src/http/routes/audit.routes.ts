import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireRoles, sessionOf } from '../auth-hooks.js';
import { typed, type RouteContext } from './route-context.js';

/** The audit log for admins and security: who opened which conversation, who exported or erased what. */
export async function auditRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const r = typed(app);
  const readers = { preValidation: requireRoles(ctx.auth, ctx.deps.directory, ['admin', 'security']) };
  r.get(
    '/api/security/audit',
    {
      ...readers,
      schema: {
        tags: ['security'],
        summary: 'Audit log of my tenant, newest first',
        querystring: z.object({
          action: z.string().max(64).optional(),
          actorId: z.string().max(64).optional(),
          targetKind: z.string().max(64).optional(),
          targetId: z.string().max(64).optional(),
          from: z.coerce.number().int().min(0).optional(),
          to: z.coerce.number().int().min(0).optional(),
          limit: z.coerce.number().int().min(1).max(1000).default(200),
        }),
      },
    },
    async (request) => {
      const entries = await ctx.deps.repos.audit.list(sessionOf(request).agent.tenantId, request.query);
      return { entries: entries.map(({ tenantId: _tenant, at, ...rest }) => ({ ...rest, at: new Date(at).toISOString() })) };
    },
  );
}
