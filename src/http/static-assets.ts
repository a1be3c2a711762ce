import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);
export const WEB_DIST = join(ROOT, 'dist/web');
export const WIDGET_FILE = join(ROOT, 'dist/widget/centraal-widget.js');
/** The call code, loaded by the widget only when a customer calls. */
export const WIDGET_CALL_FILE = join(ROOT, 'dist/widget/centraal-widget-call.js');
const DEMO_DIR = join(ROOT, 'widget/demo');

/** The app's own pages: scripts and styles from our origin only; the WebSocket on the same host. */
export const APP_CSP = "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

/**
 * Serves the built web app (`dist/web`, SPA fallback for its client routes), the widget
 * script at `/widget.js` (any site may load it) and the demo host pages at `/demo`.
 */
export async function registerStaticAssets(app: FastifyInstance): Promise<void> {
  const hasWeb = existsSync(join(WEB_DIST, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: WEB_DIST, prefix: '/', index: ['index.html'], wildcard: false, decorateReply: true });
  }
  for (const [path, file] of [['/widget.js', WIDGET_FILE], ['/widget-call.js', WIDGET_CALL_FILE]] as const) {
    app.get(path, { schema: { hide: true } }, async (_request, reply) => {
      if (!existsSync(file)) return reply.status(404).type('text/plain').send('widget not built: npm run build:widget');
      reply.header('access-control-allow-origin', '*').header('cache-control', 'public, max-age=300');
      return reply.type('application/javascript; charset=utf-8').send(readFileSync(file));
    });
  }
  for (const [path, file] of [['/demo', 'index.html'], ['/demo/kinderlijn', 'kinderlijn.html']] as const) {
    app.get(path, { schema: { hide: true } }, async (_request, reply) => {
      const full = join(DEMO_DIR, file);
      if (!existsSync(full)) return reply.status(404).type('text/plain').send('demo page missing');
      return reply.type('text/html; charset=utf-8').send(readFileSync(full));
    });
  }
}

/** Client-side routes of the web app get its index.html; unknown API paths stay JSON 404s. */
export function isAppRoute(method: string, url: string): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  const path = url.split('?')[0] ?? '';
  return !path.startsWith('/api/') && !path.startsWith('/ws') && !path.includes('.') && existsSync(join(WEB_DIST, 'index.html'));
}
