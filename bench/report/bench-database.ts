import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScratchPostgresDatabase, openDatabase, type Db } from '../../src/storage/index.js';

export interface BenchDatabase {
  db: Db;
  /** Closes the connection and removes the database (temp folder or created database). */
  destroy(): Promise<void>;
}

/** A fresh, empty database: a temp DATA_DIR for SQLite, or `create database` on the given server. */
export async function createBenchDatabase(databaseUrl: string | undefined): Promise<BenchDatabase> {
  if (!databaseUrl) {
    const dataDir = mkdtempSync(join(tmpdir(), 'centraal-report-bench-'));
    // NORMAL: a bench needs no power-loss durability; reading is unaffected.
    const db = await openDatabase({ dataDir, synchronous: 'NORMAL' });
    return { db, destroy: async () => { await db.close(); rmSync(dataDir, { recursive: true, force: true }); } };
  }
  const scratch = await createScratchPostgresDatabase(databaseUrl, 'centraal_report_bench');
  const db = await openDatabase({ databaseUrl: scratch.url, poolSize: 4 });
  return {
    db,
    destroy: async () => {
      await db.close();
      await scratch.drop();
    },
  };
}
