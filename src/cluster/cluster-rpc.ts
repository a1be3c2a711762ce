import { randomUUID } from 'node:crypto';
import { AppError, isAppError } from '../core/errors/app-error.js';
import type { RedisEventBus } from '../realtime/redis-event-bus.js';

interface SerializedError {
  code: string;
  message: string;
  userMessage: string;
  status: number;
  retryable: boolean;
}

type Envelope =
  | { type: 'request'; id: string; from: string; body: unknown }
  | { type: 'reply'; id: string; ok: true; body: unknown }
  | { type: 'reply'; id: string; ok: false; error: SerializedError };

interface Pending {
  resolve: (body: unknown) => void;
  reject: (error: unknown) => void;
  timer: NodeJS.Timeout;
}

/**
 * Request and reply between nodes over Redis pub/sub: each node listens on `rpc:<nodeId>`.
 * A request that gets no reply in time (the node died, Redis is away) fails with a retryable
 * error; the caller cannot know whether it ran, which is why writes carry client ids.
 */
export class ClusterRpc {
  private readonly pending = new Map<string, Pending>();
  private off: () => void = () => undefined;
  private offDisconnect: () => void = () => undefined;

  constructor(
    private readonly bus: RedisEventBus,
    readonly nodeId: string,
    private readonly handle: (body: unknown) => Promise<unknown>,
  ) {}

  start(): void {
    this.off = this.bus.subscribeRaw(`rpc:${this.nodeId}`, (payload) => this.onMessage(JSON.parse(payload) as Envelope));
    // Replies cannot reach us over a dropped connection: fail the waiting calls now, not at their time-out.
    this.offDisconnect = this.bus.onDisconnect(() => this.failPending('the connection to Redis dropped'));
  }

  private failPending(why: string): void {
    for (const pending of this.pending.values()) {
      clearTimeout(pending.timer);
      pending.reject(unavailable(why));
    }
    this.pending.clear();
  }

  call(node: string, body: unknown, timeoutMs: number): Promise<unknown> {
    if (!this.bus.connected) return Promise.reject(unavailable('Redis is not reachable'));
    const id = randomUUID();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(unavailable(`node ${node} did not answer within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      this.bus.publishRaw(`rpc:${node}`, JSON.stringify({ type: 'request', id, from: this.nodeId, body } satisfies Envelope));
    });
  }

  private onMessage(envelope: Envelope): void {
    if (envelope.type === 'request') {
      void this.answer(envelope.id, envelope.from, envelope.body);
      return;
    }
    const pending = this.pending.get(envelope.id);
    if (!pending) return;
    this.pending.delete(envelope.id);
    clearTimeout(pending.timer);
    if (envelope.ok) pending.resolve(envelope.body);
    else {
      const e = envelope.error;
      pending.reject(new AppError(e.code, e.message, { status: e.status, retryable: e.retryable, userMessage: e.userMessage }));
    }
  }

  private async answer(id: string, from: string, body: unknown): Promise<void> {
    let reply: Envelope;
    try {
      reply = { type: 'reply', id, ok: true, body: await this.handle(body) };
    } catch (error) {
      const e: SerializedError = isAppError(error)
        ? { code: error.code, message: error.message, userMessage: error.userMessage, status: error.status, retryable: error.retryable }
        : { code: 'INTERNAL', message: String(error), userMessage: 'Something went wrong', status: 500, retryable: false };
      reply = { type: 'reply', id, ok: false, error: e };
    }
    this.bus.publishRaw(`rpc:${from}`, JSON.stringify(reply));
  }

  stop(): void {
    this.off();
    this.offDisconnect();
    this.failPending('this node is stopping');
  }
}

function unavailable(why: string): AppError {
  return new AppError('TENANT_MOVING', why, { status: 503, retryable: true, userMessage: 'The service is briefly unavailable; please retry.' });
}
