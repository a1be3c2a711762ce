import { reconnectDelay } from './backoff.js';
import type { ClientFrame, ServerFrame } from './wire-types.js';

export type ConnectionState = 'connecting' | 'online' | 'reconnecting';

export interface ChatSocketHandlers {
  frame(frame: ServerFrame): void;
  state(state: ConnectionState): void;
  /** The server said hello: replay is under way; time to re-send unacknowledged messages. */
  ready(): void;
  /** Several attempts in a row failed before hello: is the token still good? false stops reconnecting. */
  stillWanted(): Promise<boolean>;
}

export interface ChatSocketOptions {
  /** Builds the URL with the last seq seen, so the server replays only what we missed. */
  url(): string;
  createSocket?: (url: string) => WebSocket;
  heartbeatMs?: number;
  silenceMs?: number;
}

/**
 * One WebSocket for one conversation, kept alive: reconnects with backoff on any close (4008 slow
 * reader, 1012 server restart, network loss), and treats a silent socket as dead, since a lost
 * network often closes nothing.
 */
export class ChatSocket {
  private ws: WebSocket | undefined;
  private attempt = 0;
  private failuresBeforeHello = 0;
  private stopped = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private lastHeardAt = 0;
  private greeted = false;

  constructor(
    private readonly options: ChatSocketOptions,
    private readonly on: ChatSocketHandlers,
  ) {}

  start(): void {
    this.stopped = false;
    this.on.state('connecting');
    this.open();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.drop();
  }

  /** Sends when connected; returns false otherwise (the caller keeps the frame to re-send). */
  send(frame: ClientFrame): boolean {
    if (this.ws?.readyState !== WebSocket.OPEN) return false;
    this.ws.send(JSON.stringify(frame));
    return true;
  }

  /** The network came back (`online` event): skip the rest of the backoff. */
  retryNow(): void {
    if (this.stopped || this.ws) return;
    clearTimeout(this.retryTimer);
    this.open();
  }

  /** The network is gone (`offline` event): the socket is dead even if it has not noticed. */
  connectionLost(): void {
    if (this.ws) this.closed();
  }

  private open(): void {
    const ws = (this.options.createSocket ?? ((url) => new WebSocket(url)))(this.options.url());
    this.ws = ws;
    this.greeted = false;
    this.lastHeardAt = Date.now();
    ws.onmessage = (message) => {
      this.lastHeardAt = Date.now();
      const frame = parseFrame(message.data);
      if (!frame) return;
      if (frame.t === 'hello') {
        this.greeted = true;
        this.attempt = 0;
        this.failuresBeforeHello = 0;
        this.on.state('online');
        this.on.ready();
      }
      this.on.frame(frame);
    };
    ws.onclose = () => {
      if (this.ws === ws) this.closed();
    };
    ws.onerror = () => ws.close();
    this.startHeartbeat();
  }

  private closed(): void {
    this.drop();
    if (this.stopped) return;
    this.on.state('reconnecting');
    if (!this.greeted) this.failuresBeforeHello++;
    if (this.failuresBeforeHello >= 3 && this.failuresBeforeHello % 3 === 0) {
      void this.on.stillWanted().then((wanted) => (wanted ? this.schedule() : this.stop()));
      return;
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.stopped) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.open(), reconnectDelay(this.attempt++));
  }

  private drop(): void {
    clearInterval(this.heartbeat);
    const ws = this.ws;
    this.ws = undefined;
    if (!ws) return;
    ws.onmessage = ws.onclose = ws.onerror = null;
    if (ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CONNECTING) ws.close();
  }

  private startHeartbeat(): void {
    clearInterval(this.heartbeat);
    const every = this.options.heartbeatMs ?? 20_000;
    const silence = this.options.silenceMs ?? 45_000;
    this.heartbeat = setInterval(() => {
      if (Date.now() - this.lastHeardAt > silence) return this.closed();
      this.send({ t: 'ping' });
    }, every);
  }
}

function parseFrame(data: unknown): ServerFrame | undefined {
  if (typeof data !== 'string') return undefined;
  try {
    const frame: unknown = JSON.parse(data);
    return typeof frame === 'object' && frame !== null && typeof (frame as { t?: unknown }).t === 'string' ? (frame as ServerFrame) : undefined;
  } catch {
    return undefined;
  }
}
