import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { findFreePort } from './free-port.js';
import { sleep } from './progress-log.js';
import { stopChild } from './server-process.js';

/** A Redis server of our own for a several-nodes run: loopback, random port, no persistence, removed on stop. */
export async function startThrowawayRedis(): Promise<{ url: string; stop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'centraal-bench-redis-'));
  const port = await findFreePort();
  const child = spawn('redis-server', ['--bind', '127.0.0.1', '--port', String(port), '--dir', dir, '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  const stop = async () => {
    await stopChild(child);
    rmSync(dir, { recursive: true, force: true });
  };
  for (let i = 0; i < 50; i++) {
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => undefined);
    const ok = await client.connect().then(() => client.ping(), () => undefined);
    client.disconnect();
    if (ok === 'PONG') return { url, stop };
    await sleep(100);
  }
  await stop();
  throw new Error('redis-server did not start (apt-get install redis-server)');
}
