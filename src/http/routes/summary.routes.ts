import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { summariseConversation } from '../../app/summary/summarise-conversation.js';
import type { Role } from '../../core/model/index.js';
import { requireRoles, sessionOf } from '../auth-hooks.js';
import { typed, type RouteContext } from './route-context.js';

const STAFF: Role[] = ['agent', 'supervisor', 'admin', 'security', 'special_care', 'executive'];

/** Conversation summaries for the desktop's header and history panel. */
export async function summaryRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const r = typed(app);
  const { deps } = ctx;
  const staff = { preValidation: requireRoles(ctx.auth, deps.directory, STAFF) };
  r.get(
    '/api/conversations/:conversationId/summary',
    { ...staff, schema: { tags: ['conversations'], summary: "A summary of a conversation or e-mail thread: the customer's question, the outcome, key sentences", params: z.object({ conversationId: z.string().min(1).max(64) }) } },
    async (request) => {
      const { agent } = sessionOf(request);
      return summariseConversation(deps, deps.directory.agent(agent.tenantId, agent.id), request.params.conversationId);
    },
  );
}
