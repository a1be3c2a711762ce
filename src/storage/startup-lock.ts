import { sql } from 'kysely';
import type { Db } from './open-database.js';

/** An arbitrary, fixed key: every Centraal node asks for the same PostgreSQL advisory lock. */
const STARTUP_LOCK_KEY = 7_204_311;

/**
 * Runs `work` (migrations, first-start seeding) while holding a PostgreSQL advisory lock, so
 * several nodes started at the same moment on an empty database migrate and seed one after the
 * other instead of racing. SQLite has one process per file: no lock needed.
 */
export async function withStartupLock<T>(db: Db, work: () => Promise<T>): Promise<T> {
  if (db.flags.name !== 'postgres') return work();
  return db.kysely.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${STARTUP_LOCK_KEY})`.execute(connection);
    try {
      return await work();
    } finally {
      await sql`select pg_advisory_unlock(${STARTUP_LOCK_KEY})`.execute(connection);
    }
  });
}
