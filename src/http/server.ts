import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import { randomUUID } from 'node:crypto';
import type { DestinationStream } from 'pino';
import Fastify, { LogController, type FastifyInstance, type onRequestHookHandler, type onResponseHookHandler } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { AuthService } from '../app/auth/auth.service.js';
import type { ServiceDeps } from '../app/deps.js';
import { frameworkErrorHandler, installErrorHandler } from './error-handler.js';
import { APP_CSP, registerStaticAssets } from './static-assets.js';
import { registerWidgetCors } from './widget-cors.js';
import { adminRoutes } from './routes/admin.routes.js';
import { agentRoutes } from './routes/agent.routes.js';
import { authRoutes } from './routes/auth.routes.js';
import { channelRoutes } from './routes/channel.routes.js';
import { complimentRoutes } from './routes/compliment.routes.js';
import { contentRoutes } from './routes/content.routes.js';
import { conversationRoutes } from './routes/conversation.routes.js';
import { healthRoutes } from './routes/health.routes.js';
import { knowledgeRoutes } from './routes/knowledge.routes.js';
import { qualityRoutes } from './routes/quality.routes.js';
import { reportRoutes } from './routes/report.routes.js';
import type { RouteContext } from './routes/route-context.js';
import { safetyRoutes } from './routes/safety.routes.js';
import { summaryRoutes } from './routes/summary.routes.js';
import { wallboardRoutes } from './routes/wallboard.routes.js';
import { campaignRoutes } from './routes/campaign.routes.js';
import { popupSeatRoutes } from './routes/popup-seat.routes.js';
import { ivrAdminRoutes } from './routes/ivr-admin.routes.js';
import { voiceRoutes } from './routes/voice.routes.js';
import { phoneCallRoutes } from './routes/phone-call.routes.js';
import { widgetRoutes } from './routes/widget.routes.js';
import { auditRoutes } from './routes/audit.routes.js';
import { opsRoutes } from './routes/ops.routes.js';
import { privacyRoutes } from './routes/privacy.routes.js';
import { installRouteRegistry } from './route-registry.js';
import type { OpsState } from '../ops/ops-state.js';
import type { TrustProxy } from '../config/trust-proxy.js';

export interface BuildServerOptions {
  deps: ServiceDeps;
  auth: AuthService;
  logLevel: string;
  /** Metrics and the draining flag (/metrics, /ready). */
  ops?: OpsState;
  /** Where log lines go (tests read them); stdout by default. */
  logStream?: DestinationStream;
  /** Several nodes: hooks that forward a tenant's writes to its lease holder and announce configuration changes. */
  cluster?: { onRequest: onRequestHookHandler; onResponse: onResponseHookHandler };
}

/** A caller's request id is kept when it looks like one; otherwise we make one. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * Never in a log line: credentials, cookies, tokens, and what people wrote (bodies are not
 * logged at all; these paths guard the headers that error logs may carry).
 */
export const LOG_REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'body',
  'req.body',
  'password',
  'text',
];

/** A hop count becomes the function Fastify would make of it (its types take no number): trust the first n hops. */
function fastifyTrustProxy(setting: TrustProxy): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof setting === 'number' ? (_address, hop) => hop < setting : setting;
}

/** The HTTP API: schemas from zod (validated and published as OpenAPI at /api/openapi.json). */
export async function buildServer({ deps, auth, logLevel, ops, logStream, cluster }: BuildServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: logLevel, redact: { paths: LOG_REDACT_PATHS, censor: '[redacted]' }, ...(logStream ? { stream: logStream } : {}) },
    // Per-request lines drown the useful ones at 2,000 messages/s; errors are still logged.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 256 * 1024,
    // TRUST_PROXY: off by default, so a client cannot choose its own address with X-Forwarded-For;
    // behind a proxy, its hop count or addresses make request.ip the client's (rate limits, audit, blocking).
    trustProxy: fastifyTrustProxy(deps.config.TRUST_PROXY),
    frameworkErrors: frameworkErrorHandler,
    // x-request-id from a proxy is kept (so one id follows a request through every hop), else a new one.
    requestIdHeader: false,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });
  installRouteRegistry(app);
  if (cluster) {
    // First of the request hooks: a forwarded request is rate-limited, authenticated and handled on the holder.
    app.addHook('onRequest', cluster.onRequest);
    app.addHook('onResponse', cluster.onResponse);
  }
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  if (ops) {
    app.addHook('onResponse', async (request, reply) => {
      ops.metrics.observeResponse(request.method, request.routeOptions.url ?? 'unmatched', reply.statusCode);
    });
  }
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('cross-origin-opener-policy', 'same-origin');
    // The softphone (/desktop) and the widget's call button (/demo, which stands in for a client's site) need the
    // microphone on our own origin; an empty microphone=() list makes getUserMedia fail and calls go silent.
    // Camera, location and payment stay off everywhere.
    reply.header('permissions-policy', 'camera=(), microphone=(self), geolocation=(), payment=()');
    // API answers carry personal data: no cache (browser or proxy) may keep them.
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
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
  const ctx: RouteContext = { deps, auth, ...(ops ? { ops } : {}) };
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
    await voiceRoutes(scope, ctx);
    await phoneCallRoutes(scope, ctx);
    await contentRoutes(scope, ctx);
    await summaryRoutes(scope, ctx);
    await privacyRoutes(scope, ctx);
    await auditRoutes(scope, ctx);
    await opsRoutes(scope, ctx);
    await qualityRoutes(scope, ctx);
    await ivrAdminRoutes(scope, ctx);
    await campaignRoutes(scope, ctx);
    await popupSeatRoutes(scope, ctx);
    await channelRoutes(scope, ctx);
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await registerStaticAssets(app);
  return app;
}
