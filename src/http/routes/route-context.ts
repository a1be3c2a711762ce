import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AuthService } from '../../app/auth/auth.service.js';
import type { ServiceDeps } from '../../app/deps.js';
import type { OpsState } from '../../ops/ops-state.js';

export type App = FastifyInstance & { withTypeProvider(): FastifyInstance };

/** What every route module receives: the use cases' dependencies and the auth service. */
export interface RouteContext {
  deps: ServiceDeps;
  auth: AuthService;
  /** Metrics and draining flag; absent in servers built without them. */
  ops?: OpsState;
}

export function typed(app: FastifyInstance) {
  return app.withTypeProvider<ZodTypeProvider>();
}
