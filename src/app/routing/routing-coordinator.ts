import type { EventDraft } from '../conversation/event-recorder.js';
import { RoutingEngine, type RoutingDecisions, type Offer, type EndedOffer, type OverflowMove } from '../../core/routing/index.js';
import type { Agent, AgentStatus, Conversation, Queue } from '../../core/model/index.js';
import { languageSkill } from '../../core/model/index.js';
import type { EventBus } from '../../realtime/event-bus.js';
import { topics } from '../../realtime/event-bus.js';
import type { Clock } from '../clock.js';
import type { EventRecorder } from '../conversation/event-recorder.js';
import type { Directory } from '../directory.js';
import type { LiveConversations } from '../live-conversations.js';
import type { Repositories } from '../../storage/index.js';
import { errors } from '../app.errors.js';
import { SINGLE_NODE, type TenantOwnership } from '../tenant-ownership.js';

export interface RoutingSettings {
  ringTimeoutMs: number;
  maxMissedOffers: number;
}

type Log = (level: 'info' | 'warn' | 'error', message: string, detail?: Record<string, unknown>) => void;

/**
 * Owns one routing engine per tenant and turns its decisions into durable facts:
 * an offer becomes conversation state + an event + a frame to the agent. The engine decides
 * synchronously; persisting runs per conversation in order, and never inside the caller's
 * critical section (so a use case holding conversation X can route X without deadlock).
 */
export class RoutingCoordinator {
  private readonly engines = new Map<string, RoutingEngine>();
  private pending: Promise<unknown> = Promise.resolve();
  private lastSupervisorPush = new Map<string, string>();
  private ticks = 0;

  constructor(
    private readonly directory: Directory,
    private readonly live: LiveConversations,
    private readonly recorder: EventRecorder,
    private readonly repos: Repositories,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    private readonly settings: RoutingSettings,
    private readonly log: Log,
    private readonly ownership: TenantOwnership = SINGLE_NODE,
  ) {}

  /**
   * The tenant's engine. One node alone creates engines on first use; with several nodes only
   * `restoreTenant` (after taking the tenant's lease) does, and other nodes get a retryable error.
   */
  engine(tenantId: string): RoutingEngine {
    let engine = this.engines.get(tenantId);
    if (!engine) {
      if (this.ownership.clustered) throw errors.tenantMoving(tenantId, 'this node does not run the tenant\'s routing');
      engine = this.newEngine();
      this.engines.set(tenantId, engine);
    }
    return engine;
  }

  private newEngine(): RoutingEngine {
    return new RoutingEngine({ ringTimeoutMs: this.settings.ringTimeoutMs, maxMissedOffers: this.settings.maxMissedOffers });
  }

  /** Loads queues, agents and open conversations of every tenant (start-up, after a restart). */
  async restore(): Promise<void> {
    for (const tenantId of this.directory.tenantIds()) await this.restoreTenant(tenantId);
  }

  /**
   * Rebuilds one tenant's engine from the database: at start-up, and with several nodes when
   * this node takes over the tenant's lease (timers then run here: ring-no-answer, overflow).
   */
  async restoreTenant(tenantId: string): Promise<void> {
    const open = await this.repos.conversations.listOpen(tenantId);
    const now = this.clock.now();
    const engine = this.newEngine();
    for (const queue of this.directory.queuesOf(tenantId)) engine.upsertQueue(toRoutingQueue(queue), now);
    for (const agent of this.directory.agentsOf(tenantId)) engine.upsertAgent(toRoutingAgent(agent), now);
    for (const conversation of open) this.restoreConversation(engine, conversation);
    this.engines.set(tenantId, engine);
    // Statuses last: an available agent immediately picks up restored waiting work.
    for (const agent of this.directory.agentsOf(tenantId)) {
      if (agent.status !== 'offline') this.apply(tenantId, engine.setAgentStatus(agent.id, agent.status, now));
    }
  }

  /** Several nodes: another node runs this tenant now; its engine and timers stop here. */
  dropTenant(tenantId: string): void {
    this.engines.delete(tenantId);
    this.lastSupervisorPush.delete(tenantId);
  }

  /** Whether this node runs the tenant's routing (one node alone runs every tenant's). */
  runs(tenantId: string): boolean {
    return !this.ownership.clustered || this.engines.has(tenantId);
  }

  private restoreConversation(engine: RoutingEngine, c: Conversation): void {
    const contact = this.contactInput(c);
    if (c.state === 'queued' || (c.state === 'offered' && !c.offeredAgentId)) engine.enqueue(contact, this.clock.now());
    else if (c.state === 'offered' && c.offeredAgentId && c.offerExpiresAt) {
      engine.restoreOffer(contact, { agentId: c.offeredAgentId, offeredAt: c.offerExpiresAt - this.settings.ringTimeoutMs, expiresAt: c.offerExpiresAt });
    } else if (c.assignedAgentId && ['active', 'on_hold', 'wrap_up', 'timed_out'].includes(c.state)) {
      engine.restoreAssignment(contact, c.assignedAgentId);
    }
  }

  contactInput(c: Conversation) {
    return {
      conversationId: c.id,
      queueId: c.queueId,
      channel: c.channel,
      requiredSkills: [languageSkill(c.language), ...(c.context.ivrSkills ?? [])],
      priority: c.priority,
      enqueuedAt: c.enqueuedAt ?? c.createdAt,
    };
  }

  enqueue(conversation: Conversation): void {
    const engine = this.engine(conversation.tenantId);
    this.apply(conversation.tenantId, engine.enqueue(this.contactInput(conversation), this.clock.now()));
  }

  /** Runs a mutating engine call and applies what it decided. */
  decide(tenantId: string, call: (engine: RoutingEngine, now: number) => RoutingDecisions): void {
    this.apply(tenantId, call(this.engine(tenantId), this.clock.now()));
  }

  upsertAgent(agent: Agent): void {
    this.decide(agent.tenantId, (engine, now) => engine.upsertAgent(toRoutingAgent(agent), now));
  }

  upsertQueue(queue: Queue): void {
    this.decide(queue.tenantId, (engine, now) => engine.upsertQueue(toRoutingQueue(queue), now));
  }

  setAgentStatus(agent: Agent, status: AgentStatus): void {
    this.decide(agent.tenantId, (engine, now) => engine.setAgentStatus(agent.id, status, now));
  }

  /** Called every 250 ms: expiries and overflow now; supervisor figures once a second. */
  tick(): void {
    const withStats = ++this.ticks % 4 === 0;
    for (const [tenantId, engine] of this.engines) {
      this.apply(tenantId, engine.tick(this.clock.now()));
      if (withStats) this.pushSupervisorStats(tenantId, engine);
    }
  }

  /** Resolves once every decision taken so far has been persisted and published. */
  async settled(): Promise<void> {
    let current: Promise<unknown>;
    do {
      current = this.pending;
      await current;
    } while (current !== this.pending);
  }

  private apply(tenantId: string, decisions: RoutingDecisions): void {
    const { offers, endedOffers, agentsMarkedAway, overflows } = decisions;
    if (!offers.length && !endedOffers.length && !agentsMarkedAway.length && !overflows.length) return;
    const work = Promise.all([
      ...endedOffers.map((ended) => this.persistEndedOffer(ended)),
      ...overflows.map((move) => this.persistOverflow(move)),
      ...agentsMarkedAway.map((agentId) => this.persistMarkedAway(tenantId, agentId)),
    ])
      .then(() => Promise.all(offers.map((offer) => this.persistOffer(tenantId, offer))))
      .catch((error: unknown) => this.log('error', 'applying routing decisions failed', { error: String(error) }));
    this.pending = Promise.all([this.pending, work]);
  }

  private async persistOffer(tenantId: string, offer: Offer): Promise<void> {
    const agent = this.directory.findAgent(tenantId, offer.agentId);
    const stillWaiting = await this.live.withConversation(offer.conversationId, async (entry) => {
      const c = entry.conversation;
      if (c.state !== 'queued') return false;
      c.state = 'offered';
      c.offeredAgentId = offer.agentId;
      c.offerExpiresAt = offer.expiresAt;
      c.queueId = offer.queueId;
      const offered: EventDraft = { type: 'conversation.offered', actor: { kind: 'system' }, data: { agentId: offer.agentId, agentName: agent?.name, expiresAt: offer.expiresAt } };
      // A browser call the customer sees ringing; the agent's name stays internal.
      const drafts: EventDraft[] = c.channel === 'voice' && c.context.browserCall ? [offered, { type: 'call.ringing', actor: { kind: 'system' }, data: { agentId: offer.agentId } }] : [offered];
      await this.recorder.record(entry, drafts, true);
      return true;
    });
    if (!stillWaiting) {
      // The customer left (or it was closed) between the decision and now: give the capacity back.
      this.decide(tenantId, (engine, now) => engine.abandon(offer.conversationId, now));
      return;
    }
    const conversation = this.live.peek(offer.conversationId)?.conversation;
    this.bus.publish(topics.agent(offer.agentId), {
      kind: 'frame',
      frame: { t: 'offer', conversationId: offer.conversationId, expiresAt: new Date(offer.expiresAt).toISOString(), offer: this.offerSummary(conversation) },
    });
  }

  private offerSummary(c: Conversation | undefined): Record<string, unknown> {
    if (!c) return {};
    const line = this.directory.findLine(c.lineId);
    const queue = this.directory.findQueue(c.tenantId, c.queueId);
    return { channel: c.channel, language: c.language, lineId: c.lineId, lineName: line?.name, queueId: c.queueId, queueName: queue?.name, waitingSince: c.enqueuedAt };
  }

  private async persistEndedOffer(ended: EndedOffer): Promise<void> {
    await this.live.withConversation(ended.conversationId, async (entry) => {
      const c = entry.conversation;
      if (c.state !== 'offered' || c.offeredAgentId !== ended.agentId) return;
      c.state = 'queued';
      c.offeredAgentId = null;
      c.offerExpiresAt = null;
      const type = ended.reason === 'declined' ? 'conversation.offer_declined' : 'conversation.offer_expired';
      await this.recorder.record(entry, [{ type, actor: { kind: 'system' }, data: { agentId: ended.agentId, reason: ended.reason } }], true);
    });
    this.bus.publish(topics.agent(ended.agentId), { kind: 'frame', frame: { t: 'offer.withdrawn', conversationId: ended.conversationId, reason: ended.reason } });
  }

  private async persistOverflow(move: OverflowMove): Promise<void> {
    await this.live.withConversation(move.conversationId, async (entry) => {
      entry.conversation.queueId = move.toQueueId;
      await this.recorder.record(entry, [{ type: 'conversation.overflowed', actor: { kind: 'system' }, data: { fromQueueId: move.fromQueueId, toQueueId: move.toQueueId } }], true);
    });
  }

  private async persistMarkedAway(tenantId: string, agentId: string): Promise<void> {
    const agent = this.directory.findAgent(tenantId, agentId);
    if (!agent) return;
    this.directory.putAgent({ ...agent, status: 'away' });
    await this.repos.users.setStatus(tenantId, agentId, 'away');
    const frame = { t: 'agent.status' as const, agentId, status: 'away', reason: 'missed_offers' };
    this.bus.publish(topics.agent(agentId), { kind: 'frame', frame });
    this.bus.publish(topics.supervisors(tenantId), { kind: 'frame', frame });
  }

  /** Queue and agent figures for supervisors, sent only when they changed. */
  private pushSupervisorStats(tenantId: string, engine: RoutingEngine): void {
    const now = this.clock.now();
    const queues = engine.queueStats(now).map((q) => ({ ...q, longestWaitSeconds: Math.floor(q.longestWaitSeconds) }));
    const agents = this.directory.agentsOf(tenantId).map((a) => {
      const { idleSince: _idle, ...state } = engine.agentState(a.id);
      return state;
    });
    const data = { queues, agents };
    const serialised = JSON.stringify(data);
    if (this.lastSupervisorPush.get(tenantId) === serialised) return;
    this.lastSupervisorPush.set(tenantId, serialised);
    this.bus.publish(topics.supervisors(tenantId), { kind: 'frame', frame: { t: 'supervisor.update', data } });
  }
}

export function toRoutingQueue(queue: Queue) {
  return { id: queue.id, skills: queue.skills, priority: queue.priority, overflow: queue.overflow };
}

export function toRoutingAgent(agent: Agent) {
  return { id: agent.id, skills: agent.skills, queueIds: agent.queueIds, capacity: agent.capacity };
}
