import type { Kysely } from 'kysely';
import type { Database } from '../database.js';

export interface SessionRecord {
  id: string;
  userId: string;
  tenantId: string;
  csrfToken: string;
  expiresAt: number;
  /** The last request seen (idle time-out); the login time before the first request. */
  lastSeenAt?: number;
}

export class SessionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(session: SessionRecord, now: number): Promise<void> {
    await this.db
      .insertInto('sessions')
      .values({ id: session.id, user_id: session.userId, tenant_id: session.tenantId, csrf_token: session.csrfToken, expires_at: session.expiresAt, created_at: now })
      .execute();
  }

  async get(id: string): Promise<SessionRecord | undefined> {
    const row = await this.db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
    return row && { id: row.id, userId: row.user_id, tenantId: row.tenant_id, csrfToken: row.csrf_token, expiresAt: row.expires_at, lastSeenAt: row.last_seen_at ?? row.created_at };
  }

  async touch(id: string, now: number): Promise<void> {
    await this.db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id', '=', id).execute();
  }

  async deleteExpired(now: number): Promise<void> {
    await this.db.deleteFrom('sessions').where('expires_at', '<', now).execute();
  }
}
