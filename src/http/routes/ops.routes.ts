import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { AppError } from '../../core/errors/app-error.js';
import { MIGRATION_NAMES } from '../../storage/index.js';
import type { RouteContext } from './route-context.js';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** Prometheus metrics (token or loopback only) and the readiness probe. */
export async function opsRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const { deps, ops } = ctx;
  if (!ops) return;
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    assertMayScrape(request, deps.config.METRICS_TOKEN);
    const body = await ops.metrics.registry.metrics();
    return reply.header('content-type', ops.metrics.registry.contentType).header('cache-control', 'no-store').send(body);
  });
  app.get('/ready', { schema: { tags: ['operations'], summary: 'Readiness: database reachable, migrations done, not draining (503 otherwise)' } }, async (_request, reply) => {
    const database = await sql`select 1 as one`.execute(deps.db.kysely).then(() => true, () => false);
    const migrations = database && (await migrationsDone(ctx));
    const checks = { database, migrations, draining: ops.draining };
    if (database && migrations && !ops.draining) return { status: 'ready', checks };
    const why = !database ? 'the database does not answer' : !migrations ? 'migrations have not all run' : 'the node is shutting down';
    return reply.status(503).header('cache-control', 'no-store').send({ status: 'not_ready', checks, error: { code: 'NOT_READY', message: `Not ready: ${why}` } });
  });
}

async function migrationsDone(ctx: RouteContext): Promise<boolean> {
  try {
    const rows = await ctx.deps.db.kysely.selectFrom('kysely_migration' as never).select('name' as never).execute();
    const done = new Set(rows.map((r) => (r as { name: string }).name));
    return MIGRATION_NAMES.every((name) => done.has(name));
  } catch {
    return false;
  }
}

function assertMayScrape(request: FastifyRequest, token: string | undefined): void {
  if (token) {
    const header = request.headers.authorization ?? '';
    const given = Buffer.from(header.startsWith('Bearer ') ? header.slice(7) : '');
    const expected = Buffer.from(token);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new AppError('METRICS_TOKEN_INVALID', 'GET /metrics needs Authorization: Bearer <METRICS_TOKEN>', { status: 401 });
    }
    return;
  }
  // request.ip, not the socket: behind a trusted proxy on this machine every request arrives from loopback.
  if (!LOOPBACK.has(request.ip)) {
    throw new AppError('METRICS_LOOPBACK_ONLY', 'Without METRICS_TOKEN, /metrics answers loopback clients only', { status: 403 });
  }
}
