import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { errors } from '../../app/app.errors.js';
import { IvrFlowError } from '../../core/ivr/index.js';
import type { Line } from '../../core/model/index.js';
import { requireRoles, sessionOf } from '../auth-hooks.js';
import { typed, type RouteContext } from './route-context.js';

const params = z.object({ id: z.string().min(1).max(64) });
const flowBody = z.object({ flow: z.unknown() });

/** A line's IVR flow: read it (the default one when none is saved), check a draft, save it. */
export async function ivrAdminRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const r = typed(app);
  const { deps } = ctx;
  const admins = { preValidation: requireRoles(ctx.auth, deps.directory, ['admin']) };
  const tags = ['admin'];
  const lineOf = (request: Parameters<typeof sessionOf>[0], id: string): Line => {
    const line = deps.directory.findLine(id);
    // Another tenant's line does not exist for this admin.
    if (!line || line.tenantId !== sessionOf(request).agent.tenantId) throw errors.notFound('line', id);
    return line;
  };
  const view = (line: Line) => {
    const ivr = deps.ivrFlows.forLine(line);
    return {
      lineId: line.id,
      isDefault: ivr.saved === null,
      flow: ivr.saved ?? ivr.flow,
      updatedAt: ivr.updatedAt === null ? null : new Date(ivr.updatedAt).toISOString(),
      updatedBy: ivr.updatedBy,
      queues: deps.directory
        .queuesOf(line.tenantId)
        .filter((q) => q.lineId === line.id)
        .map((q) => ({ id: q.id, name: q.name })),
      languages: line.languages,
    };
  };

  r.get('/api/admin/lines/:id/ivr', { ...admins, schema: { tags, summary: "The line's IVR flow (the default flow when none is saved)", params } }, async (request) => view(lineOf(request, request.params.id)));

  r.post('/api/admin/lines/:id/ivr/validate', { ...admins, schema: { tags, summary: 'Check an IVR flow without saving it; lists every problem', params, body: flowBody } }, async (request) => {
    const result = deps.ivrFlows.validate(lineOf(request, request.params.id), request.body.flow);
    return result.ok ? { ok: true, problems: [] } : { ok: false, problems: result.problems };
  });

  r.put('/api/admin/lines/:id/ivr', { ...admins, schema: { tags, summary: 'Save the IVR flow; 400 IVR_FLOW_INVALID lists every problem', params, body: flowBody } }, async (request, reply) => {
    const line = lineOf(request, request.params.id);
    try {
      await deps.ivrFlows.save(line, request.body.flow, sessionOf(request).agent.id, deps.clock.now());
    } catch (error) {
      if (error instanceof IvrFlowError) return reply.status(400).send({ error: { code: error.code, message: error.userMessage, problems: error.problems } });
      throw error;
    }
    return view(line);
  });
}
