import type { Kysely } from 'kysely';
import type { Database } from '../database.js';

/**
 * A lease per scheduled job, held in the database so that of several nodes only one runs a job
 * at a time. Taking the lease is one conditional UPDATE: the database decides who wins, on
 * SQLite (one writer) and on PostgreSQL (row lock) alike.
 */
export class JobLeaseRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** True when `holder` now holds the lease until `now + ttlMs` (it was free, expired, or already its own). */
  async tryAcquire(name: string, holder: string, now: number, ttlMs: number): Promise<boolean> {
    await this.db.insertInto('job_leases').values({ name, holder: null, expires_at: 0, last_run_at: null }).onConflict((oc) => oc.column('name').doNothing()).execute();
    const result = await this.db
      .updateTable('job_leases')
      .set({ holder, expires_at: now + ttlMs })
      .where('name', '=', name)
      .where((eb) => eb.or([eb('expires_at', '<=', now), eb('holder', '=', holder)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Gives the lease back after a run and notes when the job last finished. */
  async release(name: string, holder: string, now: number): Promise<void> {
    await this.db.updateTable('job_leases').set({ holder: null, expires_at: 0, last_run_at: now }).where('name', '=', name).where('holder', '=', holder).execute();
  }

  async lastRunAt(name: string): Promise<number | null> {
    const row = await this.db.selectFrom('job_leases').select('last_run_at').where('name', '=', name).executeTakeFirst();
    return row?.last_run_at ?? null;
  }
}
