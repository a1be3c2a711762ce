import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScratchPostgresDatabase, migrateToLatest, openDatabase, type Db, type DialectName } from '../../src/storage/index.js';

/**
 * The dialects every storage and service suite runs on. PostgreSQL comes from the test command's
 * throwaway cluster (TEST_DATABASE_URL). A missing PostgreSQL is an error, not a skip:
 * set TEST_DIALECTS=sqlite explicitly to run the SQLite half alone while developing.
 */
export function testDialects(): DialectName[] {
  const chosen = (process.env.TEST_DIALECTS ?? 'sqlite,postgres').split(',').map((d) => d.trim());
  return chosen.filter((d): d is DialectName => d === 'sqlite' || d === 'postgres');
}

export interface TestDatabase {
  /** For a server child process: the env that points it at this database. */
  env: { DATA_DIR: string; DATABASE_URL?: string };
  open(): Promise<Db>;
  destroy(): Promise<void>;
}

/** A fresh, migrated, empty database of the given dialect. */
export async function createTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'centraal-test-'));
  if (dialect === 'sqlite') {
    const db = await openDatabase({ dataDir, synchronous: 'NORMAL' });
    await migrateToLatest(db);
    await db.close();
    return {
      env: { DATA_DIR: dataDir },
      open: () => openDatabase({ dataDir, synchronous: 'NORMAL' }),
      destroy: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    throw new Error('TEST_DATABASE_URL is not set: run the suite with `npm test`, which starts PostgreSQL, or set TEST_DIALECTS=sqlite');
  }
  const scratch = await createScratchPostgresDatabase(adminUrl, 'centraal_test');
  const url = scratch.url;
  const db = await openDatabase({ databaseUrl: url });
  await migrateToLatest(db);
  await db.close();
  return {
    env: { DATA_DIR: dataDir, DATABASE_URL: url },
    open: () => openDatabase({ databaseUrl: url, poolSize: 4 }),
    destroy: async () => {
      await scratch.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
