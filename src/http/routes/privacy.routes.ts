import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Role } from '../../core/model/index.js';
import { eraseContact } from '../../app/privacy/erase-contact.js';
import { exportContact } from '../../app/privacy/export-contact.js';
import { recordConsent } from '../../app/privacy/record-consent.js';
import { errors } from '../../app/app.errors.js';
import { loadConversation } from '../../app/conversation/read-conversation.js';
import { assertCanRead } from '../../app/conversation/access.js';
import { auditContextOf, requireRoles, sessionOf } from '../auth-hooks.js';
import { typed, type RouteContext } from './route-context.js';

const IDENTIFIER_KINDS = ['visitor', 'ip', 'phone', 'email', 'whatsapp', 'customer_ref'] as const;
/** The person is named by the pseudonymous key or by the identifier they gave; in the body, never in the URL (URLs end up in logs). */
const contactSelector = z.union([
  z.object({ contactKey: z.string().regex(/^[0-9a-f]{64}$/, 'a contact key is 64 hex characters') }).strict(),
  z.object({ identifier: z.object({ kind: z.enum(IDENTIFIER_KINDS), value: z.string().trim().min(1).max(320) }).strict() }).strict(),
]);
const PRIVACY_OFFICERS: Role[] = ['admin', 'security'];
const STAFF: Role[] = ['agent', 'supervisor', 'admin', 'security', 'special_care', 'executive'];
const conversationParams = z.object({ conversationId: z.string().min(1).max(64) });

/** GDPR: export and erasure of one contact's data (admins, security), and consent noted in a conversation. */
export async function privacyRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const r = typed(app);
  const { deps } = ctx;
  const officers = { preValidation: requireRoles(ctx.auth, deps.directory, PRIVACY_OFFICERS) };
  const staff = { preValidation: requireRoles(ctx.auth, deps.directory, STAFF) };
  const tags = ['privacy'];

  r.post('/api/privacy/contacts/export', { ...officers, schema: { tags, summary: "Everything stored about one contact, as JSON (audited)", body: contactSelector } }, async (request, reply) => {
    const data = await exportContact(deps, auditContextOf(request), request.body);
    return reply.header('cache-control', 'no-store').header('content-disposition', 'attachment; filename="contact-export.json"').send(data);
  });
  r.post('/api/privacy/contacts/erase', { ...officers, schema: { tags, summary: "Erase one contact's conversations, texts and identifiers (audited; refused while a conversation is open)", body: contactSelector } }, async (request) =>
    eraseContact(deps, auditContextOf(request), request.body),
  );
  r.post(
    '/api/conversations/:conversationId/consents',
    { ...staff, schema: { tags, summary: 'Note the customer’s consent (or refusal) to a referral or a recording', params: conversationParams, body: z.object({ kind: z.enum(['referral', 'recording']), granted: z.boolean(), note: z.string().trim().max(500).optional() }).strict() } },
    async (request, reply) => {
      const { agent } = sessionOf(request);
      const record = await recordConsent(deps, deps.directory.agent(agent.tenantId, agent.id), request.params.conversationId, request.body);
      return reply.status(201).send({ ...record, at: new Date(record.at).toISOString() });
    },
  );
  r.get('/api/conversations/:conversationId/consents', { ...staff, schema: { tags, summary: 'Consent records of a conversation', params: conversationParams } }, async (request) => {
    const { agent } = sessionOf(request);
    const conversation = await loadConversation(deps, request.params.conversationId);
    assertCanRead(conversation, { kind: 'agent', agent: deps.directory.agent(agent.tenantId, agent.id) });
    if (conversation.tenantId !== agent.tenantId) throw errors.notFound('conversation', conversation.id);
    const records = await deps.repos.consents.listByConversation(agent.tenantId, conversation.id);
    return { consents: records.map((c) => ({ ...c, at: new Date(c.at).toISOString() })) };
  });
}
