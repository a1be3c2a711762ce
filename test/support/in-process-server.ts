import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Clock } from '../../src/app/clock.js';
import { loadConfig } from '../../src/config/config.js';
import { startCentraal, type RunningCentraal, type StartOptions } from '../../src/start-centraal.js';
import type { Db, DialectName } from '../../src/storage/index.js';
import { createTestDatabase, type TestDatabase } from './databases.js';

/** A clock a test moves by hand (session expiry, retention). */
export class ManualClock implements Clock {
  constructor(private time = Date.now()) {}
  now(): number {
    return this.time;
  }
  advance(ms: number): void {
    this.time += ms;
  }
}

export interface InProcessServer {
  running: RunningCentraal;
  database: TestDatabase;
  inject: (options: InjectOptions) => Promise<LightMyRequestResponse>;
  /** Logs in and returns the cookie and CSRF headers of that user. */
  login(email: string, password?: string): Promise<{ cookie: string; 'x-csrf-token': string; agentId: string }>;
  /** A request as that user (cookie + CSRF), JSON body. */
  as(user: { cookie: string; 'x-csrf-token': string }, method: InjectOptions['method'], url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  stop(): Promise<void>;
}

/**
 * Centraal on a fresh database with the demo tenant, driven through `inject` (no sockets needed);
 * `prepare` runs on the migrated database before the app starts (e.g. to seed a second tenant).
 */
export async function startInProcess(dialect: DialectName, env: Record<string, string> = {}, options: StartOptions & { prepare?: (db: Db) => Promise<void> } = {}): Promise<InProcessServer> {
  const database = await createTestDatabase(dialect);
  if (options.prepare) {
    const db = await database.open();
    await options.prepare(db);
    await db.close();
  }
  const config = loadConfig({ ...database.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'fatal', SQLITE_SYNCHRONOUS: 'NORMAL', DEMO_CUSTOMER_BOT: 'false', ...env });
  const running = await startCentraal(config, { quiet: true, ...options });
  const inject = (o: InjectOptions) => running.server.inject(o);
  return {
    running,
    database,
    inject,
    async login(email, password = 'centraal-demo') {
      const response = await inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
      if (response.statusCode !== 200) throw new Error(`login ${email}: ${response.statusCode} ${response.body}`);
      const body = response.json<{ csrfToken: string; agent: { id: string } }>();
      return { cookie: String(response.headers['set-cookie']).split(';')[0]!, 'x-csrf-token': body.csrfToken, agentId: body.agent.id };
    },
    as(user, method, url, payload) {
      return inject({ method, url, headers: { cookie: user.cookie, 'x-csrf-token': user['x-csrf-token'] }, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
    },
    async stop() {
      await running.stop();
      await database.destroy();
    },
  };
}
