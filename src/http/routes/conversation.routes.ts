import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { closeConversation } from '../../app/conversation/close.js';
import { acceptOffer, declineOffer } from '../../app/conversation/offer-response.js';
import { postMessage } from '../../app/conversation/post-message.js';
import { contactHistory, conversationDetails, readEvents } from '../../app/conversation/read-conversation.js';
import { register } from '../../app/conversation/register.js';
import { transferConversation } from '../../app/conversation/transfer.js';
import { MAX_MESSAGE_LENGTH } from '../../realtime/protocol.js';
import { audit } from '../../app/security/audit.js';
import { auditContextOf, requireRoles, sessionOf } from '../auth-hooks.js';
import { typed, type RouteContext } from './route-context.js';

const params = z.object({ conversationId: z.string().min(1).max(64) });
const id = z.string().min(1).max(64);
const topicBody = z.object({ topicId: id, subtopicId: id.nullable().default(null) });

/** The agent desktop's conversation actions. Every route checks the session, role and CSRF token. */
export async function conversationRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const r = typed(app);
  const { deps } = ctx;
  const staff = { preValidation: requireRoles(ctx.auth, deps.directory, ['agent', 'supervisor', 'admin', 'security', 'special_care', 'executive']) };
  const agentOf = (request: Parameters<typeof sessionOf>[0]) => {
    const { agent } = sessionOf(request);
    return deps.directory.agent(agent.tenantId, agent.id);
  };
  const tags = ['conversations'];

  r.get('/api/conversations/:conversationId', { ...staff, schema: { tags, summary: 'Conversation, contact (pseudonymous on anonymous lines), registration and context (audited)', params } }, async (request) => {
    const details = await conversationDetails(deps, { kind: 'agent', agent: agentOf(request) }, request.params.conversationId);
    // Only a read that was allowed is an "open"; refused ones are in the HTTP metrics.
    await audit(deps, auditContextOf(request), 'conversation.opened', { kind: 'conversation', id: details.id }, { lineId: details.line.id, state: details.state });
    return details;
  });
  r.get(
    '/api/conversations/:conversationId/events',
    { ...staff, schema: { tags, summary: 'Events after a sequence number', params, querystring: z.object({ after: z.coerce.number().int().min(0).default(0) }) } },
    async (request) => ({ events: await readEvents(deps, { kind: 'agent', agent: agentOf(request) }, request.params.conversationId, request.query.after) }),
  );
  r.get('/api/conversations/:conversationId/history', { ...staff, schema: { tags, summary: "The contact's earlier conversations on this line", params } }, async (request) => ({
    conversations: await contactHistory(deps, { kind: 'agent', agent: agentOf(request) }, request.params.conversationId),
  }));
  r.post('/api/conversations/:conversationId/accept', { ...staff, schema: { tags, summary: 'Accept an offer', params } }, async (request) => {
    await acceptOffer(deps, agentOf(request), request.params.conversationId);
    return { ok: true };
  });
  r.post('/api/conversations/:conversationId/decline', { ...staff, schema: { tags, summary: 'Decline an offer', params } }, async (request) => {
    await declineOffer(deps, agentOf(request), request.params.conversationId);
    return { ok: true };
  });
  r.post(
    '/api/conversations/:conversationId/messages',
    { ...staff, schema: { tags, summary: 'Send a message, or an internal note with internal: true', params, body: z.object({ clientId: id, text: z.string().trim().max(MAX_MESSAGE_LENGTH), internal: z.boolean().default(false), attachmentIds: z.array(id).max(5).optional() }) } },
    async (request, reply) => {
      const result = await postMessage(deps, { kind: 'agent', agent: agentOf(request) }, { conversationId: request.params.conversationId, ...request.body });
      return reply.status(result.duplicate ? 200 : 201).send(result);
    },
  );
  r.post('/api/conversations/:conversationId/topics', { ...staff, schema: { tags, summary: 'Register a topic/subtopic', params, body: topicBody } }, async (request) =>
    register(deps, agentOf(request), request.params.conversationId, { kind: 'topic_added', ...request.body }),
  );
  r.delete('/api/conversations/:conversationId/topics', { ...staff, schema: { tags, summary: 'Remove a registered topic', params, body: topicBody } }, async (request) =>
    register(deps, agentOf(request), request.params.conversationId, { kind: 'topic_removed', ...request.body }),
  );
  r.put('/api/conversations/:conversationId/phase', { ...staff, schema: { tags, summary: 'Move to a phase of the phase model', params, body: z.object({ phaseId: id }) } }, async (request) =>
    register(deps, agentOf(request), request.params.conversationId, { kind: 'phase_changed', phaseId: request.body.phaseId }),
  );
  r.put('/api/conversations/:conversationId/wrap-up', { ...staff, schema: { tags, summary: 'Set the wrap-up code', params, body: z.object({ code: id }) } }, async (request) =>
    register(deps, agentOf(request), request.params.conversationId, { kind: 'wrap_up_set', code: request.body.code }),
  );
  r.put('/api/conversations/:conversationId/notes', { ...staff, schema: { tags, summary: 'Replace the registration notes', params, body: z.object({ notes: z.string().max(10_000) }) } }, async (request) =>
    register(deps, agentOf(request), request.params.conversationId, { kind: 'notes_changed', notes: request.body.notes }),
  );
  r.post(
    '/api/conversations/:conversationId/transfer',
    { ...staff, schema: { tags, summary: 'Transfer to a queue or a colleague with an internal note', params, body: z.object({ toQueueId: id.optional(), toAgentId: id.optional(), note: z.string().max(2000).optional() }) } },
    async (request) => {
      await transferConversation(deps, agentOf(request), { conversationId: request.params.conversationId, ...request.body });
      return { ok: true };
    },
  );
  r.post('/api/conversations/:conversationId/close', { ...staff, schema: { tags, summary: 'Close with a wrap-up code', params, body: z.object({ wrapUpCode: id.optional() }) } }, async (request) => {
    await closeConversation(deps, agentOf(request), request.params.conversationId, request.body.wrapUpCode);
    return { ok: true };
  });
}
