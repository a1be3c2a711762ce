import type { FastifyInstance } from 'fastify';
import { createApp, type CentraalApp } from './app/create-app.js';
import { ConfigError, type Config } from './config/config.js';
import { createClusterNode, type ClusterNode } from './cluster/start-cluster-node.js';
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
  stop(): Promise<void>;
}

/** Opens the database, migrates, seeds the demo on first start, and serves HTTP + WebSocket. */
export async function startCentraal(config: Config, options: { quiet?: boolean; demoTraffic?: boolean } = {}): Promise<RunningCentraal> {
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
  const app = cluster?.app ?? (await createApp({ config, db }));
  const clusterHooks = cluster && { onRequest: cluster.router.hook, onResponse: cluster.router.afterResponse };
  const server = await buildServer({ deps: app.deps, auth: app.auth, logLevel: config.LOG_LEVEL, ...(clusterHooks ? { cluster: clusterHooks } : {}) });
  const gateway = new RealtimeGateway(app.deps, app.auth, cluster?.router, cluster?.presence);
  gateway.attach(server.server);
  await server.listen({ port: config.PORT, host: config.HOST });
  await cluster?.start(server);
  app.startTimers();
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const url = `http://${config.HOST}:${port}`;
  if (!options.quiet) printBanner(url, demoLogins, Date.now() - started);
  const stopDemoTraffic = options.demoTraffic ? startDemoTraffic(app.deps) : () => undefined;
  if (options.demoTraffic && !options.quiet) console.log('Demo traffic: simulated customers write in on the demo lines.');
  return {
    url,
    app,
    server,
    gateway,
    db,
    async stop() {
      stopDemoTraffic();
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
