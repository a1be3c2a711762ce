import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { agentInput, lineInput, queueInput } from '../../app/admin/admin.schemas.js';
import { saveAgent, saveLine, saveQueue } from '../../app/admin/admin.service.js';
import { adminLineView } from '../../app/voice/line-voice-credentials.js';
import { requireRoles, sessionOf } from '../auth-hooks.js';
import { publicAgent } from './auth.routes.js';
import { typed, type RouteContext } from './route-context.js';

const params = z.object({ id: z.string().min(1).max(64) });

/** Setting up a contact center without editing a file: lines, queues, agents and skills. */
export async function adminRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const r = typed(app);
  const { deps } = ctx;
  const admins = { preValidation: requireRoles(ctx.auth, deps.directory, ['admin']) };
  const tags = ['admin'];
  const tenantOf = (request: Parameters<typeof sessionOf>[0]) => sessionOf(request).agent.tenantId;

  r.get('/api/admin/config', { ...admins, schema: { tags, summary: 'All lines, queues and agents of my tenant' } }, async (request) => {
    const tenantId = tenantOf(request);
    return { lines: deps.directory.linesOf(tenantId).map(adminLineView), queues: deps.directory.queuesOf(tenantId), agents: deps.directory.agentsOf(tenantId).map(publicAgent) };
  });
  r.post('/api/admin/lines', { ...admins, schema: { tags, summary: 'Create a line', body: lineInput } }, async (request, reply) =>
    reply.status(201).send(adminLineView(await saveLine(deps, tenantOf(request), request.body))),
  );
  r.put('/api/admin/lines/:id', { ...admins, schema: { tags, summary: 'Change a line', params, body: lineInput } }, async (request) =>
    adminLineView(await saveLine(deps, tenantOf(request), request.body, request.params.id)),
  );
  r.post('/api/admin/queues', { ...admins, schema: { tags, summary: 'Create a queue', body: queueInput } }, async (request, reply) =>
    reply.status(201).send(await saveQueue(deps, tenantOf(request), request.body)),
  );
  r.put('/api/admin/queues/:id', { ...admins, schema: { tags, summary: 'Change a queue', params, body: queueInput } }, async (request) =>
    saveQueue(deps, tenantOf(request), request.body, request.params.id),
  );
  r.post('/api/admin/agents', { ...admins, schema: { tags, summary: 'Create an agent (with a password)', body: agentInput } }, async (request, reply) =>
    reply.status(201).send(publicAgent(await saveAgent(deps, tenantOf(request), request.body))),
  );
  r.put('/api/admin/agents/:id', { ...admins, schema: { tags, summary: 'Change an agent (password optional)', params, body: agentInput } }, async (request) =>
    publicAgent(await saveAgent(deps, tenantOf(request), request.body, request.params.id)),
  );
}
