import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { lineReportWithSurveys } from '../../app/reports/index.js';
import { errors } from '../../app/app.errors.js';
import { requireRoles, sessionOf } from '../auth-hooks.js';
import { typed, type RouteContext } from './route-context.js';

const DAY_MS = 86_400_000;

/** Period reports of a line, with survey figures (NPS, helpfulness and their counts). */
export async function reportRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const r = typed(app);
  const { deps } = ctx;
  const readers = { preValidation: requireRoles(ctx.auth, deps.directory, ['supervisor', 'executive', 'admin']) };
  r.get(
    '/api/reports/lines/:lineId',
    {
      ...readers,
      schema: {
        tags: ['supervisor'],
        summary: 'Line report for [from, to) in epoch ms (default: the last 24 hours)',
        params: z.object({ lineId: z.string().min(1).max(64) }),
        querystring: z.object({ from: z.coerce.number().int().min(0).optional(), to: z.coerce.number().int().min(0).optional(), serviceLevelSeconds: z.coerce.number().int().min(1).max(3600).default(60), shortAbandonSeconds: z.coerce.number().int().min(0).max(600).default(5) }),
      },
    },
    async (request) => {
      const { agent } = sessionOf(request);
      const line = deps.directory.findLine(request.params.lineId);
      if (!line || line.tenantId !== agent.tenantId) throw errors.notFound('line', request.params.lineId);
      const to = request.query.to ?? deps.clock.now() + 1;
      const from = request.query.from ?? to - DAY_MS;
      if (from >= to) throw errors.invalid('from must be before to');
      if (to - from > 366 * DAY_MS) throw errors.invalid('A report covers at most 366 days');
      return lineReportWithSurveys(deps, {
        tenantId: agent.tenantId,
        lineId: line.id,
        from,
        to,
        timeZone: line.openingHours?.timeZone ?? 'Europe/Brussels',
        serviceLevelSeconds: request.query.serviceLevelSeconds,
        shortAbandonSeconds: request.query.shortAbandonSeconds,
        hideAgentHandleTime: line.hideAgentHandleTime,
      });
    },
  );
}
