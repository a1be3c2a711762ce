import type { Redis } from 'ioredis';
import type { SharedPresence } from '../realtime/agent-presence.js';

/**
 * Which nodes have sockets of an agent: per agent a Redis sorted set of node ids, scored with
 * the time until which the entry counts. Every node refreshes its entries regularly, so the
 * entries of a node that died run out by themselves; a node removes its entry when the agent's
 * last socket there closes.
 */
export class ClusterPresence implements SharedPresence {
  private readonly local = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly redis: Redis,
    private readonly nodeId: string,
    private readonly ttlMs = 15_000,
  ) {}

  start(): void {
    this.timer = setInterval(() => this.refresh(), this.ttlMs / 3);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  connected(agentId: string): void {
    this.local.set(agentId, (this.local.get(agentId) ?? 0) + 1);
    this.redis.zadd(key(agentId), Date.now() + this.ttlMs, this.nodeId).catch(() => undefined);
  }

  disconnected(agentId: string): void {
    const left = (this.local.get(agentId) ?? 1) - 1;
    if (left > 0) {
      this.local.set(agentId, left);
      return;
    }
    this.local.delete(agentId);
    this.redis.zrem(key(agentId), this.nodeId).catch(() => undefined);
  }

  async connectedElsewhere(agentId: string): Promise<boolean> {
    if (this.local.has(agentId)) return true;
    // Unknown (Redis away) counts as "not elsewhere": the agent goes offline as on one node.
    const count = await this.redis.zcount(key(agentId), Date.now(), '+inf').catch(() => 0);
    return count > 0;
  }

  private refresh(): void {
    if (this.local.size === 0) return;
    const until = Date.now() + this.ttlMs;
    const pipeline = this.redis.pipeline();
    for (const agentId of this.local.keys()) {
      pipeline.zadd(key(agentId), until, this.nodeId);
      pipeline.pexpire(key(agentId), this.ttlMs * 2);
    }
    pipeline.exec().catch(() => undefined);
  }
}

function key(agentId: string): string {
  return `centraal:presence:${agentId}`;
}
