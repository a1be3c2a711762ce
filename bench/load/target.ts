import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchArgs } from './args.js';
import { findFreePort } from './free-port.js';
import { progress } from './progress-log.js';
import { type LoadSeed, readSeedFile, seedLoadData, writeSeedFile } from './seed-tenant.js';
import { startServerProcess } from './server-process.js';
import { onShutdown } from './shutdown.js';

/**
 * Decides what the bench runs against: a server it seeds and starts itself (default), or an
 * already running server given by `--url` together with the `--seed-file` it was seeded with.
 */
export interface Target {
  baseUrl: string;
  seed: LoadSeed;
  /** Stops what we started; a no-op for `--url`. */
  stop(): Promise<void>;
}

export async function prepareTarget(args: BenchArgs, projectRoot: string): Promise<Target> {
  if (args.url) {
    return { baseUrl: args.url, seed: readSeedFile(args.seedFile ?? ''), stop: async () => undefined };
  }
  const dataDir = args.dataDir ?? createTempDataDir();
  const seed = await seedLoadData({ dataDir, databaseUrl: args.databaseUrl }, args.agents, args.capacity);
  progress(`seeded tenant ${seed.tenantId}, line ${seed.lineId}, ${seed.agents.length} agents (capacity ${args.capacity})`);
  if (args.seedFile) writeSeedFile(args.seedFile, seed);
  const port = await findFreePort();
  const server = await startServerProcess({ cwd: projectRoot, port, dataDir, databaseUrl: args.databaseUrl });
  onShutdown('centraal server', server.stop);
  progress(`server up at ${server.baseUrl}`);
  return { baseUrl: server.baseUrl, seed, stop: server.stop };
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
