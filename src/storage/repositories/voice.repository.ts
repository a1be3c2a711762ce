import type { Kysely, Selectable } from 'kysely';
import type { Database, VoiceCallTable } from '../database.js';
import { readJson, writeJson } from './json-column.js';

export type CallDirection = 'inbound' | 'outbound';

export interface VoiceCallRecord {
  callSid: string;
  tenantId: string;
  lineId: string;
  conversationId: string | null;
  direction: CallDirection;
  callerNumber: string | null;
  /** The provider's last call status (ringing, in-progress, completed, …). */
  status: string;
  /** The IVR state while the IVR waits for the caller (plain JSON of `IvrState`). */
  ivrState: unknown;
  createdAt: number;
  updatedAt: number;
}

export interface StoredIvrFlow {
  lineId: string;
  tenantId: string;
  flow: unknown;
  updatedBy: string | null;
  updatedAt: number;
}

/** IVR flows per line and the telephone calls the adapter is handling. */
export class VoiceRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async saveFlow(flow: StoredIvrFlow): Promise<void> {
    const row = { line_id: flow.lineId, tenant_id: flow.tenantId, flow: writeJson(flow.flow), updated_by: flow.updatedBy, updated_at: flow.updatedAt };
    await this.db
      .insertInto('ivr_flows')
      .values(row)
      .onConflict((oc) => oc.column('line_id').doUpdateSet({ flow: row.flow, updated_by: row.updated_by, updated_at: row.updated_at }))
      .execute();
  }

  async listFlows(tenantId: string): Promise<StoredIvrFlow[]> {
    const rows = await this.db.selectFrom('ivr_flows').selectAll().where('tenant_id', '=', tenantId).execute();
    return rows.map((r) => ({ lineId: r.line_id, tenantId: r.tenant_id, flow: readJson<unknown>(r.flow, null), updatedBy: r.updated_by, updatedAt: Number(r.updated_at) }));
  }

  async insertCall(call: VoiceCallRecord): Promise<void> {
    await this.db.insertInto('voice_calls').values(toRow(call)).execute();
  }

  async getCall(callSid: string): Promise<VoiceCallRecord | undefined> {
    const row = await this.db.selectFrom('voice_calls').selectAll().where('call_sid', '=', callSid).executeTakeFirst();
    return row && toRecord(row);
  }

  async findCallByConversation(conversationId: string): Promise<VoiceCallRecord | undefined> {
    const row = await this.db.selectFrom('voice_calls').selectAll().where('conversation_id', '=', conversationId).orderBy('created_at', 'desc').executeTakeFirst();
    return row && toRecord(row);
  }

  async updateCall(callSid: string, changes: Partial<Pick<VoiceCallRecord, 'conversationId' | 'status' | 'ivrState'>>, now: number): Promise<void> {
    const set: Partial<VoiceCallTable> = { updated_at: now };
    if (changes.conversationId !== undefined) set.conversation_id = changes.conversationId;
    if (changes.status !== undefined) set.status = changes.status;
    if (changes.ivrState !== undefined) set.ivr_state = changes.ivrState === null ? null : writeJson(changes.ivrState);
    await this.db.updateTable('voice_calls').set(set).where('call_sid', '=', callSid).execute();
  }
}

function toRow(call: VoiceCallRecord): VoiceCallTable {
  return {
    call_sid: call.callSid,
    tenant_id: call.tenantId,
    line_id: call.lineId,
    conversation_id: call.conversationId,
    direction: call.direction,
    caller_number: call.callerNumber,
    status: call.status,
    ivr_state: call.ivrState === null || call.ivrState === undefined ? null : writeJson(call.ivrState),
    created_at: call.createdAt,
    updated_at: call.updatedAt,
  };
}

function toRecord(row: Selectable<VoiceCallTable>): VoiceCallRecord {
  return {
    callSid: row.call_sid,
    tenantId: row.tenant_id,
    lineId: row.line_id,
    conversationId: row.conversation_id,
    direction: row.direction as CallDirection,
    callerNumber: row.caller_number,
    status: row.status,
    ivrState: readJson<unknown>(row.ivr_state, null),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}
