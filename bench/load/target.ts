import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchArgs } from './args.js';
import { findFreePort } from './free-port.js';
import { progress } from './progress-log.js';
import { type LoadSeed, readSeedFile, seedLoadData, writeSeedFile } from './seed-tenant.js';
import { startServerProcess } from './server-process.js';
import { onShutdown } from './shutdown.js';
import { startThrowawayRedis } from './redis-throwaway.js';

/**
 * Decides what the bench runs against: a server it seeds and starts itself (default), or an
 * already running server given by `--url` together with the `--seed-file` it was seeded with.
 */
export interface Target {
  baseUrl: string;
  /** Every node's URL (one unless --nodes); clients are spread over them round robin. */
  baseUrls: string[];
  seed: LoadSeed;
  /** Stops what we started; a no-op for `--url`. */
  stop(): Promise<void>;
}

export async function prepareTarget(args: BenchArgs, projectRoot: string): Promise<Target> {
  if (args.url) {
    return { baseUrl: args.url, baseUrls: [args.url], seed: readSeedFile(args.seedFile ?? ''), stop: async () => undefined };
  }
  const dataDir = args.dataDir ?? createTempDataDir();
  const seed = await seedLoadData({ dataDir, databaseUrl: args.databaseUrl }, args.agents, args.capacity);
  progress(`seeded tenant ${seed.tenantId}, line ${seed.lineId}, ${seed.agents.length} agents (capacity ${args.capacity})`);
  if (args.seedFile) writeSeedFile(args.seedFile, seed);
  if (args.nodes > 1) return startNodes(args, projectRoot, dataDir, seed);
  const port = await findFreePort();
  const server = await startServerProcess({ cwd: projectRoot, port, dataDir, databaseUrl: args.databaseUrl });
  onShutdown('centraal server', server.stop);
  progress(`server up at ${server.baseUrl}`);
  return { baseUrl: server.baseUrl, baseUrls: [server.baseUrl], seed, stop: server.stop };
}

/** Several nodes on one PostgreSQL and one Redis: the first takes the tenant's routing lease, the others join. */
async function startNodes(args: BenchArgs, projectRoot: string, dataDir: string, seed: LoadSeed): Promise<Target> {
  let redisUrl = args.redisUrl;
  if (!redisUrl) {
    const redis = await startThrowawayRedis();
    onShutdown('throwaway redis', redis.stop);
    redisUrl = redis.url;
    progress(`throwaway Redis at ${redisUrl}`);
  }
  const start = async (i: number) => {
    const server = await startServerProcess({ cwd: projectRoot, port: await findFreePort(), dataDir, databaseUrl: args.databaseUrl, redisUrl, nodeId: `bench-node-${i + 1}` });
    onShutdown(`centraal node ${i + 1}`, server.stop);
    return server;
  };
  const servers = [await start(0)];
  servers.push(...(await Promise.all(Array.from({ length: args.nodes - 1 }, (_, i) => start(i + 1)))));
  const baseUrls = servers.map((s) => s.baseUrl);
  progress(`${servers.length} nodes up at ${baseUrls.join(', ')}`);
  return {
    baseUrl: baseUrls[0]!,
    baseUrls,
    seed,
    stop: async () => {
      await Promise.all(servers.map((s) => s.stop()));
    },
  };
}

/** Seeds without serving: for `--seed-only`, so a server can then be started by hand. */
export async function seedOnly(args: BenchArgs): Promise<LoadSeed> {
  if (!args.dataDir && !args.databaseUrl) throw new Error('--seed-only needs --data-dir or --database-url to keep the data');
  const seed = await seedLoadData({ dataDir: args.dataDir, databaseUrl: args.databaseUrl }, args.agents, args.capacity);
  if (args.seedFile) writeSeedFile(args.seedFile, seed);
  return seed;
}

function createTempDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'centraal-load-'));
  onShutdown('temp data dir', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
