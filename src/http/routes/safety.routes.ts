import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { MANUAL_ACTION_ROLES } from '../../core/policy/index.js';
import { exportIncidentsCsv } from '../../app/safety/export-incidents.js';
import { flagConversation } from '../../app/safety/flag-conversation.js';
import { listIncidents } from '../../app/safety/list-incidents.js';
import { takeSafetyAction } from '../../app/safety/take-safety-action.js';
import { updateIncident } from '../../app/safety/update-incident.js';
import { audit } from '../../app/security/audit.js';
import { auditContextOf, requireRoles, sessionOf } from '../auth-hooks.js';
import { typed, type RouteContext } from './route-context.js';

const conversationParams = z.object({ conversationId: z.string().min(1).max(64) });
const incidentParams = z.object({ incidentId: z.string().min(1).max(64) });
const reason = z.string().trim().min(3).max(2000);
const status = z.enum(['open', 'in_review', 'closed']);
const escalation = z.enum(['security', 'special_care']);
const INCIDENT_ROLES = ['supervisor', 'security', 'special_care', 'admin'] as const;

/** Agent protection: the flag button, manual safety actions, and the incident register. */
export async function safetyRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const r = typed(app);
  const { deps } = ctx;
  const handlers = { preValidation: requireRoles(ctx.auth, deps.directory, MANUAL_ACTION_ROLES) };
  const reviewers = { preValidation: requireRoles(ctx.auth, deps.directory, INCIDENT_ROLES) };
  const agentOf = (request: Parameters<typeof sessionOf>[0]) => {
    const { agent } = sessionOf(request);
    return deps.directory.agent(agent.tenantId, agent.id);
  };

  r.post(
    '/api/conversations/:conversationId/flag',
    {
      ...handlers,
      schema: {
        tags: ['safety'],
        summary: 'End and review: open an incident for Special Care, optionally ending the conversation',
        params: conversationParams,
        body: z.object({ reason, endConversation: z.boolean().optional(), kind: z.enum(['swearing', 'threat', 'discrimination', 'prank', 'sexual']).optional() }),
      },
    },
    async (request, reply) => reply.status(201).send(await flagConversation(deps, agentOf(request), request.params.conversationId, request.body)),
  );
  r.post(
    '/api/conversations/:conversationId/safety-action',
    {
      ...handlers,
      schema: {
        tags: ['safety'],
        summary: 'Warn, time out, end or block by hand, within the line’s abuse policy',
        params: conversationParams,
        body: z.object({
          kind: z.enum(['warn', 'time_out', 'end', 'block']),
          reason,
          minutes: z.number().int().positive().optional(),
          hours: z.number().positive().optional(),
          permanent: z.boolean().optional(),
        }),
      },
    },
    async (request) => takeSafetyAction(deps, agentOf(request), request.params.conversationId, request.body),
  );
  r.get(
    '/api/incidents',
    { ...reviewers, schema: { tags: ['safety'], summary: 'The incident register, newest first', querystring: z.object({ status: status.optional(), escalatedTo: escalation.optional() }) } },
    async (request) => ({ incidents: await listIncidents(deps, agentOf(request), request.query) }),
  );
  r.get(
    '/api/incidents/export.csv',
    { ...reviewers, schema: { tags: ['safety'], summary: 'One year of incidents as CSV, with counts', querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }) } },
    async (request, reply) => {
      const year = request.query.year ?? new Date(deps.clock.now()).getUTCFullYear();
      const { csv, total } = await exportIncidentsCsv(deps, agentOf(request), year);
      await audit(deps, auditContextOf(request), 'incidents.exported', { kind: 'incidents', id: null }, { year, rows: total, format: 'csv' });
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="incidents-${year}.csv"`)
        .header('x-incident-count', String(total))
        .send(csv);
    },
  );
  r.patch(
    '/api/incidents/:incidentId',
    {
      ...reviewers,
      schema: {
        tags: ['safety'],
        summary: 'Work an incident: status and follow-up',
        params: incidentParams,
        body: z.object({
          status: status.optional(),
          followUp: z.object({ agentCare: z.object({ done: z.boolean() }).optional(), customerContacted: z.boolean().optional(), policeReport: z.boolean().optional() }).optional(),
        }),
      },
    },
    async (request) => updateIncident(deps, agentOf(request), request.params.incidentId, request.body),
  );
}
