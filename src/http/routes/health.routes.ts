import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { typed, type RouteContext } from './route-context.js';

export async function healthRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  typed(app).get(
    '/health',
    { schema: { tags: ['operations'], summary: 'Liveness and database reachability', response: { 200: z.object({ status: z.literal('ok'), database: z.string() }) } } },
    async () => {
      await ctx.deps.repos.tenants.list();
      return { status: 'ok' as const, database: ctx.deps.config.DATABASE_URL ? 'postgres' : 'sqlite' };
    },
  );
}
