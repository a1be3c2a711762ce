import type { ClientFrame, ServerFrame, WireEvent } from '../../src/realtime/protocol.js';
import type { BenchRun } from './bench-run.js';
import { FrameSocket } from './frame-socket.js';
import { parseMessageText, saturationText, steadyText } from './message-text.js';
import { type InflightGate, SaturationFlow } from './saturation-flow.js';
import { messageTextOf } from './wire-event.js';

/**
 * A simulated widget visitor with one conversation: waits for an agent, then sends on the
 * steady schedule or, in saturation, as fast as acknowledgements allow. Receipts of agent
 * replies are booked in the shared ledger (agent→customer latency).
 */
export interface CustomerClientOptions {
  index: number;
  wsUrl: string;
  origin: string;
  conversationId: string;
  token: string;
  run: BenchRun;
}

export class CustomerClient {
  readonly assigned: Promise<void>;
  isAssigned = false;
  private markAssigned: () => void = () => undefined;
  private readonly socket: FrameSocket;
  private lastSeq = 0;
  private sendSeq = 0;
  private flow: SaturationFlow | null = null;

  constructor(private readonly options: CustomerClientOptions) {
    this.assigned = new Promise((resolve) => {
      this.markAssigned = resolve;
    });
    const url = `${options.wsUrl}?token=${encodeURIComponent(options.token)}`;
    this.socket = new FrameSocket({
      url,
      headers: { origin: options.origin },
      label: `customer ${options.index}`,
      counters: options.run.counters,
      onFrame: (frame, at) => this.onFrame(frame, at),
      onReconnected: () => this.resume(),
    });
  }

  get conversationId(): string {
    return this.options.conversationId;
  }

  start(): Promise<void> {
    return this.socket.connect();
  }

  stop(): void {
    this.flow?.stop();
    this.socket.close();
  }

  terminate(): void {
    this.socket.terminate();
  }

  /** One steady-phase message; the ledger entry is made before the frame leaves. */
  sendSteady(): void {
    const clientId = this.nextClientId('steady');
    this.options.run.steady.sent(clientId, performance.now());
    if (!this.socket.send(this.messageFrame(clientId, steadyText(clientId)))) this.options.run.steady.failed(clientId);
  }

  startSaturation(gate: InflightGate, perClient: number): void {
    this.flow = new SaturationFlow(gate, perClient, { sendNext: () => this.sendSaturation() });
    this.flow.start();
  }

  stopSaturation(): void {
    this.flow?.stop();
  }

  private sendSaturation(): string | null {
    if (!this.socket.isOpen) return null;
    const clientId = this.nextClientId('saturation');
    this.options.run.saturation.sent(clientId, performance.now());
    this.socket.send(this.messageFrame(clientId, saturationText(clientId)));
    return clientId;
  }

  private messageFrame(clientId: string, text: string): ClientFrame {
    return { t: 'message.send', conversationId: this.options.conversationId, clientId, text };
  }

  private onFrame(frame: ServerFrame, receivedAt: number): void {
    switch (frame.t) {
      case 'event':
        this.onEvent(frame.e, receivedAt);
        return;
      case 'ack':
        this.options.run.ledgerFor(this.kindOf(frame.clientId)).acked(frame.clientId);
        this.flow?.settle(frame.clientId);
        return;
      case 'error':
        this.options.run.counters.error(frame.code, frame.message, `customer ${this.options.index}`);
        if (frame.clientId) {
          this.options.run.ledgerFor(this.kindOf(frame.clientId)).failed(frame.clientId);
          this.flow?.settle(frame.clientId);
        }
        return;
      default:
        return;
    }
  }

  private onEvent(e: WireEvent, receivedAt: number): void {
    // Highest seq only marks where to resume; repeats after a resume are booked once by the ledger.
    if (typeof e.seq === 'number' && e.seq > this.lastSeq) this.lastSeq = e.seq;
    if (e.type === 'conversation.assigned' && !this.isAssigned) {
      this.isAssigned = true;
      this.markAssigned();
      return;
    }
    if (e.type !== 'message.created' || e.actor?.kind !== 'agent') return;
    const text = messageTextOf(e);
    const parsed = text === null ? null : parseMessageText(text);
    if (parsed?.kind === 'reply') this.options.run.steady.received(parsed.key, receivedAt);
    else this.options.run.steady.unknownReceipts++;
  }

  /** Saturation clientIds carry an `s` so an ack finds its ledger without a lookup table. */
  private kindOf(clientId: string): 'saturation' | 'steady' {
    return clientId.includes('-s') ? 'saturation' : 'steady';
  }

  private nextClientId(kind: 'saturation' | 'steady'): string {
    return `c${this.options.index}-${kind === 'saturation' ? 's' : ''}${++this.sendSeq}`;
  }

  private resume(): void {
    if (this.socket.send({ t: 'resume', conversationId: this.options.conversationId, afterSeq: this.lastSeq })) {
      this.options.run.counters.resumes++;
    }
    this.flow?.reset();
  }
}
