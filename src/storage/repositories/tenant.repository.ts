import type { Kysely } from 'kysely';
import type { Database, TenantTable } from '../database.js';

export interface TenantRecord {
  id: string;
  name: string;
  secret: string;
}

export class TenantRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(tenant: TenantRecord, now: number): Promise<void> {
    await this.db.insertInto('tenants').values({ ...tenant, created_at: now }).execute();
  }

  async list(): Promise<TenantRecord[]> {
    const rows = await this.db.selectFrom('tenants').selectAll().orderBy('created_at').execute();
    return rows.map(toTenant);
  }

  async get(id: string): Promise<TenantRecord | undefined> {
    const row = await this.db.selectFrom('tenants').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toTenant(row);
  }

  async insertClient(client: { id: string; tenantId: string; name: string }): Promise<void> {
    await this.db.insertInto('clients').values({ id: client.id, tenant_id: client.tenantId, name: client.name }).execute();
  }
}

function toTenant(row: TenantTable): TenantRecord {
  return { id: row.id, name: row.name, secret: row.secret };
}
