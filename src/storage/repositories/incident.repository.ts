import type { Kysely, Selectable } from 'kysely';
import type { Database, IncidentTable } from '../database.js';
import { readJson, writeJson } from './json-column.js';

export type IncidentStatus = 'open' | 'in_review' | 'closed';
export type IncidentEscalation = 'security' | 'special_care';

/** What the detector and the log showed: the seqs of the events involved and the matched terms. */
export interface IncidentEvidence {
  eventSeqs: number[];
  reason: string;
  detector?: { label: string; score: number; terms: Array<{ term: string; ruleId: string; category: string }> };
}

/** One step taken, by the policy or by a person. */
export interface IncidentActionRecord {
  kind: string;
  at: number;
  by: string;
  detail?: Record<string, unknown>;
}

export interface IncidentFollowUp {
  /** A team lead talks to the agent; null when no care task was asked for. */
  agentCare: { reason: string; agentId: string | null; done: boolean } | null;
  customerContacted: boolean;
  policeReport: boolean;
}

export const NO_FOLLOW_UP: IncidentFollowUp = { agentCare: null, customerContacted: false, policeReport: false };

export interface IncidentRecord {
  id: string;
  tenantId: string;
  lineId: string;
  conversationId: string | null;
  contactId: string | null;
  agentId: string | null;
  kind: string;
  status: IncidentStatus;
  evidence: IncidentEvidence;
  actions: IncidentActionRecord[];
  escalatedTo: IncidentEscalation | null;
  followUp: IncidentFollowUp;
  createdAt: number;
  updatedAt: number;
}

export interface IncidentFilter {
  status?: IncidentStatus;
  escalatedTo?: IncidentEscalation;
  /** Epoch ms, inclusive lower and exclusive upper bound on `createdAt`. */
  from?: number;
  to?: number;
  limit?: number;
}

/** The incident register: abuse and safety events with their evidence, actions and follow-up. */
export class IncidentRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(incident: IncidentRecord): Promise<void> {
    await this.db.insertInto('incidents').values(toRow(incident)).execute();
  }

  /** Writes status, escalation, actions and follow-up; the caller holds the whole record. */
  async update(incident: IncidentRecord): Promise<void> {
    const { id: _id, tenant_id: _tenant, created_at: _created, ...changes } = toRow(incident);
    await this.db.updateTable('incidents').set(changes).where('id', '=', incident.id).where('tenant_id', '=', incident.tenantId).execute();
  }

  async get(tenantId: string, id: string): Promise<IncidentRecord | undefined> {
    const row = await this.db.selectFrom('incidents').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
    return row && toIncident(row);
  }

  /** Newest first. */
  async list(tenantId: string, filter: IncidentFilter = {}): Promise<IncidentRecord[]> {
    let query = this.db.selectFrom('incidents').selectAll().where('tenant_id', '=', tenantId);
    if (filter.status) query = query.where('status', '=', filter.status);
    if (filter.escalatedTo) query = query.where('escalated_to', '=', filter.escalatedTo);
    if (filter.from !== undefined) query = query.where('created_at', '>=', filter.from);
    if (filter.to !== undefined) query = query.where('created_at', '<', filter.to);
    const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit ?? 500).execute();
    return rows.map(toIncident);
  }

  async listByConversation(tenantId: string, conversationId: string): Promise<IncidentRecord[]> {
    const rows = await this.db.selectFrom('incidents').selectAll().where('tenant_id', '=', tenantId).where('conversation_id', '=', conversationId).orderBy('created_at').execute();
    return rows.map(toIncident);
  }
}

function toRow(i: IncidentRecord): IncidentTable {
  return {
    id: i.id,
    tenant_id: i.tenantId,
    line_id: i.lineId,
    conversation_id: i.conversationId,
    contact_id: i.contactId,
    agent_id: i.agentId,
    kind: i.kind,
    status: i.status,
    evidence: writeJson(i.evidence),
    actions: writeJson(i.actions),
    escalated_to: i.escalatedTo,
    follow_up: writeJson(i.followUp),
    created_at: i.createdAt,
    updated_at: i.updatedAt,
  };
}

function toIncident(row: Selectable<IncidentTable>): IncidentRecord {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    lineId: row.line_id,
    conversationId: row.conversation_id,
    contactId: row.contact_id,
    agentId: row.agent_id,
    kind: row.kind,
    status: row.status as IncidentStatus,
    evidence: readJson<IncidentEvidence>(row.evidence, { eventSeqs: [], reason: '' }),
    actions: readJson<IncidentActionRecord[]>(row.actions, []),
    escalatedTo: row.escalated_to as IncidentEscalation | null,
    followUp: readJson<IncidentFollowUp>(row.follow_up, NO_FOLLOW_UP),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
