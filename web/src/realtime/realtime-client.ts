import { reconnectDelay } from './backoff.js';
import { parseServerFrame, type ClientFrame, type ServerFrame } from './frames.js';

export type ConnectionState = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface ResumePoint {
  conversationId: string;
  afterSeq: number;
}

const PING_EVERY_MS = 25_000;

/**
 * The app's one WebSocket to `/ws` (the session cookie authenticates it).
 * Reconnects by itself with backoff; after every (re)connect it asks `resumePoints()` for the
 * conversations it holds and sends `resume` with the last seq of each, so nothing is missed.
 */
export class RealtimeClient {
  private socket: WebSocket | null = null;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pinger: ReturnType<typeof setInterval> | undefined;
  private stopped = true;
  private everOpened = false;
  private readonly frameListeners = new Set<(frame: ServerFrame) => void>();
  private readonly stateListeners = new Set<(state: ConnectionState) => void>();
  private readonly openListeners = new Set<(reconnected: boolean) => void>();
  state: ConnectionState = 'closed';
  resumePoints: () => ResumePoint[] = () => [];

  constructor(private readonly url: string = defaultUrl()) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    clearInterval(this.pinger);
    this.socket?.close(1000, 'bye');
    this.socket = null;
    this.setState('closed');
  }

  /** Sends a frame now; false when the socket is not open (the caller decides on a fallback). */
  send(frame: ClientFrame): boolean {
    if (this.socket?.readyState !== WebSocket.OPEN) return false;
    this.socket.send(JSON.stringify(frame));
    return true;
  }

  onFrame(listener: (frame: ServerFrame) => void): () => void {
    this.frameListeners.add(listener);
    return () => this.frameListeners.delete(listener);
  }

  onState(listener: (state: ConnectionState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  /** Called after each successful connect; `reconnected` is false the first time. */
  onOpen(listener: (reconnected: boolean) => void): () => void {
    this.openListeners.add(listener);
    return () => this.openListeners.delete(listener);
  }

  /** Asks the server for the events after `afterSeq` of one conversation (no-op while offline: the reconnect resumes). */
  resume(point: ResumePoint): void {
    this.send({ t: 'resume', conversationId: point.conversationId, afterSeq: point.afterSeq });
  }

  private connect(): void {
    this.setState(this.everOpened ? 'reconnecting' : 'connecting');
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.onopen = () => {
      const reconnected = this.everOpened;
      this.everOpened = true;
      this.attempt = 0;
      this.setState('open');
      for (const point of this.resumePoints()) this.resume(point);
      clearInterval(this.pinger);
      this.pinger = setInterval(() => this.send({ t: 'ping' }), PING_EVERY_MS);
      for (const listener of this.openListeners) listener(reconnected);
    };
    socket.onmessage = (message: MessageEvent) => {
      const frame = parseServerFrame(message.data);
      if (frame) for (const listener of this.frameListeners) listener(frame);
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      clearInterval(this.pinger);
      this.socket = null;
      if (this.stopped) return;
      // From here the UI shows "reconnecting" even before the first connect succeeded once.
      this.everOpened = true;
      this.setState('reconnecting');
      this.timer = setTimeout(() => this.connect(), reconnectDelay(this.attempt++));
    };
  }

  private setState(state: ConnectionState): void {
    if (this.state === state) return;
    this.state = state;
    for (const listener of this.stateListeners) listener(state);
  }
}

function defaultUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/ws`;
}
