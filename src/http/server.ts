import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import Fastify, { LogController, type FastifyInstance, type onRequestHookHandler, type onResponseHookHandler } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { AuthService } from '../app/auth/auth.service.js';
import type { ServiceDeps } from '../app/deps.js';
import { installErrorHandler } from './error-handler.js';
import { APP_CSP, registerStaticAssets } from './static-assets.js';
import { registerWidgetCors } from './widget-cors.js';
import { adminRoutes } from './routes/admin.routes.js';
import { agentRoutes } from './routes/agent.routes.js';
import { authRoutes } from './routes/auth.routes.js';
import { complimentRoutes } from './routes/compliment.routes.js';
import { conversationRoutes } from './routes/conversation.routes.js';
import { healthRoutes } from './routes/health.routes.js';
import { knowledgeRoutes } from './routes/knowledge.routes.js';
import { reportRoutes } from './routes/report.routes.js';
import type { RouteContext } from './routes/route-context.js';
import { safetyRoutes } from './routes/safety.routes.js';
import { wallboardRoutes } from './routes/wallboard.routes.js';
import { widgetRoutes } from './routes/widget.routes.js';

export interface BuildServerOptions {
  deps: ServiceDeps;
  auth: AuthService;
  logLevel: string;
  /** Several nodes: hooks that forward a tenant's writes to its lease holder and announce configuration changes. */
  cluster?: { onRequest: onRequestHookHandler; onResponse: onResponseHookHandler };
}

/** The HTTP API: schemas from zod (validated and published as OpenAPI at /api/openapi.json). */
export async function buildServer({ deps, auth, logLevel, cluster }: BuildServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: logLevel },
    // Per-request lines drown the useful ones at 2,000 messages/s; errors are still logged.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 256 * 1024,
    trustProxy: false,
    genReqId: () => Math.random().toString(36).slice(2, 12),
  });
  if (cluster) {
    // First of all hooks: a forwarded request is rate-limited, authenticated and handled on the holder.
    app.addHook('onRequest', cluster.onRequest);
    app.addHook('onResponse', cluster.onResponse);
  }
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    // The demo pages stand in for a client's website, which embeds the widget its own way.
    if (!request.url.startsWith('/demo')) {
      reply.header('x-frame-options', 'DENY');
      if (String(reply.getHeader('content-type') ?? '').startsWith('text/html')) reply.header('content-security-policy', APP_CSP);
    }
    return payload;
  });
  // After the hooks: a not-found handler only runs the hooks added before it was set.
  installErrorHandler(app);
  registerWidgetCors(app);
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: { info: { title: 'Centraal API', version: '0.1.0', description: 'Contact-center platform: widget, agent desktop, supervisor and admin API' } },
    transform: jsonSchemaTransform,
  });
  const ctx: RouteContext = { deps, auth };
  await app.register(async (scope) => {
    await healthRoutes(scope, ctx);
    await authRoutes(scope, ctx);
    await widgetRoutes(scope, ctx);
    await conversationRoutes(scope, ctx);
    await agentRoutes(scope, ctx);
    await adminRoutes(scope, ctx);
    await safetyRoutes(scope, ctx);
    await knowledgeRoutes(scope, ctx);
    await complimentRoutes(scope, ctx);
    await reportRoutes(scope, ctx);
    await wallboardRoutes(scope, ctx);
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await registerStaticAssets(app);
  return app;
}
