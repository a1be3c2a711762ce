import { WebSocket } from 'ws';
import type { ClientFrame, ServerFrame } from '../../src/realtime/protocol.js';
import type { BenchCounters } from './bench-counters.js';
import { sleep } from './progress-log.js';
import { isShuttingDown } from './shutdown.js';

/**
 * One realtime connection to Centraal: sends typed client frames, hands parsed server frames
 * to its owner, and reconnects by itself when the server drops it (e.g. 4008 for a slow
 * consumer) so the owner can resume. `hello` is awaited here because nothing else is valid
 * before it.
 */
export interface FrameSocketOptions {
  url: string;
  headers: Record<string, string>;
  label: string;
  counters: BenchCounters;
  onFrame: (frame: ServerFrame, receivedAt: number) => void;
  /** Called after every hello that follows a reconnect; the owner sends `resume` here. */
  onReconnected: () => void;
}

const HELLO_TIMEOUT_MS = 15_000;
const MAX_RECONNECT_ATTEMPTS = 5;

export class FrameSocket {
  private ws: WebSocket | null = null;
  private closing = false;

  constructor(private readonly options: FrameSocketOptions) {}

  get isOpen(): boolean {
    return this.ws?.readyState === WebSocket.OPEN;
  }

  /** Opens the socket and resolves on the server's hello. */
  connect(): Promise<void> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(this.options.url, { headers: this.options.headers, perMessageDeflate: false });
      this.ws = ws;
      const timer = setTimeout(() => {
        ws.terminate();
        reject(new Error(`${this.options.label}: no hello within ${HELLO_TIMEOUT_MS} ms`));
      }, HELLO_TIMEOUT_MS);
      const greeting = {
        done: false,
        resolve: () => {
          greeting.done = true;
          clearTimeout(timer);
          resolve();
        },
        reject: (error: Error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      this.listen(ws, greeting);
    });
  }

  private listen(ws: WebSocket, greeting: { done: boolean; resolve: () => void; reject: (error: Error) => void }): void {
    const { label, counters } = this.options;
    ws.on('unexpected-response', (_request, response) => {
      greeting.reject(new Error(`${label}: upgrade refused with HTTP ${response.statusCode}`));
      ws.terminate();
    });
    ws.on('error', (error) => {
      if (!greeting.done) greeting.reject(error);
    });
    ws.on('message', (data) => {
      const receivedAt = performance.now();
      const raw = data.toString();
      const frame = parseServerFrame(raw);
      if (!frame) counters.unreadable(raw, label);
      else if (!greeting.done && frame.t === 'hello') greeting.resolve();
      else this.options.onFrame(frame, receivedAt);
    });
    ws.on('close', (code, reason) => {
      if (!greeting.done) greeting.reject(new Error(`${label}: closed ${code} ${reason.toString()} before hello`));
      else if (!this.closing && !isShuttingDown() && this.ws === ws) void this.reconnect(code);
    });
  }

  send(frame: ClientFrame): boolean {
    if (!this.ws || this.ws.readyState !== WebSocket.OPEN) return false;
    this.ws.send(JSON.stringify(frame));
    return true;
  }

  close(): void {
    this.closing = true;
    this.ws?.close(1000, 'bench done');
  }

  /** Hard stop for sockets that ignore a polite close during teardown. */
  terminate(): void {
    this.closing = true;
    this.ws?.terminate();
  }

  private async reconnect(code: number): Promise<void> {
    const { counters } = this.options;
    counters.closed(code);
    for (let attempt = 1; attempt <= MAX_RECONNECT_ATTEMPTS && !this.closing; attempt++) {
      await sleep(100 * attempt + Math.random() * 200);
      if (this.closing || isShuttingDown()) return;
      try {
        await this.connect();
        counters.reconnects++;
        this.options.onReconnected();
        return;
      } catch {
        // Try again with a longer pause; the server may be briefly overloaded.
      }
    }
    if (!this.closing) counters.reconnectFailures++;
  }
}

const SERVER_FRAME_TYPES: ReadonlySet<string> = new Set([
  'hello',
  'pong',
  'event',
  'ack',
  'error',
  'typing',
  'queue',
  'offer',
  'offer.withdrawn',
  'agent.status',
  'supervisor.update',
]);

/** The server is the system under test: a frame we cannot read is ignored here and shows up as a missing receipt. */
function parseServerFrame(raw: string): ServerFrame | null {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || !('t' in value)) return null;
  const t = (value as { t: unknown }).t;
  return typeof t === 'string' && SERVER_FRAME_TYPES.has(t) ? (value as ServerFrame) : null;
}
