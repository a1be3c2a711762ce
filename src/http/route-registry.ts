import type { FastifyInstance, RouteOptions } from 'fastify';
import type { Role } from '../core/model/index.js';
import { REQUIRED_ROLES } from './auth-hooks.js';

/** A route as registered, with the roles its `requireRoles` hook lets through (none: public). */
export interface RegisteredRoute {
  method: string;
  url: string;
  roles: readonly Role[] | 'any' | null;
}

declare module 'fastify' {
  interface FastifyInstance {
    registeredRoutes(): RegisteredRoute[];
  }
}

/**
 * Records every route with its required roles. Must be installed before the routes are
 * registered; the security tests iterate this list, so a new route without a session check or a
 * tenant check is caught unless it is on the tests' public allowlist.
 */
export function installRouteRegistry(app: FastifyInstance): void {
  const routes: RegisteredRoute[] = [];
  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      routes.push({ method, url: route.url, roles: rolesOf(route.onRequest) ?? rolesOf(route.preValidation) ?? rolesOf(route.preHandler) });
    }
  });
  app.decorate('registeredRoutes', () => [...routes]);
}

function rolesOf(hook: unknown): RegisteredRoute['roles'] {
  const handlers: unknown[] = Array.isArray(hook) ? hook : hook ? [hook] : [];
  for (const handler of handlers) {
    const roles = (handler as unknown as Record<symbol, unknown>)[REQUIRED_ROLES];
    if (roles) return roles as RegisteredRoute['roles'];
  }
  return null;
}
