import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../database.js';
import type { DialectFlags } from '../dialect-flags.js';

export interface HeldLease {
  token: number;
  /** Epoch ms on the database's clock. */
  expiresAt: number;
}

export interface LeaseHolder {
  tenantId: string;
  holder: string;
  token: number;
  expired: boolean;
}

/**
 * Per-tenant routing leases (several nodes). Times come from the database's clock, so nodes
 * with skewed clocks still agree on who holds what. The token only grows: a takeover (or a
 * holder coming back after its lease ran out) gets a new one.
 */
export class LeaseRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly flags: DialectFlags,
  ) {}

  private now(): RawBuilder<number> {
    return this.flags.name === 'postgres'
      ? sql<number>`(extract(epoch from clock_timestamp()) * 1000)::bigint`
      : sql<number>`cast((julianday('now') - 2440587.5) * 86400000 as integer)`;
  }

  /** Takes the lease when it is free or expired, renews it when this holder has it; undefined when another node holds it. */
  async acquire(tenantId: string, holder: string, ttlMs: number): Promise<HeldLease | undefined> {
    const now = this.now();
    const result = await sql<{ token: number; expires_at: number }>`
      insert into routing_leases (tenant_id, holder, token, expires_at) values (${tenantId}, ${holder}, 1, ${now} + ${ttlMs})
      on conflict (tenant_id) do update set
        token = case when routing_leases.holder = excluded.holder and routing_leases.expires_at >= ${now}
                     then routing_leases.token else routing_leases.token + 1 end,
        holder = excluded.holder,
        expires_at = excluded.expires_at
      where routing_leases.holder = excluded.holder or routing_leases.expires_at < ${now}
      returning token, expires_at`.execute(this.db);
    const row = result.rows[0];
    return row && { token: Number(row.token), expiresAt: Number(row.expires_at) };
  }

  /** A node that stops hands its leases back at once, so another node takes over without waiting for expiry. */
  async release(tenantId: string, holder: string): Promise<void> {
    await this.db.updateTable('routing_leases').set({ expires_at: 0 }).where('tenant_id', '=', tenantId).where('holder', '=', holder).execute();
  }

  async holders(): Promise<LeaseHolder[]> {
    const rows = await this.db
      .selectFrom('routing_leases')
      .select(['tenant_id', 'holder', 'token', sql<number>`case when expires_at < ${this.now()} then 1 else 0 end`.as('expired')])
      .execute();
    return rows.map((r) => ({ tenantId: r.tenant_id, holder: r.holder, token: Number(r.token), expired: Number(r.expired) === 1 }));
  }

  /**
   * Inside a write transaction: the tenants whose token is no longer the one given (another node
   * took over). On PostgreSQL the rows are share-locked until COMMIT, so a takeover waits for
   * this transaction and every later one sees the new token.
   */
  async staleTenants(tokens: ReadonlyMap<string, number>): Promise<string[]> {
    if (tokens.size === 0) return [];
    let query = this.db.selectFrom('routing_leases').select(['tenant_id', 'token']).where('tenant_id', 'in', [...tokens.keys()]);
    if (this.flags.supportsRowLocks) query = query.forShare();
    const rows = await query.execute();
    const current = new Map(rows.map((r) => [r.tenant_id, Number(r.token)]));
    return [...tokens].filter(([tenantId, token]) => current.get(tenantId) !== token).map(([tenantId]) => tenantId);
  }
}
