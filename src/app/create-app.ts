import type { Config } from '../config/config.js';
import { MemoryEventBus, type EventBus } from '../realtime/event-bus.js';
import { createRepositories, type Db } from '../storage/index.js';
import { AuthService } from './auth/auth.service.js';
import { BotModels } from './bot/bot-models.js';
import { systemClock, type Clock } from './clock.js';
import { EventRecorder } from './conversation/event-recorder.js';
import type { ServiceDeps } from './deps.js';
import { Directory } from './directory.js';
import { Journal } from './journal.js';
import { KnowledgeService } from './knowledge/knowledge.service.js';
import { LiveConversations } from './live-conversations.js';
import { QueuePositionNotifier } from './routing/queue-position-notifier.js';
import { RoutingCoordinator } from './routing/routing-coordinator.js';
import { CallRegistry } from './voice/call-registry.js';
import { IvrFlowService } from './voice/ivr-flow.service.js';
import { CentraalMetrics } from '../ops/metrics.js';
import type { OpsState } from '../ops/ops-state.js';
import { scheduleRetention } from './privacy/retention.js';

export interface CentraalApp {
  deps: ServiceDeps;
  auth: AuthService;
  journal: Journal;
  /** Metrics and the draining flag, read by /metrics and /ready. */
  ops: OpsState;
  /** Starts the routing timer (ring-no-answer, overflow, supervisor figures). */
  startTimers(): void;
  stop(): Promise<void>;
}

export interface CreateAppOptions {
  config: Config;
  db: Db;
  clock?: Clock;
  bus?: EventBus;
  log?: ServiceDeps['log'];
  tickMs?: number;
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
  const live = new LiveConversations(repos);
  const journal = new Journal(db, repos);
  const recorder = new EventRecorder(journal, live, bus, directory, clock);
  const routing = new RoutingCoordinator(directory, live, recorder, repos, bus, clock, { ringTimeoutMs: config.RING_TIMEOUT_SECONDS * 1000, maxMissedOffers: config.MAX_MISSED_OFFERS }, log);
  const knowledge = new KnowledgeService(repos);
  await knowledge.load();
  const ivrFlows = new IvrFlowService(repos, directory, log);
  await ivrFlows.load();
  const calls = new CallRegistry();
  const botModels = new BotModels();
  botModels.loadImported((await repos.utterances.listLabelled()).map((u) => ({ lineId: u.lineId, language: u.language, text: u.text, intent: u.intent ?? '' })));
  const deps: ServiceDeps = { config, db, repos, directory, live, recorder, routing, knowledge, botModels, ivrFlows, bus, calls, clock, log };
  await routing.restore();
  // Small data: every customer bot trains in well under a second, before the first customer.
  for (const tenantId of directory.tenantIds()) botModels.warm(directory.linesOf(tenantId));
  const auth = new AuthService(repos, clock, { ttlMs: config.SESSION_TTL_HOURS * 3600_000, idleMs: config.SESSION_IDLE_MINUTES * 60_000 });
  const positions = new QueuePositionNotifier(live, routing, bus);
  const ops: OpsState = { metrics: new CentraalMetrics(deps), draining: false };
  journal.observer = (entry, ms) => ops.metrics.observeCommit(entry, ms);
  let retention: ReturnType<typeof scheduleRetention> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let rounds = 0;
  return {
    deps,
    auth,
    journal,
    ops,
    startTimers() {
      // Retention runs once at start, then on its interval (a DB lease keeps it to one node at a time).
      retention ??= scheduleRetention(deps, config.RETENTION_INTERVAL_MINUTES * 60_000);
      timer ??= setInterval(() => {
        routing.tick();
        if (++rounds % 4 === 0) positions.round();
      }, options.tickMs ?? 250);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      calls.stop();
      await retention?.stop();
      await routing.settled();
      await journal.drain();
      await bus.close();
    },
  };
}
