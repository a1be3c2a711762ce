import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { SESSION_COOKIE } from '../../realtime/gateway.js';
import { requireRoles, sessionOf } from '../auth-hooks.js';
import { typed, type RouteContext } from './route-context.js';

const loginBody = z.object({ email: z.string().trim().min(3).max(254), password: z.string().min(1).max(200) });

export async function authRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const r = typed(app);
  r.post(
    '/api/auth/login',
    {
      schema: { tags: ['auth'], summary: 'Log in; sets the session cookie and returns the CSRF token', body: loginBody },
      config: { rateLimit: { max: ctx.deps.config.LOGINS_PER_MINUTE, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const { token, session } = await ctx.auth.login(request.body.email, request.body.password);
      reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: 'auto', path: '/', expires: new Date(session.expiresAt) });
      return { agent: publicAgent(session.agent), csrfToken: session.csrfToken, expiresAt: new Date(session.expiresAt).toISOString() };
    },
  );
  r.post('/api/auth/logout', { schema: { tags: ['auth'] }, preValidation: requireRoles(ctx.auth, ctx.deps.directory, 'any') }, async (request, reply) => {
    await ctx.auth.logout(sessionOf(request).sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });
  r.get('/api/me', { schema: { tags: ['auth'], summary: 'The logged-in user and CSRF token' }, preValidation: requireRoles(ctx.auth, ctx.deps.directory, 'any') }, async (request) => {
    const session = sessionOf(request);
    return { agent: publicAgent(ctx.deps.directory.agent(session.agent.tenantId, session.agent.id)), csrfToken: session.csrfToken };
  });
}

export function publicAgent(agent: import('../../core/model/index.js').Agent) {
  const { id, tenantId, email, name, roles, skills, queueIds, capacity, team, status, uiLanguage } = agent;
  return { id, tenantId, email, name, roles, skills, queueIds, capacity, team, status, uiLanguage };
}
