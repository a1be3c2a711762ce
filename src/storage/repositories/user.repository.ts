import type { Kysely, Selectable } from 'kysely';
import type { Agent, AgentStatus, Capacity, Language, Role } from '../../core/model/index.js';
import type { Database, UserTable } from '../database.js';
import { readJson, writeJson } from './json-column.js';

export interface UserCredentials {
  agent: Agent;
  passwordHash: string;
  failedLogins: number;
  lockedUntil: number | null;
}

/** Users: every person who logs in, with the agent profile routing needs. */
export class UserRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(agent: Agent, passwordHash: string, now: number): Promise<void> {
    await this.db.insertInto('users').values({ ...toRow(agent), password_hash: passwordHash, failed_logins: 0, locked_until: null, created_at: now }).execute();
  }

  async update(agent: Agent): Promise<void> {
    const { id, tenant_id, ...rest } = toRow(agent);
    await this.db.updateTable('users').set(rest).where('id', '=', id).where('tenant_id', '=', tenant_id).execute();
  }

  async findCredentials(email: string): Promise<UserCredentials | undefined> {
    const row = await this.db.selectFrom('users').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
    if (!row) return undefined;
    return { agent: toAgent(row), passwordHash: row.password_hash, failedLogins: row.failed_logins, lockedUntil: row.locked_until };
  }

  async recordLoginResult(id: string, failedLogins: number, lockedUntil: number | null): Promise<void> {
    await this.db.updateTable('users').set({ failed_logins: failedLogins, locked_until: lockedUntil }).where('id', '=', id).execute();
  }

  async get(tenantId: string, id: string): Promise<Agent | undefined> {
    const row = await this.db.selectFrom('users').selectAll().where('id', '=', id).where('tenant_id', '=', tenantId).executeTakeFirst();
    return row && toAgent(row);
  }

  async listByTenant(tenantId: string): Promise<Agent[]> {
    const rows = await this.db.selectFrom('users').selectAll().where('tenant_id', '=', tenantId).orderBy('name').execute();
    return rows.map(toAgent);
  }

  async setPasswordHash(tenantId: string, id: string, passwordHash: string): Promise<void> {
    await this.db.updateTable('users').set({ password_hash: passwordHash, failed_logins: 0, locked_until: null }).where('id', '=', id).where('tenant_id', '=', tenantId).execute();
  }

  async setStatus(tenantId: string, id: string, status: AgentStatus): Promise<void> {
    await this.db.updateTable('users').set({ status }).where('id', '=', id).where('tenant_id', '=', tenantId).execute();
  }
}

function toRow(agent: Agent): Omit<UserTable, 'password_hash' | 'failed_logins' | 'locked_until' | 'created_at'> {
  return {
    id: agent.id,
    tenant_id: agent.tenantId,
    email: agent.email.trim().toLowerCase(),
    name: agent.name,
    roles: writeJson(agent.roles),
    skills: writeJson(agent.skills),
    queue_ids: writeJson(agent.queueIds),
    capacity: writeJson(agent.capacity),
    team: agent.team,
    status: agent.status,
    ui_language: agent.uiLanguage,
  };
}

function toAgent(row: Selectable<UserTable>): Agent {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    email: row.email,
    name: row.name,
    roles: readJson<Role[]>(row.roles, []),
    skills: readJson<string[]>(row.skills, []),
    queueIds: readJson<string[]>(row.queue_ids, []),
    capacity: readJson<Capacity>(row.capacity, { voice: 1, chat: 3, email: 5, whatsapp: 3 }),
    team: row.team,
    status: row.status as AgentStatus,
    uiLanguage: row.ui_language as Language,
  };
}
