import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * Seeds the load tenant through the server's own storage layer (same migrations, same
 * password hashing) and hands back what the clients need: line, agent credentials.
 * The storage modules are imported lazily so `--relay-only` runs without them.
 */
export interface SeedTarget {
  dataDir?: string;
  databaseUrl?: string;
}

const seedSchema = z.object({
  tenantId: z.string(),
  lineId: z.string(),
  agents: z.array(z.object({ email: z.string(), password: z.string() })),
});

export type LoadSeed = z.infer<typeof seedSchema>;

export async function seedLoadData(target: SeedTarget, agents: number, chatCapacity: number): Promise<LoadSeed> {
  const { openDatabase, migrateToLatest } = await import('../../src/storage/index.js');
  const { seedLoadTenant } = await import('../../src/storage/seed/load-tenant.seed.js');
  const db = await openDatabase(target);
  try {
    await migrateToLatest(db);
    return await seedLoadTenant(db, { agents, chatCapacity });
  } finally {
    await db.close();
  }
}

/** Lets `--seed-only` hand the credentials to a later `--url` run against a server started by hand. */
export function writeSeedFile(path: string, seed: LoadSeed): void {
  writeFileSync(path, `${JSON.stringify(seed, null, 2)}\n`, { mode: 0o600 });
}

export function readSeedFile(path: string): LoadSeed {
  const parsed = seedSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path} is not a seed file: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}
