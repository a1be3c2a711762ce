import WebSocket from 'ws';

export type Frame = Record<string, unknown> & { t: string };

/**
 * A WebSocket client for tests: keeps every frame received, lets a test wait for the next
 * frame that matches, and records raw payloads (for the anonymity scan).
 */
export class FrameSocket {
  readonly frames: Frame[] = [];
  readonly raw: string[] = [];
  private cursor = 0;
  private waiters: Array<{ match: (f: Frame) => boolean; resolve: (f: Frame) => void }> = [];
  closed: Promise<{ code: number; reason: string }>;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const text = data.toString();
      this.raw.push(text);
      const frame = JSON.parse(text) as Frame;
      this.frames.push(frame);
      this.waiters = this.waiters.filter((w) => {
        if (!w.match(frame)) return true;
        w.resolve(frame);
        return false;
      });
    });
    this.closed = new Promise((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  }

  static open(url: string, headers: Record<string, string> = {}): Promise<FrameSocket> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { headers });
      const socket = new FrameSocket(ws);
      ws.once('open', () => resolve(socket));
      ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
      ws.once('error', reject);
    });
  }

  send(frame: Record<string, unknown>): void {
    this.ws.send(JSON.stringify(frame));
  }

  /** The first frame (received before or after this call) that matches and was not taken yet. */
  next(match: (f: Frame) => boolean, timeoutMs = 10_000, label = 'frame'): Promise<Frame> {
    for (let i = this.cursor; i < this.frames.length; i++) {
      const frame = this.frames[i]!;
      if (match(frame)) {
        this.frames.splice(i, 1);
        return Promise.resolve(frame);
      }
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${label}; got: ${this.raw.slice(-3).map((r) => r.slice(0, 200)).join(' | ')}`)), timeoutMs);
      this.waiters.push({
        match,
        resolve: (f) => {
          clearTimeout(timer);
          const index = this.frames.indexOf(f);
          if (index >= 0) this.frames.splice(index, 1);
          resolve(f);
        },
      });
    });
  }

  event(type: string, extra: (e: Record<string, unknown>) => boolean = () => true, timeoutMs?: number): Promise<Record<string, unknown>> {
    return this.next((f) => f.t === 'event' && (f.e as { type: string }).type === type && extra(f.e as Record<string, unknown>), timeoutMs, `event ${type}`).then((f) => f.e as Record<string, unknown>);
  }

  /** Sends a frame with a clientId and waits for its ack (or error). */
  async request(frame: Record<string, unknown>): Promise<Frame> {
    const clientId = `c-${Math.random().toString(36).slice(2)}`;
    this.send({ ...frame, clientId });
    const reply = await this.next((f) => (f.t === 'ack' || f.t === 'error') && f.clientId === clientId, 10_000, `ack of ${String(frame.t)}`);
    if (reply.t === 'error') throw new Error(`${String(reply.code)}: ${String(reply.message)}`);
    return reply;
  }

  close(): Promise<{ code: number; reason: string }> {
    this.ws.close();
    return this.closed;
  }
}
