import { WebSocket } from 'ws';
import { AppError, isAppError } from '../core/errors/app-error.js';
import { errors } from '../app/app.errors.js';
import type { ConversationEvent } from '../core/model/index.js';
import { isSupervising, type Participant } from '../app/conversation/access.js';
import { loadConversation } from '../app/conversation/read-conversation.js';
import { assertCanRead } from '../app/conversation/access.js';
import type { ServiceDeps } from '../app/deps.js';
import { toWireEvent } from '../app/views/wire-views.js';
import { watchesWallboard } from '../app/wallboard/wallboard.js';
import { readsCampaignProgress } from '../app/campaigns/campaign-access.js';
import { CATCH_UP_PAGE, ConversationSubscription } from './conversation-subscription.js';
import { topics, type BusMessage } from './event-bus.js';
import { parseClientFrame, type ClientFrame, type ServerFrame } from './protocol.js';
import { isCallSignal, isWriteFrame, refOf, type FrameCommands } from './write-frames.js';

/** A socket that buffers more than this is too slow; it is closed and resumes by sequence number. */
const MAX_BUFFERED_BYTES = 2 * 1024 * 1024;
export const SLOW_CONSUMER_CLOSE_CODE = 4008;
/** How long a reconnecting agent's conversations wait for its `resume` before live events flow. */
const REJOIN_HOLD_MS = 2000;
const SIGNAL_FRAMES_PER_SECOND = 50;

/** A token bucket: `perSecond` frames a second on average, bursts up to the same number. */
class FrameBudget {
  private tokens: number;
  private at = 0;
  constructor(private readonly perSecond: number) {
    this.tokens = perSecond;
  }
  take(now: number): boolean {
    this.tokens = Math.min(this.perSecond, this.tokens + ((now - this.at) / 1000) * this.perSecond);
    this.at = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** One socket: its subscriptions, its incoming frames, and what it is allowed to see. */
export class RealtimeConnection {
  private readonly subscriptions = new Map<string, ConversationSubscription>();
  private readonly unsubscribers: Array<() => void> = [];
  private readonly audience: 'customer' | 'agent';
  /** A browser sends a few dozen signalling frames per call; a flood is refused, not relayed. */
  private readonly signalBudget = new FrameBudget(SIGNAL_FRAMES_PER_SECOND);

  constructor(
    private readonly ws: WebSocket,
    private readonly who: Participant,
    private readonly deps: ServiceDeps,
    /** The tenant of the customer's conversation or of the agent. */
    private readonly tenantId: string,
    private readonly commands: FrameCommands,
  ) {
    this.audience = who.kind === 'customer' ? 'customer' : 'agent';
  }

  start(afterSeq: number): void {
    const serverTime = new Date(this.deps.clock.now()).toISOString();
    if (this.who.kind === 'customer') {
      this.send({ t: 'hello', role: 'customer', conversationId: this.who.conversationId, serverTime, iceServers: this.deps.config.ICE_SERVERS });
      this.subscribe(this.who.conversationId, afterSeq).resumeFrom(afterSeq);
      // Call signalling from the agent reaches this conversation's customer sockets only.
      this.unsubscribers.push(this.deps.bus.subscribe(topics.callCustomer(this.who.conversationId), (m) => this.forwardFrame(m)));
      this.sendQueuePosition(this.who.conversationId);
      return;
    }
    const agent = this.who.agent;
    this.send({ t: 'hello', role: 'agent', agentId: agent.id, serverTime, iceServers: this.deps.config.ICE_SERVERS });
    this.unsubscribers.push(this.deps.bus.subscribe(topics.agent(agent.id), (m) => this.onAgentMessage(m)));
    if (isSupervising(agent)) this.unsubscribers.push(this.deps.bus.subscribe(topics.supervisors(agent.tenantId), (m) => this.forwardFrame(m)));
    if (watchesWallboard(agent)) this.unsubscribers.push(this.deps.bus.subscribe(topics.wallboard(agent.tenantId), (m) => this.forwardFrame(m)));
    if (readsCampaignProgress(agent)) this.unsubscribers.push(this.deps.bus.subscribe(topics.campaigns(agent.tenantId), (m) => this.forwardFrame(m)));
    void this.rejoinAgentWork(agent.tenantId, agent.id).catch((error: unknown) => this.sendError(error));
  }

  /** A customer who connects while waiting learns the place in line at once (later changes are pushed). */
  private sendQueuePosition(conversationId: string): void {
    const c = this.deps.live.peek(conversationId)?.conversation;
    // On a node that does not run the tenant's routing the holder pushes the position when it changes.
    if (c?.state !== 'queued' || !this.deps.routing.runs(c.tenantId)) return;
    const engine = this.deps.routing.engine(c.tenantId);
    if (engine.conversationState(conversationId)?.phase !== 'waiting') return;
    const { position, expectedWaitSeconds } = engine.positionOf(conversationId);
    this.send({ t: 'queue', conversationId, position, expectedWaitSeconds: Math.round(expectedWaitSeconds) });
  }

  /** After a reconnect: join the conversations the agent holds and ring the offers still open. */
  private async rejoinAgentWork(tenantId: string, agentId: string): Promise<void> {
    // A user the engine does not know (no queues, e.g. an admin) has no work to rejoin.
    if (!this.deps.directory.findAgent(tenantId, agentId)) return;
    if (!this.deps.routing.runs(tenantId) && this.commands.clustered) return this.rejoinFromDatabase(tenantId, agentId);
    const engine = this.deps.routing.engine(tenantId);
    const state = engine.agentState(agentId);
    for (const conversationId of state.assignedConversationIds) this.rejoin(conversationId);
    for (const conversationId of state.offeredConversationIds) {
      const c = this.deps.live.peek(conversationId)?.conversation;
      if (c?.offerExpiresAt) this.send({ t: 'offer', conversationId, expiresAt: new Date(c.offerExpiresAt).toISOString(), offer: { channel: c.channel, language: c.language, lineId: c.lineId, queueId: c.queueId } });
    }
  }

  /** Joins an assigned conversation; a new subscription waits briefly for the client's `resume`. */
  private rejoin(conversationId: string): void {
    if (this.subscriptions.has(conversationId)) return;
    this.subscribe(conversationId, null).holdUntilResume(REJOIN_HOLD_MS);
  }

  /** Several nodes: this node does not run the tenant's routing, so the agent's open work comes from the database. */
  private async rejoinFromDatabase(tenantId: string, agentId: string): Promise<void> {
    const { assigned, offered } = await this.deps.repos.conversations.listOpenOfAgent(tenantId, agentId);
    for (const c of assigned) this.rejoin(c.id);
    for (const c of offered) {
      if (c.offerExpiresAt) this.send({ t: 'offer', conversationId: c.id, expiresAt: new Date(c.offerExpiresAt).toISOString(), offer: { channel: c.channel, language: c.language, lineId: c.lineId, queueId: c.queueId } });
    }
  }

  onMessage(raw: string): void {
    const parsed = parseClientFrame(raw);
    if (!parsed.ok) {
      this.send({ t: 'error', code: 'FRAME_INVALID', message: parsed.message });
      return;
    }
    this.handle(parsed.frame).catch((error: unknown) => this.sendError(error, 'clientId' in parsed.frame ? parsed.frame.clientId : undefined));
  }

  private async handle(frame: ClientFrame): Promise<void> {
    if (isWriteFrame(frame)) {
      // Relayed as is; a refused relay answers with an error frame (these frames carry no clientId).
      if (isCallSignal(frame) && !this.signalBudget.take(this.deps.clock.now())) throw new AppError('RATE_LIMITED', 'Too many call signalling frames', { status: 429, retryable: true, userMessage: 'Too many call signalling frames; slow down.' });
      const answer = await this.commands.run(this.tenantId, refOf(this.who), frame);
      if (answer) this.send(answer);
      return;
    }
    switch (frame.t) {
      case 'ping':
        return this.send({ t: 'pong' });
      case 'resume':
        return this.resume(frame.conversationId, frame.afterSeq);
      case 'typing':
        return this.typing(frame.conversationId, frame.on);
    }
  }

  private requireAgent() {
    if (this.who.kind !== 'agent') throw errors.forbidden('Only agents can do this');
    // Always the directory's current record: status and queues change while the socket lives.
    return this.deps.directory.agent(this.who.agent.tenantId, this.who.agent.id);
  }

  private async resume(conversationId: string, afterSeq: number): Promise<void> {
    const conversation = await loadConversation(this.deps, conversationId);
    assertCanRead(conversation, this.currentParticipant());
    const subscription = this.subscriptions.get(conversationId) ?? this.subscribe(conversationId, afterSeq);
    subscription.resumeFrom(afterSeq);
  }

  private currentParticipant(): Participant {
    return this.who.kind === 'agent' ? { kind: 'agent', agent: this.requireAgent() } : this.who;
  }

  private async typing(conversationId: string, on: boolean): Promise<void> {
    if (!this.subscriptions.has(conversationId)) return;
    const from = this.audience;
    this.deps.bus.publish(topics.conversation(conversationId), { kind: 'frame', frame: { t: 'typing', conversationId, from, on } });
  }

  private subscribe(conversationId: string, afterSeq: number | null): ConversationSubscription {
    const existing = this.subscriptions.get(conversationId);
    if (existing) return existing;
    const subscription = new ConversationSubscription(
      conversationId,
      afterSeq,
      (after) => this.deps.repos.events.listAfter(conversationId, after, CATCH_UP_PAGE),
      (event) => this.deliver(event),
      (error) => this.sendError(error),
      () => this.drained(),
    );
    subscription.unsubscribe = this.deps.bus.subscribe(topics.conversation(conversationId), (message) => {
      if (message.kind === 'event') subscription.onLive(message.event);
      else if (message.kind === 'resync') subscription.resync();
      else this.forwardFrame(message);
    });
    this.subscriptions.set(conversationId, subscription);
    return subscription;
  }

  private unsubscribeFrom(conversationId: string): void {
    this.subscriptions.get(conversationId)?.dispose();
    this.subscriptions.delete(conversationId);
  }

  private onAgentMessage(message: BusMessage): void {
    if (message.kind === 'resync' && this.who.kind === 'agent') {
      // The bus was cut off: offers and joins may have been missed.
      void this.rejoinAgentWork(this.who.agent.tenantId, this.who.agent.id).catch((error: unknown) => this.sendError(error));
    } else if (message.kind === 'subscribe') this.subscribe(message.conversationId, null);
    else if (message.kind === 'unsubscribe') this.unsubscribeFrom(message.conversationId);
    else this.forwardFrame(message);
  }

  private forwardFrame(message: BusMessage): void {
    if (message.kind !== 'frame') return;
    const frame = message.frame;
    // Typing goes to the other side only; queue position is for the waiting customer.
    if (frame.t === 'typing' && frame.from === this.audience) return;
    if (frame.t === 'queue' && this.audience !== 'customer') return;
    this.send(frame);
  }

  private deliver(event: ConversationEvent): void {
    const wire = toWireEvent(event, this.audience);
    if (wire) this.send({ t: 'event', e: wire });
  }

  private sendError(error: unknown, clientId?: string): void {
    // Catalogued errors carry a message meant for people; anything else stays in the log.
    const known = errors.known(error);
    const frame: ServerFrame = known
      ? { t: 'error', code: known.code, message: known.userMessage, retryable: known.retryable }
      : { t: 'error', code: 'INTERNAL', message: 'Something went wrong', retryable: false };
    if (!known) this.deps.log('error', 'realtime frame failed', { error: String(error) });
    if (clientId) frame.clientId = clientId;
    this.send(frame);
  }

  /**
   * Catch-up sends a page at a time and waits here until the socket has drained below a
   * quarter of the limit, so replaying a long history never trips the slow-consumer close.
   */
  private async drained(): Promise<void> {
    const deadline = Date.now() + 30_000;
    while (this.ws.readyState === WebSocket.OPEN && this.ws.bufferedAmount > MAX_BUFFERED_BYTES / 4) {
      if (Date.now() > deadline) {
        this.ws.close(SLOW_CONSUMER_CLOSE_CODE, 'too slow; reconnect and resume');
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  send(frame: ServerFrame): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    if (this.ws.bufferedAmount > MAX_BUFFERED_BYTES) {
      // Never let one slow reader hold memory or delay others: it reconnects and resumes by seq.
      this.ws.close(SLOW_CONSUMER_CLOSE_CODE, 'too slow; reconnect and resume');
      return;
    }
    this.ws.send(JSON.stringify(frame));
  }

  close(code: number, reason: string): void {
    this.ws.close(code, reason);
  }

  dispose(): void {
    for (const subscription of this.subscriptions.values()) subscription.dispose();
    this.subscriptions.clear();
    for (const off of this.unsubscribers) off();
  }
}
