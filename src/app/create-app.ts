import type { Config } from '../config/config.js';
import { MemoryEventBus, type EventBus } from '../realtime/event-bus.js';
import { createRepositories, type Db } from '../storage/index.js';
import { EmailAdapter } from '../channels/email/email-adapter.js';
import { WhatsAppAdapter } from '../channels/whatsapp/whatsapp-adapter.js';
import { AuthService } from './auth/auth.service.js';
import { BotModels } from './bot/bot-models.js';
import { ChannelHub } from './channels/channel-hub.js';
import { MediaFetchWorker } from './channels/media-fetch-worker.js';
import { OutboxWorker } from './channels/outbox-worker.js';
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
import { restoreCalls } from './voice/restore-calls.js';
import { CentraalMetrics } from '../ops/metrics.js';
import type { OpsState } from '../ops/ops-state.js';
import { scheduleRetention } from './privacy/retention.js';
import { SINGLE_NODE, type TenantOwnership } from './tenant-ownership.js';

export interface CentraalApp {
  deps: ServiceDeps;
  auth: AuthService;
  journal: Journal;
  /** Metrics and the draining flag, read by /metrics and /ready. */
  ops: OpsState;
  /** Delivers email and WhatsApp replies (tests call `pass()` to deliver at once). */
  outbox: OutboxWorker;
  /** Fetches WhatsApp media customers sent (tests call `pass()` to fetch at once). */
  mediaFetch: MediaFetchWorker;
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
  const ivrFlows = new IvrFlowService(repos, directory, log);
  await ivrFlows.load();
  const calls = new CallRegistry(repos, clock);
  recorder.setCallStates(calls);
  const botModels = new BotModels();
  botModels.loadImported((await repos.utterances.listLabelled()).map((u) => ({ lineId: u.lineId, language: u.language, text: u.text, intent: u.intent ?? '' })));
    const channels = new ChannelHub(repos, clock);
  const lines = () => directory.allLines();
  channels.register(new EmailAdapter({ lines, outboundUrl: config.SMTP_OUTBOUND_URL, maxAttachmentBytes: config.EMAIL_MAX_ATTACHMENT_BYTES, now: () => clock.now() }));
  channels.register(
    new WhatsAppAdapter({ lines, graphBaseUrl: config.WHATSAPP_GRAPH_BASE_URL, graphVersion: config.WHATSAPP_GRAPH_VERSION, appSecret: config.WHATSAPP_APP_SECRET, accessToken: config.WHATSAPP_ACCESS_TOKEN }),
  );
  recorder.setOutboundSelector(channels.selectOutbound);
  const deps: ServiceDeps = { config, db, repos, directory, live, recorder, routing, knowledge, botModels, ivrFlows, bus, calls, channels, clock, log };
  const outbox = new OutboxWorker(deps, { intervalMs: config.CHANNEL_OUTBOX_INTERVAL_MS, maxAttempts: config.CHANNEL_OUTBOX_MAX_ATTEMPTS }, ownership);
  const mediaFetch = new MediaFetchWorker(deps, { intervalMs: config.CHANNEL_OUTBOX_INTERVAL_MS, maxAttempts: config.CHANNEL_OUTBOX_MAX_ATTEMPTS, maxBytes: config.EMAIL_MAX_ATTACHMENT_BYTES }, ownership);
  // With several nodes a tenant's routing is restored when this node takes its lease.
  if (!ownership.clustered) await routing.restore();
  // Browser calls waiting for a timer (IVR silence, an unanswered ring) carry on from the database.
  if (!ownership.clustered) await restoreCalls(deps, directory.tenantIds());
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
    outbox,
    mediaFetch,
    startTimers() {
      outbox.start();
      mediaFetch.start();
      // Retention runs once at start, then on its interval (a DB lease keeps it to one node at a time).
      retention ??= scheduleRetention(deps, config.RETENTION_INTERVAL_MINUTES * 60_000);
      timer ??= setInterval(() => {
        routing.tick();
        if (++rounds % 4 === 0) positions.round();
      }, options.tickMs ?? 250);
      timer.unref();
    },
    async takeOver(tenantId) {
      await directory.reloadTenant(tenantId);
      live.evictTenant(tenantId);
      calls.evictTenant(tenantId);
      await routing.restoreTenant(tenantId);
      await restoreCalls(deps, [tenantId]);
    },
    letGo(tenantId) {
      routing.dropTenant(tenantId);
      live.evictTenant(tenantId);
      calls.evictTenant(tenantId);
    },
    async stop() {
      if (timer) clearInterval(timer);
      calls.stop();
      await retention?.stop();
      await outbox.stop();
      await mediaFetch.stop();
      await routing.settled();
      await journal.drain();
      await channels.close();
      await bus.close();
    },
  };
}
