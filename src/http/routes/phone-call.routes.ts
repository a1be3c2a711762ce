import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { PhoneCallControl } from '../../app/voice/phone-call-control.js';
import { PhoneConsult } from '../../app/voice/phone-consult.js';
import { requireRoles, sessionOf } from '../auth-hooks.js';
import { typed, type RouteContext } from './route-context.js';

const params = z.object({ conversationId: z.string().min(1).max(64) });
const id = z.string().min(1).max(64);
const transferBody = z.union([
  z.object({ toQueueId: id, note: z.string().max(2000).optional() }).strict(),
  z.object({ toAgentId: id, note: z.string().max(2000).optional() }).strict(),
  z.object({ toNumber: z.string().regex(/^\+[1-9][0-9]{6,14}$/, 'an E.164 number (+ and 7–15 digits)') }).strict(),
]);
const e164 = z.string().regex(/^\+[1-9][0-9]{6,14}$/, 'an E.164 number (+ and 7–15 digits)');
const consultBody = z.union([
  z.object({ toAgentId: id, note: z.string().max(2000).optional() }).strict(),
  z.object({ toNumber: e164, note: z.string().max(2000).optional() }).strict(),
]);
/** `callerConsent` is required (true) to complete a consult with an outside number: the caller agreed to go there. */
const completeBody = z.object({ note: z.string().max(2000).optional(), callerConsent: z.boolean().optional() }).strict().nullish();

/**
 * The desktop's controls for a call on a phone line: each one updates the live call through the
 * provider's REST API, then records it on the conversation. Same session, role and CSRF checks as the
 * other conversation actions; only the agent the call is assigned to may use them.
 */
export async function phoneCallRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const r = typed(app);
  const { deps } = ctx;
  const control = new PhoneCallControl(deps);
  const consult = new PhoneConsult(deps, control);
  const staff = { preValidation: requireRoles(ctx.auth, deps.directory, ['agent', 'supervisor', 'admin', 'security', 'special_care', 'executive']) };
  const agentOf = (request: Parameters<typeof sessionOf>[0]) => {
    const { agent } = sessionOf(request);
    return deps.directory.agent(agent.tenantId, agent.id);
  };
  const tags = ['voice'];

  r.post('/api/conversations/:conversationId/phone/hold', { ...staff, schema: { tags, summary: 'Phone-line call: hold (the caller hears hold music)', params } }, async (request) => {
    await control.hold(agentOf(request), request.params.conversationId);
    return { ok: true };
  });
  r.post('/api/conversations/:conversationId/phone/resume', { ...staff, schema: { tags, summary: "Phone-line call: resume (the caller is connected to the agent's softphone again)", params } }, async (request) => {
    await control.resume(agentOf(request), request.params.conversationId);
    return { ok: true };
  });
  r.post(
    '/api/conversations/:conversationId/phone/transfer',
    { ...staff, schema: { tags, summary: 'Phone-line call: blind transfer to a queue, a colleague or an outside number', params, body: transferBody } },
    async (request) => {
      const body = request.body;
      const target = 'toNumber' in body ? { toNumber: body.toNumber } : 'toQueueId' in body ? { toQueueId: body.toQueueId } : { toAgentId: body.toAgentId };
      await control.transfer(agentOf(request), request.params.conversationId, target, 'note' in body ? body.note : undefined);
      return { ok: true };
    },
  );
  r.post(
    '/api/conversations/:conversationId/phone/consult',
    { ...staff, schema: { tags, summary: 'Phone-line call: warm transfer, step 1 — the caller waits with music in a conference, the colleague (or an outside number, from the line\'s own number) is called', params, body: consultBody } },
    async (request) => {
      const body = request.body;
      if ('toNumber' in body) await consult.consultNumber(agentOf(request), request.params.conversationId, body.toNumber, body.note);
      else await consult.consult(agentOf(request), request.params.conversationId, body.toAgentId, body.note);
      return { ok: true };
    },
  );
  r.post(
    '/api/conversations/:conversationId/phone/consult/complete',
    { ...staff, schema: { tags, summary: 'Phone-line call: warm transfer, complete — the colleague joins the caller and takes the conversation', params, body: completeBody } },
    async (request) => {
      await consult.complete(agentOf(request), request.params.conversationId, request.body?.note, request.body?.callerConsent === true);
      return { ok: true };
    },
  );
  r.post('/api/conversations/:conversationId/phone/consult/cancel', { ...staff, schema: { tags, summary: "Phone-line call: warm transfer, cancel — the colleague's leg ends, the caller is back with the agent", params } }, async (request) => {
    await consult.cancel(agentOf(request), request.params.conversationId);
    return { ok: true };
  });
  r.post('/api/conversations/:conversationId/phone/hangup', { ...staff, schema: { tags, summary: 'Phone-line call: hang up (the conversation goes to wrap-up)', params } }, async (request) => {
    await control.hangUp(agentOf(request), request.params.conversationId);
    return { ok: true };
  });
}
