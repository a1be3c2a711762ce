import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../core/model/index.js';
import { errors } from '../app/app.errors.js';
import type { AuthenticatedSession, AuthService } from '../app/auth/auth.service.js';
import type { Directory } from '../app/directory.js';
import type { AuditContext } from '../app/security/audit.js';
import { SESSION_COOKIE } from '../realtime/gateway.js';

declare module 'fastify' {
  interface FastifyRequest {
    session?: AuthenticatedSession;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A hook for every staff route, used as `preValidation` so that a caller without a session learns
 * nothing about the body schema: a valid session cookie, one of the roles, and for
 * state-changing requests the CSRF token (double submit: header must equal the session's token).
 */
export function requireRoles(auth: AuthService, directory: Directory, roles: readonly Role[] | 'any') {
  const hook = async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token) throw errors.unauthenticated();
    const session = await auth.authenticate(token, (tenantId, id) => directory.findAgent(tenantId, id));
    if (!session) throw errors.unauthenticated();
    if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== session.csrfToken) throw errors.csrf();
    if (roles !== 'any' && !session.agent.roles.some((r) => roles.includes(r))) {
      throw errors.forbidden(`This needs one of the roles: ${roles.join(', ')}`);
    }
    request.session = session;
  };
  // The route registry reads this, so tests can check every route's roles and find routes without any.
  return Object.assign(hook, { [REQUIRED_ROLES]: roles });
}

/** Marks a preHandler made by `requireRoles` with the roles it lets through. */
export const REQUIRED_ROLES = Symbol('requiredRoles');

/** Who did it, for the audit log: the session's user, the request id and the client address. */
export function auditContextOf(request: FastifyRequest): AuditContext {
  const { agent } = sessionOf(request);
  return { actor: { id: agent.id, tenantId: agent.tenantId, roles: agent.roles }, requestId: String(request.id), ip: request.ip };
}

export function sessionOf(request: FastifyRequest): AuthenticatedSession {
  if (!request.session) throw errors.unauthenticated();
  return request.session;
}
