import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import type { BusMessage } from './event-bus.js';
import { RedisEventBus } from './redis-event-bus.js';

/** Real Redis (the test command's throwaway server): a missing TEST_REDIS_URL fails, it does not skip. */
function redisUrl(): string {
  const url = process.env.TEST_REDIS_URL;
  if (!url) throw new Error('TEST_REDIS_URL is not set: run the suite with `npm test`, which starts Redis (scripts/test-all.sh)');
  return url;
}

async function until(check: () => boolean | Promise<boolean>, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('RedisEventBus', () => {
  const closers: Array<() => Promise<unknown>> = [];
  afterAll(async () => {
    for (const close of closers) await close();
  });

  function bus(name: string): RedisEventBus {
    const created = new RedisEventBus(redisUrl(), undefined, name);
    closers.push(() => created.close());
    return created;
  }

  it('delivers a topic between nodes and unsubscribes in Redis only when the last local handler goes', async () => {
    const suffix = Math.random().toString(36).slice(2);
    const a = bus(`bus-test-a-${suffix}`);
    const b = bus(`bus-test-b-${suffix}`);
    await Promise.all([a.ready(), b.ready()]);
    const admin = new Redis(redisUrl());
    closers.push(() => admin.quit());
    const topic = `conversation:cv_${suffix}`;
    const first: BusMessage[] = [];
    const second: BusMessage[] = [];
    const offFirst = a.subscribe(topic, (m) => first.push(m));
    const offSecond = a.subscribe(topic, (m) => second.push(m));
    const subscribers = async () => ((await admin.pubsub('NUMSUB', `centraal:${topic}`)) as [string, number])[1];
    await until(async () => (await subscribers()) === 1);

    b.publish(topic, { kind: 'unsubscribe', conversationId: 'x' });
    await until(() => first.length === 1 && second.length === 1);
    expect(first[0]).toEqual({ kind: 'unsubscribe', conversationId: 'x' });

    offFirst();
    b.publish(topic, { kind: 'subscribe', conversationId: 'y' });
    await until(() => second.length === 2);
    expect(first).toHaveLength(1);
    expect(await subscribers()).toBe(1);
    offSecond();
    await until(async () => (await subscribers()) === 0);
  });

  it('tells every local handler to catch up after its connection to Redis was cut', async () => {
    const name = `bus-test-cut-${Math.random().toString(36).slice(2)}`;
    const a = bus(name);
    await a.ready();
    const got: BusMessage[] = [];
    a.subscribe('agent:us_cut', (m) => got.push(m));
    await new Promise((r) => setTimeout(r, 100));
    const admin = new Redis(redisUrl());
    closers.push(() => admin.quit());
    const clients = String(await admin.client('LIST'));
    const id = /id=(\d+) [^\n]* name=(\S+)/g;
    const subscriberId = [...clients.matchAll(id)].find((m) => m[2] === `${name}-sub`)?.[1];
    expect(subscriberId).toBeDefined();
    await admin.client('KILL', 'ID', subscriberId!);
    await until(() => got.some((m) => m.kind === 'resync'));
    // Subscribed again: messages flow as before.
    await until(() => a.connected);
    a.publish('agent:us_cut', { kind: 'subscribe', conversationId: 'after' });
    await until(() => got.some((m) => m.kind === 'subscribe'));
  });
});
