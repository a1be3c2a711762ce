import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { JournalEntry } from '../app/journal.js';
import type { ServiceDeps } from '../app/deps.js';

/**
 * The Prometheus metrics of one Centraal node, in a registry of its own (tests run several apps
 * in one process). Queue figures and socket counts are read when scraped; counters and the
 * latency histogram are fed by the journal and the HTTP hook.
 */
export class CentraalMetrics {
  readonly registry = new Registry();
  private readonly httpResponses: Counter<'method' | 'route' | 'code'>;
  private readonly events: Counter<'type'>;
  private readonly offers: Counter;
  private readonly messageLatency: Histogram;
  private readonly answeredWait: Histogram<'queue'>;
  private socketCount: () => number = () => 0;

  constructor(deps: Pick<ServiceDeps, 'directory' | 'routing' | 'clock'>) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, prefix: 'centraal_' });
    this.httpResponses = new Counter({ name: 'centraal_http_responses_total', help: 'HTTP responses by method, route pattern and status code', labelNames: ['method', 'route', 'code'], registers });
    this.events = new Counter({ name: 'centraal_events_total', help: 'Conversation events made durable, by type', labelNames: ['type'], registers });
    this.offers = new Counter({ name: 'centraal_offers_total', help: 'Offers made to agents (conversation.offered events)', registers });
    this.messageLatency = new Histogram({
      name: 'centraal_message_durable_seconds',
      help: 'From posting a message to its COMMIT (group commit included): what an acknowledgement waits for',
      buckets: [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    this.answeredWait = new Histogram({
      name: 'centraal_queue_wait_seconds',
      help: 'How long answered contacts waited, from entering the queue to an agent accepting',
      labelNames: ['queue'],
      buckets: [5, 10, 20, 30, 60, 120, 300, 600, 1800],
      registers,
    });
    const queueLabels = ['tenant', 'queue'] as const;
    // prom-client calls a metric's `collect` just before writing it; the first queue gauge refreshes all of them.
    const waiting = new Gauge({ name: 'centraal_queue_waiting', help: 'Contacts waiting in a queue', labelNames: queueLabels, registers, collect: () => collect() });
    const offered = new Gauge({ name: 'centraal_queue_offered', help: 'Contacts of a queue with an open offer', labelNames: queueLabels, registers });
    const longest = new Gauge({ name: 'centraal_queue_longest_wait_seconds', help: 'Longest current wait in a queue', labelNames: queueLabels, registers });
    const agents = new Gauge({ name: 'centraal_agents', help: 'Agents by status', labelNames: ['tenant', 'status'], registers });
    const collect = () => {
      waiting.reset();
      offered.reset();
      longest.reset();
      agents.reset();
      const now = deps.clock.now();
      for (const tenant of deps.directory.tenantIds()) {
        const engine = deps.routing.engine(tenant);
        for (const q of engine.queueStats(now)) {
          waiting.set({ tenant, queue: q.queueId }, q.waiting);
          offered.set({ tenant, queue: q.queueId }, q.offered);
          longest.set({ tenant, queue: q.queueId }, q.longestWaitSeconds);
        }
        for (const agent of deps.directory.agentsOf(tenant)) agents.inc({ tenant, status: agent.status });
      }
    };
    const self = this;
    new Gauge({ name: 'centraal_realtime_sockets', help: 'Open WebSocket connections on this node', registers, collect() { this.set(self.socketCount()); } });
  }

  /** The gateway registers how to count its sockets once it exists. */
  countSocketsWith(count: () => number): void {
    this.socketCount = count;
  }

  /** Journal observer: event counts and, for messages, the time from post to durable. */
  observeCommit(entry: JournalEntry, durableAfterMs: number): void {
    for (const event of entry.events) {
      this.events.inc({ type: event.type });
      if (event.type === 'conversation.offered') this.offers.inc();
      const c = entry.conversation;
      if (event.type === 'conversation.assigned' && c?.enqueuedAt && c.acceptedAt) this.answeredWait.observe({ queue: c.queueId }, Math.max(0, c.acceptedAt - c.enqueuedAt) / 1000);
      if (event.type === 'message.created' || event.type === 'note.created') this.messageLatency.observe(durableAfterMs / 1000);
    }
  }

  observeResponse(method: string, route: string, code: number): void {
    this.httpResponses.inc({ method, route, code: String(code) });
  }
}
