import type { FastifyInstance } from 'fastify';
import type { DestinationStream } from 'pino';
import type { Clock } from './app/clock.js';
import { createApp, type CentraalApp } from './app/create-app.js';
import { ConfigError, type Config } from './config/config.js';
import { createClusterNode, type ClusterNode } from './cluster/start-cluster-node.js';
import { receiveItems } from './app/channels/receive-inbound.js';
import { startSmtpInbound, type RunningSmtpInbound } from './channels/email/smtp-inbound-server.js';
import { buildServer } from './http/server.js';
import { RealtimeGateway } from './realtime/gateway.js';
import { migrateToLatest, openDatabase, withStartupLock, type Db } from './storage/index.js';
import { seedDemoTenant, type DemoLogin } from './storage/seed/demo-tenant.seed.js';
import { startDemoTraffic } from './demo/demo-traffic.js';

export interface RunningCentraal {
  url: string;
  app: CentraalApp;
  server: FastifyInstance;
  gateway: RealtimeGateway;
  db: Db;
  /** The inbound SMTP server's port, when SMTP_INBOUND_PORT is set. */
  smtpPort: number | undefined;
  /**
   * Graceful shutdown (SIGTERM): /ready turns 503, sockets are told to reconnect elsewhere
   * (close code 1012), the HTTP server stops accepting and finishes in-flight requests, the
   * journal flushes its last batch, then the database closes.
   */
  stop(): Promise<void>;
}

export interface StartOptions {
  quiet?: boolean;
  demoTraffic?: boolean;
  /** Tests: a clock they move (session expiry, retention). */
  clock?: Clock;
  /** Tests: where log lines go. */
  logStream?: DestinationStream;
}

/** Opens the database, migrates, seeds the demo on first start, and serves HTTP + WebSocket. */
export async function startCentraal(config: Config, options: StartOptions = {}): Promise<RunningCentraal> {
  const started = Date.now();
  const db = await openDatabase({ dataDir: config.DATA_DIR, databaseUrl: config.DATABASE_URL, synchronous: config.SQLITE_SYNCHRONOUS });
  // Several nodes may start at once on the same PostgreSQL: one migrates and seeds at a time.
  const demoLogins: DemoLogin[] | undefined = await withStartupLock(db, async () => {
    await migrateToLatest(db);
    return config.DEMO_DATA ? seedDemoTenant(db, Date.now(), { customerBot: config.DEMO_CUSTOMER_BOT }) : undefined;
  });
  let cluster: ClusterNode | undefined;
  if (config.REDIS_URL) {
    if (!config.DATABASE_URL) throw new ConfigError(['REDIS_URL: several nodes share one PostgreSQL database; set DATABASE_URL too']);
    cluster = await createClusterNode(config, db, config.REDIS_URL);
  }
  const app = cluster?.app ?? (await createApp({ config, db, ...(options.clock ? { clock: options.clock } : {}) }));
  const clusterHooks = cluster && { onRequest: cluster.router.hook, onResponse: cluster.router.afterResponse };
  const server = await buildServer({ deps: app.deps, auth: app.auth, logLevel: config.LOG_LEVEL, ops: app.ops, ...(options.logStream ? { logStream: options.logStream } : {}), ...(clusterHooks ? { cluster: clusterHooks } : {}) });
  const gateway = new RealtimeGateway(app.deps, app.auth, cluster?.router, cluster?.presence);
  gateway.attach(server.server);
  app.ops.metrics.countSocketsWith(() => gateway.connectionCount);
  await server.listen({ port: config.PORT, host: config.HOST });
  await cluster?.start(server);
  app.startTimers();
  const smtp = config.SMTP_INBOUND_PORT === undefined ? undefined : await startMailIntake(app, config);
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const url = `http://${config.HOST}:${port}`;
  if (!options.quiet) printBanner(url, demoLogins, Date.now() - started);
  if (smtp && !options.quiet) printMailboxes(app, config.SMTP_INBOUND_HOST, smtp.port);
  const stopDemoTraffic = options.demoTraffic ? startDemoTraffic(app.deps) : () => undefined;
  if (options.demoTraffic && !options.quiet) console.log('Demo traffic: simulated customers write in on the demo lines.');
  return {
    url,
    app,
    server,
    gateway,
    db,
    smtpPort: smtp?.port,
    async stop() {
      app.ops.draining = true;
      stopDemoTraffic();
      await smtp?.close();
      await gateway.close();
      await server.close();
      await app.stop();
      await cluster?.stop();
      await db.close();
    },
  };
}

function printBanner(url: string, logins: DemoLogin[] | undefined, ms: number): void {
  console.log(`Centraal is running at ${url} (started in ${ms} ms)`);
  console.log(`Agent desktop: ${url}/desktop   Supervisor: ${url}/supervisor   Admin: ${url}/admin`);
  console.log(`Demo website with the chat widget: ${url}/demo   API description: ${url}/api/openapi.json`);
  if (logins?.length) {
    console.log('Demo logins:');
    for (const login of logins) console.log(`  ${login.role.padEnd(16)} ${login.email.padEnd(34)} ${login.password}`);
  }
}

/** The lines' mailboxes over SMTP: a mail is parsed by the email adapter and stored before the 250 reply. */
function startMailIntake(app: CentraalApp, config: Config): Promise<RunningSmtpInbound> {
  const { deps } = app;
  const email = deps.channels.adapterFor('email')!;
  return startSmtpInbound({
    host: config.SMTP_INBOUND_HOST,
    port: config.SMTP_INBOUND_PORT ?? 0,
    maxMessageBytes: config.EMAIL_MAX_MESSAGE_BYTES,
    lines: () => deps.directory.allLines(),
    receive: async (raw) => {
      await receiveItems(deps, await email.parseInbound(raw));
    },
    log: deps.log,
  });
}

function printMailboxes(app: CentraalApp, host: string, port: number): void {
  const boxes = app.deps.directory.allLines().filter((l) => l.email);
  console.log(`Mail intake: smtp://${host}:${port}${boxes.length ? ` for ${boxes.map((l) => `${l.email!.address} (${l.name})`).join(', ')}` : ''}`);
}
