import type { Kysely, Selectable } from 'kysely';
import type { CallStateTable, Database } from '../database.js';
import { readJson, writeJson } from './json-column.js';

/** A running browser call's state beyond the conversation row: IVR position, ringing, consult. */
export interface StoredCallState {
  conversationId: string;
  tenantId: string;
  /** Plain JSON of `IvrState` while the IVR waits for keys; null otherwise. */
  ivrState: unknown;
  /** When the IVR's no-input timer fires (epoch ms); null when nothing waits. */
  ivrDeadline: number | null;
  /** A chat that became a call rings its agent since then (epoch ms); null otherwise. */
  ringingSince: number | null;
  /** The channel the conversation came from before it became a call. */
  ringingFrom: string | null;
  /** Warm transfer: the colleague consulted; `callSid` is their leg at the provider (phone-line calls only). */
  consult: { agentId: string; agentName: string; callSid?: string | null } | null;
  updatedAt: number;
}

/** One row per running browser call; written by the journal in the transaction of the events that change it. */
export class CallStateRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async get(conversationId: string): Promise<StoredCallState | undefined> {
    const row = await this.db.selectFrom('call_states').selectAll().where('conversation_id', '=', conversationId).executeTakeFirst();
    return row && toState(row);
  }

  async listForTenant(tenantId: string): Promise<StoredCallState[]> {
    const rows = await this.db.selectFrom('call_states').selectAll().where('tenant_id', '=', tenantId).orderBy('conversation_id').execute();
    return rows.map(toState);
  }

  async save(state: StoredCallState): Promise<void> {
    const row = toRow(state);
    const { conversation_id: _id, tenant_id: _tenant, ...changes } = row;
    await this.db
      .insertInto('call_states')
      .values(row)
      .onConflict((oc) => oc.column('conversation_id').doUpdateSet(changes))
      .execute();
  }

  async delete(conversationIds: readonly string[]): Promise<void> {
    if (conversationIds.length === 0) return;
    await this.db.deleteFrom('call_states').where('conversation_id', 'in', conversationIds).execute();
  }
}

function toRow(state: StoredCallState): CallStateTable {
  return {
    conversation_id: state.conversationId,
    tenant_id: state.tenantId,
    ivr_state: state.ivrState === null || state.ivrState === undefined ? null : writeJson(state.ivrState),
    ivr_deadline: state.ivrDeadline,
    ringing_since: state.ringingSince,
    ringing_from: state.ringingFrom,
    consult_agent_id: state.consult?.agentId ?? null,
    consult_agent_name: state.consult?.agentName ?? null,
    consult_call_sid: state.consult?.callSid ?? null,
    updated_at: state.updatedAt,
  };
}

function toState(row: Selectable<CallStateTable>): StoredCallState {
  return {
    conversationId: row.conversation_id,
    tenantId: row.tenant_id,
    ivrState: readJson<unknown>(row.ivr_state, null),
    ivrDeadline: row.ivr_deadline === null ? null : Number(row.ivr_deadline),
    ringingSince: row.ringing_since === null ? null : Number(row.ringing_since),
    ringingFrom: row.ringing_from,
    consult: row.consult_agent_id ? { agentId: row.consult_agent_id, agentName: row.consult_agent_name ?? '', ...(row.consult_call_sid ? { callSid: row.consult_call_sid } : {}) } : null,
    updatedAt: Number(row.updated_at),
  };
}
