import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import { readJson, writeJson } from './json-column.js';

export interface AuditEntry {
  id: string;
  tenantId: string;
  actorId: string | null;
  actorRoles: string[];
  action: string;
  targetKind: string;
  targetId: string | null;
  /** Counts and filters only: never message texts or raw identifiers. */
  detail: Record<string, unknown>;
  requestId: string | null;
  ip: string | null;
  at: number;
}

export interface AuditFilter {
  action?: string;
  actorId?: string;
  targetKind?: string;
  targetId?: string;
  from?: number;
  to?: number;
  limit: number;
}

/** The append-only audit log: reads of conversations, exports, erasures. Nothing updates or deletes a row. */
export class AuditRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(entry: AuditEntry): Promise<void> {
    await this.db
      .insertInto('audit_log')
      .values({
        id: entry.id,
        tenant_id: entry.tenantId,
        actor_id: entry.actorId,
        actor_roles: writeJson(entry.actorRoles),
        action: entry.action,
        target_kind: entry.targetKind,
        target_id: entry.targetId,
        detail: writeJson(entry.detail),
        request_id: entry.requestId,
        ip: entry.ip,
        created_at: entry.at,
      })
      .execute();
  }

  /** Newest first. */
  async list(tenantId: string, filter: AuditFilter): Promise<AuditEntry[]> {
    let query = this.db.selectFrom('audit_log').selectAll().where('tenant_id', '=', tenantId);
    if (filter.action) query = query.where('action', '=', filter.action);
    if (filter.actorId) query = query.where('actor_id', '=', filter.actorId);
    if (filter.targetKind) query = query.where('target_kind', '=', filter.targetKind);
    if (filter.targetId) query = query.where('target_id', '=', filter.targetId);
    if (filter.from !== undefined) query = query.where('created_at', '>=', filter.from);
    if (filter.to !== undefined) query = query.where('created_at', '<', filter.to);
    const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
    return rows.map((row) => ({
      id: row.id,
      tenantId: row.tenant_id,
      actorId: row.actor_id,
      actorRoles: readJson<string[]>(row.actor_roles, []),
      action: row.action,
      targetKind: row.target_kind,
      targetId: row.target_id,
      detail: readJson<Record<string, unknown>>(row.detail, {}),
      requestId: row.request_id,
      ip: row.ip,
      at: row.created_at,
    }));
  }
}
