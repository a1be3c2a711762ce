import type { FastifyInstance } from 'fastify';

/**
 * The widget runs on clients' websites, so its API answers any origin. It is safe because
 * the widget API uses no cookies: the conversation token travels in the Authorization header.
 * Staff routes get no CORS headers at all (same-origin only).
 */
export function registerWidgetCors(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/widget/')) return;
    reply.header('access-control-allow-origin', '*');
    reply.header('access-control-allow-headers', 'content-type, authorization');
    reply.header('access-control-allow-methods', 'GET, POST, OPTIONS');
    reply.header('access-control-max-age', '600');
    if (request.method === 'OPTIONS') return reply.status(204).send();
  });
}
