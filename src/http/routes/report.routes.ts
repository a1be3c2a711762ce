import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { lineReportToCsv, lineReportWithSurveys } from '../../app/reports/index.js';
import { errors } from '../../app/app.errors.js';
import { staffingPlan } from '../../app/reports/staffing.service.js';
import { CHANNELS } from '../../core/model/index.js';
import { audit } from '../../app/security/audit.js';
import { auditContextOf, requireRoles, sessionOf } from '../auth-hooks.js';
import { typed, type RouteContext } from './route-context.js';

const DAY_MS = 86_400_000;

/** Period reports of a line, with survey figures (NPS, helpfulness and their counts), as JSON or CSV. */
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
        summary: 'Line report for [from, to) in epoch ms (default: the last 24 hours); `format=csv` downloads it as CSV',
        params: z.object({ lineId: z.string().min(1).max(64) }),
        querystring: z.object({
          from: z.coerce.number().int().min(0).optional(),
          to: z.coerce.number().int().min(0).optional(),
          serviceLevelSeconds: z.coerce.number().int().min(1).max(3600).default(60),
          shortAbandonSeconds: z.coerce.number().int().min(0).max(600).default(5),
          format: z.enum(['json', 'csv']).default('json'),
        }),
      },
    },
    async (request, reply) => {
      const { agent } = sessionOf(request);
      const line = deps.directory.findLine(request.params.lineId);
      if (!line || line.tenantId !== agent.tenantId) throw errors.notFound('line', request.params.lineId);
      const to = request.query.to ?? deps.clock.now() + 1;
      const from = request.query.from ?? to - DAY_MS;
      if (from >= to) throw errors.invalid('from must be before to');
      if (to - from > 366 * DAY_MS) throw errors.invalid('A report covers at most 366 days');
      const report = await lineReportWithSurveys(deps, {
        tenantId: agent.tenantId,
        lineId: line.id,
        from,
        to,
        timeZone: line.openingHours?.timeZone ?? 'Europe/Brussels',
        serviceLevelSeconds: request.query.serviceLevelSeconds,
        shortAbandonSeconds: request.query.shortAbandonSeconds,
        hideAgentHandleTime: line.hideAgentHandleTime,
      });
      if (request.query.format === 'csv') {
        // A download leaves the system: the audit log records who took which line's figures for which period.
        await audit(deps, auditContextOf(request), 'report.exported', { kind: 'line', id: line.id }, { from, to, format: 'csv' });
        deps.log('info', 'line report exported', { agentId: agent.id, lineId: line.id, from, to });
        const day = (t: number) => new Date(t).toISOString().slice(0, 10);
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="report-${line.id.replace(/[^\w-]/g, '_')}-${day(from)}-${day(to - 1)}.csv"`)
          .header('cache-control', 'no-store')
          .send(lineReportToCsv(report, line.name));
      }
      // The agents who serve the line, so a screen can list them with "—" when the line hides their handle time.
      const lineQueues = new Set(deps.directory.queuesOf(agent.tenantId).filter((q) => q.lineId === line.id).map((q) => q.id));
      const agents = deps.directory
        .agentsOf(agent.tenantId)
        .filter((a) => a.queueIds.some((q) => lineQueues.has(q)) || report.byAgent?.[a.id])
        .map((a) => ({ id: a.id, name: a.name }));
      return { ...report, hideAgentHandleTime: line.hideAgentHandleTime, agents };
    },
  );

  r.get(
    '/api/staffing/lines/:lineId',
    {
      ...readers,
      schema: {
        tags: ['supervisor'],
        summary: "Forecast contacts per interval from the line's own history (same weekday, last N weeks, with trend) and the agents needed with their occupancy (Erlang C)",
        params: z.object({ lineId: z.string().min(1).max(64) }),
        querystring: z.object({
          day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'day must be YYYY-MM-DD'),
          intervalMinutes: z.coerce.number().int().refine((n) => n === 15 || n === 30 || n === 60, 'intervalMinutes must be 15, 30 or 60').default(30),
          weeks: z.coerce.number().int().min(1).max(26).default(6),
          channel: z.enum(CHANNELS).optional(),
          ahtSeconds: z.coerce.number().int().min(1).max(36_000).optional(),
          targetSeconds: z.coerce.number().int().min(1).max(3600).optional(),
          targetPercent: z.coerce.number().min(1).max(99.9).optional(),
          shrinkage: z.coerce.number().min(0).max(0.9).optional(),
          maxOccupancy: z.coerce.number().gt(0).max(1).optional(),
        }),
      },
    },
    async (request) => staffingPlan(deps, sessionOf(request).agent.tenantId, { lineId: request.params.lineId, ...request.query }),
  );
}
