import type { ServerFrame, WireEvent } from '../../src/realtime/protocol.js';
import type { BenchRun } from './bench-run.js';
import { FrameSocket } from './frame-socket.js';
import { parseMessageText, replyClientId, replyText } from './message-text.js';
import { messageTextOf, SeqTracker } from './wire-event.js';

/**
 * A simulated agent on the realtime socket: goes available, accepts every offer, and in the
 * steady phase answers each customer message at once (text `re:<customerClientId>`), so the
 * customer can time the reply. In the saturation phase it only receives.
 */
export interface AgentClientOptions {
  index: number;
  wsUrl: string;
  origin: string;
  cookie: string;
  run: BenchRun;
}

const CONTROL_TIMEOUT_MS = 15_000;

export class AgentClient {
  readonly conversations = new SeqTracker();
  private readonly socket: FrameSocket;
  private readonly controlWaiters = new Map<string, (ok: boolean) => void>();
  private controlSeq = 0;
  offersAccepted = 0;

  constructor(private readonly options: AgentClientOptions) {
    this.socket = new FrameSocket({
      url: options.wsUrl,
      headers: { cookie: options.cookie, origin: options.origin },
      label: `agent ${options.index}`,
      counters: options.run.counters,
      onFrame: (frame, at) => this.onFrame(frame, at),
      onReconnected: () => this.resume(),
    });
  }

  /** Connects and becomes available; resolves once the server acknowledged the status. */
  async start(): Promise<void> {
    await this.socket.connect();
    if (!(await this.setAvailable())) throw new Error(`agent ${this.options.index}: status.set available was not acknowledged`);
  }

  stop(): void {
    this.socket.close();
  }

  terminate(): void {
    this.socket.terminate();
  }

  private setAvailable(): Promise<boolean> {
    const clientId = this.nextControlId('st');
    const acked = this.awaitControlAck(clientId);
    this.socket.send({ t: 'status.set', clientId, status: 'available' });
    return acked;
  }

  private onFrame(frame: ServerFrame, receivedAt: number): void {
    switch (frame.t) {
      case 'event':
        this.onEvent(frame.e, receivedAt);
        return;
      case 'offer':
        this.acceptOffer(frame.conversationId);
        return;
      case 'ack':
        this.onAck(frame.clientId);
        return;
      case 'error':
        this.onError(frame);
        return;
      default:
        return;
    }
  }

  private acceptOffer(conversationId: string): void {
    const clientId = this.nextControlId('ac');
    this.conversations.track(conversationId);
    void this.awaitControlAck(clientId).then((ok) => {
      if (ok) this.offersAccepted++;
    });
    this.socket.send({ t: 'offer.accept', conversationId, clientId });
  }

  private onEvent(e: WireEvent, receivedAt: number): void {
    this.conversations.observe(e);
    if (e.type !== 'message.created' || e.actor?.kind !== 'customer') return;
    const text = messageTextOf(e);
    const parsed = text === null ? null : parseMessageText(text);
    const { run } = this.options;
    if (!parsed) {
      run.steady.unknownReceipts++;
      return;
    }
    run.ledgerFor(parsed.kind).received(parsed.key, receivedAt);
    if (parsed.kind === 'steady' && run.phase === 'steady') this.reply(e.conversationId, parsed.customerClientId);
  }

  private reply(conversationId: string, customerClientId: string): void {
    const clientId = replyClientId(customerClientId);
    // A replayed customer message (after a resume) was answered the first time round.
    if (this.options.run.steady.has(clientId)) return;
    if (!this.socket.send({ t: 'message.send', conversationId, clientId, text: replyText(customerClientId) })) return;
    this.options.run.steady.sent(clientId, performance.now());
  }

  private onAck(clientId: string): void {
    const waiter = this.controlWaiters.get(clientId);
    if (waiter) {
      this.controlWaiters.delete(clientId);
      waiter(true);
      return;
    }
    this.options.run.steady.acked(clientId);
  }

  private onError(frame: Extract<ServerFrame, { t: 'error' }>): void {
    this.options.run.counters.error(frame.code, frame.message, `agent ${this.options.index}`);
    if (!frame.clientId) return;
    const waiter = this.controlWaiters.get(frame.clientId);
    if (waiter) {
      this.controlWaiters.delete(frame.clientId);
      waiter(false);
      return;
    }
    this.options.run.steady.failed(frame.clientId);
  }

  /** After a reconnect: be available again and fetch what was missed in every conversation. */
  private resume(): void {
    void this.setAvailable();
    for (const [conversationId, afterSeq] of this.conversations.entries()) {
      if (this.socket.send({ t: 'resume', conversationId, afterSeq })) this.options.run.counters.resumes++;
    }
  }

  private nextControlId(prefix: string): string {
    return `a${this.options.index}-${prefix}${++this.controlSeq}`;
  }

  private awaitControlAck(clientId: string): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.controlWaiters.delete(clientId);
        resolve(false);
      }, CONTROL_TIMEOUT_MS);
      timer.unref();
      this.controlWaiters.set(clientId, (ok) => {
        clearTimeout(timer);
        resolve(ok);
      });
    });
  }
}
