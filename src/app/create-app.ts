import type { Config } from '../config/config.js';
import { MemoryEventBus, type EventBus } from '../realtime/event-bus.js';
import { createRepositories, type Db } from '../storage/index.js';
import { AuthService } from './auth/auth.service.js';
import { warmBotModels } from './bot/bot-models.js';
import { systemClock, type Clock } from './clock.js';
import { EventRecorder } from './conversation/event-recorder.js';
import type { ServiceDeps } from './deps.js';
import { Directory } from './directory.js';
import { Journal } from './journal.js';
import { KnowledgeService } from './knowledge/knowledge.service.js';
import { LiveConversations } from './live-conversations.js';
import { QueuePositionNotifier } from './routing/queue-position-notifier.js';
import { RoutingCoordinator } from './routing/routing-coordinator.js';
import { SINGLE_NODE, type TenantOwnership } from './tenant-ownership.js';

export interface CentraalApp {
  deps: ServiceDeps;
  auth: AuthService;
  journal: Journal;
  /** Starts the routing timer (ring-no-answer, overflow, supervisor figures). */
  startTimers(): void;
  /** Several nodes: this node took the tenant's lease; reload its configuration and rebuild its routing from the database. */
  takeOver(tenantId: string): Promise<void>;
  /** Several nodes: another node runs the tenant now; forget its engine and conversations here. */
  letGo(tenantId: string): void;
  stop(): Promise<void>;
}

export interface CreateAppOptions {
  config: Config;
  db: Db;
  clock?: Clock;
  bus?: EventBus;
  log?: ServiceDeps['log'];
  tickMs?: number;
  /** Which tenants this node runs; one node alone runs them all (the default). */
  ownership?: TenantOwnership;
}

/** Wires the application services together and restores routing state from the database. */
export async function createApp(options: CreateAppOptions): Promise<CentraalApp> {
  const { config, db } = options;
  const clock = options.clock ?? systemClock;
  const bus = options.bus ?? new MemoryEventBus();
  const log = options.log ?? (() => undefined);
  const repos = createRepositories(db);
  const directory = new Directory(repos);
  await directory.loadAll();
  const ownership = options.ownership ?? SINGLE_NODE;
  const live = new LiveConversations(repos, ownership);
  const journal = new Journal(db, repos, undefined, ownership);
  const recorder = new EventRecorder(journal, live, bus, directory, clock);
  const routing = new RoutingCoordinator(directory, live, recorder, repos, bus, clock, { ringTimeoutMs: config.RING_TIMEOUT_SECONDS * 1000, maxMissedOffers: config.MAX_MISSED_OFFERS }, log, ownership);
  const knowledge = new KnowledgeService(repos);
  await knowledge.load();
  const deps: ServiceDeps = { config, db, repos, directory, live, recorder, routing, knowledge, bus, clock, log };
  // With several nodes a tenant's routing is restored when this node takes its lease.
  if (!ownership.clustered) await routing.restore();
  // Small data: every customer bot trains in well under a second, before the first customer.
  for (const tenantId of directory.tenantIds()) warmBotModels(directory.linesOf(tenantId));
  const auth = new AuthService(repos, clock, config.SESSION_TTL_HOURS * 3600_000);
  const positions = new QueuePositionNotifier(live, routing, bus);
  let timer: NodeJS.Timeout | undefined;
  let rounds = 0;
  return {
    deps,
    auth,
    journal,
    startTimers() {
      timer ??= setInterval(() => {
        routing.tick();
        if (++rounds % 4 === 0) positions.round();
      }, options.tickMs ?? 250);
      timer.unref();
    },
    async takeOver(tenantId) {
      await directory.reloadTenant(tenantId);
      live.evictTenant(tenantId);
      await routing.restoreTenant(tenantId);
    },
    letGo(tenantId) {
      routing.dropTenant(tenantId);
      live.evictTenant(tenantId);
    },
    async stop() {
      if (timer) clearInterval(timer);
      await routing.settled();
      await journal.drain();
      await bus.close();
    },
  };
}
