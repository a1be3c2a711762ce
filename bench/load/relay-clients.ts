import { WebSocket } from 'ws';
import type { MessageLedger } from './message-ledger.js';
import { parseMessageText, saturationText } from './message-text.js';
import { type InflightGate, SaturationFlow } from './saturation-flow.js';

/**
 * Client sockets for the bare relay, doing the same client-side work per frame as the
 * Centraal clients (one JSON.parse, one ledger booking) so the two figures compare servers,
 * not clients.
 */
const HELLO_TIMEOUT_MS = 15_000;

function openSocket(url: string, onFrame: (frame: Record<string, unknown>, at: number) => void): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    const timer = setTimeout(() => reject(new Error(`relay: no hello from ${url}`)), HELLO_TIMEOUT_MS);
    timer.unref();
    ws.on('error', reject);
    ws.on('message', (data) => {
      const at = performance.now();
      const value = parseJson(data.toString());
      if (typeof value !== 'object' || value === null) return;
      const frame = value as Record<string, unknown>;
      if (frame.t === 'hello') {
        clearTimeout(timer);
        resolve(ws);
        return;
      }
      onFrame(frame, at);
    });
  });
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

export async function openRelayAgent(baseWsUrl: string, pair: number, ledger: MessageLedger): Promise<WebSocket> {
  return openSocket(`${baseWsUrl}?side=a&pair=${pair}`, (frame, at) => {
    if (frame.t !== 'message.send' || typeof frame.text !== 'string') return;
    const parsed = parseMessageText(frame.text);
    if (parsed) ledger.received(parsed.key, at);
  });
}

export class RelayCustomer {
  private ws: WebSocket | null = null;
  private flow: SaturationFlow | null = null;
  private sendSeq = 0;

  constructor(
    private readonly index: number,
    private readonly ledger: MessageLedger,
  ) {}

  private get conversationId(): string {
    return `r${this.index}`;
  }

  async connect(baseWsUrl: string, pair: number): Promise<void> {
    this.ws = await openSocket(`${baseWsUrl}?side=c&pair=${pair}&id=${this.conversationId}`, (frame) => {
      if (frame.t !== 'ack' || typeof frame.clientId !== 'string') return;
      this.ledger.acked(frame.clientId);
      this.flow?.settle(frame.clientId);
    });
  }

  startSaturation(gate: InflightGate, perClient: number): void {
    this.flow = new SaturationFlow(gate, perClient, { sendNext: () => this.sendNext() });
    this.flow.start();
  }

  stopSaturation(): void {
    this.flow?.stop();
  }

  close(): void {
    this.ws?.terminate();
  }

  private sendNext(): string | null {
    if (this.ws?.readyState !== WebSocket.OPEN) return null;
    const clientId = `c${this.index}-s${++this.sendSeq}`;
    this.ledger.sent(clientId, performance.now());
    const text = saturationText(clientId);
    this.ws.send(JSON.stringify({ t: 'message.send', conversationId: this.conversationId, clientId, text }));
    return clientId;
  }
}
