import { Redis } from 'ioredis';
import type { BusHandler, BusMessage, EventBus } from './event-bus.js';

type RawHandler = (payload: string) => void;

const PREFIX = 'centraal:';

/**
 * The event bus over Redis pub/sub, so every node sees every topic (several nodes).
 * One publisher and one subscriber connection per node; a topic is subscribed in Redis while
 * at least one local handler wants it (reference counted), and unsubscribed when the last
 * goes. Pub/sub is fire-and-forget: while Redis is away messages are lost, so after every
 * reconnect each local handler gets `{kind:'resync'}` and reads what it missed from the
 * database (the database, not the bus, is the record).
 */
export class RedisEventBus implements EventBus {
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly handlers = new Map<string, Set<RawHandler>>();
  private readonly busHandlers = new Map<BusHandler, RawHandler>();
  private wasReady = false;
  private lastPayload: string | undefined;
  private lastParsed: BusMessage | undefined;
  private readonly disconnectListeners = new Set<() => void>();
  private lostSinceReady = false;

  constructor(
    url: string,
    private readonly log: (level: 'info' | 'warn' | 'error', message: string, detail?: Record<string, unknown>) => void = () => undefined,
    /** Shows in Redis `CLIENT LIST` as `<name>-pub` and `<name>-sub`. */
    name = 'centraal',
  ) {
    const options = { lazyConnect: false, maxRetriesPerRequest: 2, retryStrategy: (times: number) => Math.min(times * 100, 1000) };
    this.publisher = new Redis(url, { ...options, connectionName: `${name}-pub` });
    this.subscriber = new Redis(url, { ...options, connectionName: `${name}-sub` });
    for (const connection of [this.publisher, this.subscriber]) connection.on('error', () => undefined);
    this.subscriber.on('message', (channel: string, payload: string) => this.dispatch(channel, payload));
    this.subscriber.on('close', () => {
      if (this.wasReady) this.lostSinceReady = true;
      for (const listener of this.disconnectListeners) listener();
    });
    this.subscriber.on('ready', () => {
      if (this.lostSinceReady) {
        this.log('warn', 'Redis is back: subscribers catch up from the database');
        this.lostSinceReady = false;
        // After the re-subscriptions took effect, so nothing falls between the catch-up read and live messages.
        setTimeout(() => this.resyncAll(), 100).unref();
      }
      this.wasReady = true;
    });
  }

  /** Called whenever the subscriber connection drops (what was on its way to us is lost). */
  onDisconnect(listener: () => void): () => void {
    this.disconnectListeners.add(listener);
    return () => this.disconnectListeners.delete(listener);
  }

  /** Both connections are up (a request/reply over a bus that is down would only time out). */
  get connected(): boolean {
    return this.publisher.status === 'ready' && this.subscriber.status === 'ready';
  }

  /** The publishing connection, for plain commands of other cluster parts (presence). */
  get commands(): Redis {
    return this.publisher;
  }

  /** Resolves when both connections are ready (start-up), rejects after `ms`. */
  async ready(ms = 10_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (this.publisher.status !== 'ready' || this.subscriber.status !== 'ready') {
      if (Date.now() > deadline) throw new Error(`Redis not reachable (publisher ${this.publisher.status}, subscriber ${this.subscriber.status})`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  publish(topic: string, message: BusMessage): void {
    this.publishRaw(topic, JSON.stringify(message));
  }

  subscribe(topic: string, handler: BusHandler): () => void {
    const raw: RawHandler = (payload) => handler(this.parse(payload));
    this.busHandlers.set(handler, raw);
    const off = this.subscribeRaw(topic, raw);
    return () => {
      this.busHandlers.delete(handler);
      off();
    };
  }

  /** Every local handler of a message gets the same parsed object (as with the in-process bus): parsed once. */
  private parse(payload: string): BusMessage {
    if (payload !== this.lastPayload) {
      this.lastPayload = payload;
      this.lastParsed = JSON.parse(payload) as BusMessage;
    }
    return this.lastParsed!;
  }

  /** Plain strings on a channel (cluster request/reply uses it beside the topics). */
  publishRaw(channel: string, payload: string): void {
    // A lost connection queues the command until Redis is back; a failure is logged, never thrown at the caller.
    this.publisher.publish(PREFIX + channel, payload).catch((error: unknown) => this.log('warn', 'Redis publish failed', { channel, error: String(error) }));
  }

  subscribeRaw(channel: string, handler: RawHandler): () => void {
    let set = this.handlers.get(channel);
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
      this.subscriber.subscribe(PREFIX + channel).catch((error: unknown) => this.log('warn', 'Redis subscribe failed', { channel, error: String(error) }));
    }
    set.add(handler);
    return () => {
      const current = this.handlers.get(channel);
      if (!current?.delete(handler) || current.size > 0) return;
      this.handlers.delete(channel);
      this.subscriber.unsubscribe(PREFIX + channel).catch(() => undefined);
    };
  }

  private dispatch(prefixed: string, payload: string): void {
    const set = this.handlers.get(prefixed.slice(PREFIX.length));
    if (!set) return;
    for (const handler of [...set]) {
      try {
        handler(payload);
      } catch {
        // One failing subscriber (a socket that just closed) must not stop the others.
      }
    }
  }

  private resyncAll(): void {
    const resync = JSON.stringify({ kind: 'resync' } satisfies BusMessage);
    for (const [channel, set] of this.handlers) {
      if (channel.startsWith('rpc:')) continue;
      for (const handler of [...set]) {
        try {
          handler(resync);
        } catch {
          // As in dispatch.
        }
      }
    }
  }

  async close(): Promise<void> {
    this.handlers.clear();
    await Promise.allSettled([this.publisher.quit(), this.subscriber.quit()]);
  }
}
