import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { FastifyInstance } from 'fastify';
import { createApp, type CentraalApp } from '../app/create-app.js';
import type { ServiceDeps } from '../app/deps.js';
import type { Config } from '../config/config.js';
import { RedisEventBus } from '../realtime/redis-event-bus.js';
import { createRepositories, type Db } from '../storage/index.js';
import { ClusterPresence } from './cluster-presence.js';
import { ClusterRouter } from './cluster-router.js';
import { ConfigSync, reloadTenantConfiguration } from './config-sync.js';
import { LeaseKeeper } from './lease-keeper.js';

export interface ClusterNode {
  nodeId: string;
  app: CentraalApp;
  router: ClusterRouter;
  keeper: LeaseKeeper;
  presence: ClusterPresence;
  /** Call once the HTTP server exists: starts answering other nodes and taking leases. */
  start(server: FastifyInstance): Promise<void>;
  /** Hands the leases back (after the app drained) so another node takes over at once. */
  stop(): Promise<void>;
}

const LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'];

/** A log for the cluster parts that follows LOG_LEVEL, one JSON line per entry. */
export function clusterLog(config: Config): ServiceDeps['log'] {
  const threshold = config.LOG_LEVEL === 'silent' ? Infinity : LEVELS.indexOf(config.LOG_LEVEL);
  return (level, message, detail) => {
    if (LEVELS.indexOf(level) < threshold) return;
    const line = JSON.stringify({ level, time: new Date().toISOString(), msg: message, ...detail });
    if (level === 'info') console.log(line);
    else console.error(line);
  };
}

/**
 * Several nodes (REDIS_URL with DATABASE_URL): the Redis bus, the lease keeper as the app's
 * tenant ownership, and the router that forwards a tenant's writes to its lease holder.
 */
export async function createClusterNode(config: Config, db: Db, redisUrl: string): Promise<ClusterNode> {
  const log = clusterLog(config);
  const nodeId = config.NODE_ID ?? `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  const bus = new RedisEventBus(redisUrl, log, `centraal-${nodeId}`);
  await bus.ready();
  let app: CentraalApp | undefined;
  const ttlMs = config.LEASE_TTL_SECONDS * 1000;
  const keeper = new LeaseKeeper(
    createRepositories(db),
    nodeId,
    { ttlMs, renewMs: Math.max(200, Math.floor(ttlMs / 5)) },
    {
      takeOver: async (tenantId) => app?.takeOver(tenantId),
      letGo: (tenantId) => app?.letGo(tenantId),
    },
    log,
  );
  const configSync = new ConfigSync(createRepositories(db), async (tenantId) => app && reloadTenantConfiguration(app.deps, tenantId), log, config.CONFIG_CHECK_SECONDS * 1000);
  // Before the app loads the configuration, so a change made meanwhile shows as a moved counter.
  await configSync.prime();
  app = await createApp({ config, db, bus, ownership: keeper, log });
  const router = new ClusterRouter(app.deps, app.auth, keeper, bus, configSync);
  app.deps.inboundForwarder = router;
  const presence = new ClusterPresence(bus.commands, nodeId);
  return {
    nodeId,
    app,
    router: router,
    keeper,
    presence,
    async start(server) {
      router.start(server);
      configSync.start();
      presence.start();
      await keeper.start();
      log('info', 'node started', { node: nodeId, tenants: keeper.heldTenants() });
    },
    async stop() {
      presence.stop();
      configSync.stop();
      router.stop();
      await keeper.stop();
    },
  };
}
