import type { Kysely } from 'kysely';
import type { Database } from '../database.js';

/** The per-tenant configuration counters (several nodes): raised by the node that made a change, compared by the others. */
export class ConfigVersionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Raises the tenant's counter by one (from 0 when it has none yet) and returns the new value. */
  async bump(tenantId: string, now: number): Promise<number> {
    const row = await this.db
      .insertInto('config_versions')
      .values({ tenant_id: tenantId, version: 1, updated_at: now })
      .onConflict((oc) => oc.column('tenant_id').doUpdateSet((eb) => ({ version: eb('config_versions.version', '+', 1), updated_at: now })))
      .returning('version')
      .executeTakeFirstOrThrow();
    return Number(row.version);
  }

  /** Every tenant's counter: one small indexed read, cheap enough for a periodic check. */
  async all(): Promise<Map<string, number>> {
    const rows = await this.db.selectFrom('config_versions').select(['tenant_id', 'version']).execute();
    return new Map(rows.map((r) => [r.tenant_id, Number(r.version)]));
  }
}
