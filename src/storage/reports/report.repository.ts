import { sql, type RawBuilder } from 'kysely';
import type { ContactRecord } from '../../core/metrics/index.js';
import { CHANNELS, CONVERSATION_STATES } from '../../core/model/index.js';
import type { Db } from '../open-database.js';
import { readJson } from '../repositories/json-column.js';
import { registrationWithoutNotes } from './registration-columns.js';
import { RegistrationReader } from './registration-reader.js';
import { toContactRecord, type ReportRow } from './to-contact-record.js';

export interface ReportPeriodQuery {
  tenantId: string;
  lineId: string;
  /** Epoch ms, inclusive: conversations created at or after it. */
  from: number;
  /** Epoch ms, exclusive. */
  to: number;
  /** Read the agent of each conversation; leave false when the line hides per-agent figures. */
  withAgents: boolean;
}

/**
 * One query per week of the period: each is a plain range on the `(line_id, created_at)`
 * index, so no page needs an ORDER BY, and a whole year of rows never sits in the driver's
 * buffer at once (`pg` holds a whole result in memory).
 */
const WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Reads a line's conversations of a period as {@link ContactRecord}s for the figures of
 * `src/core/metrics`, with a narrow select: codes and small offsets instead of strings and
 * epoch values where the figures allow, and the registration without its notes.
 *
 * @example
 * const records = await new ReportRepository(db).loadContactRecords({ tenantId, lineId, from, to, withAgents: false });
 */
export class ReportRepository {
  constructor(private readonly db: Db) {}

  async loadContactRecords(query: ReportPeriodQuery): Promise<ContactRecord[]> {
    const records: ContactRecord[] = [];
    const registrations = new RegistrationReader();
    const windows = periodWindows(query.from, query.to);
    // Fetch the next window while mapping this one: on PostgreSQL the server works meanwhile.
    let pending = windows[0] ? this.loadWindow(query, windows[0]) : undefined;
    for (let index = 0; pending; index++) {
      const rows = await pending;
      const next = windows[index + 1];
      pending = next ? this.loadWindow(query, next) : undefined;
      for (const row of rows) records.push(toContactRecord(row, query.lineId, registrations));
    }
    return records;
  }

  /** The line's phase ids in the order of its phase model; empty when the line is unknown. */
  async readPhaseOrder(tenantId: string, lineId: string): Promise<string[]> {
    const row = await this.db.kysely
      .selectFrom('lines')
      .select('settings')
      .where('tenant_id', '=', tenantId)
      .where('id', '=', lineId)
      .executeTakeFirst();
    const settings = readJson<{ phases?: Array<{ id: string }> }>(row?.settings, {});
    return (settings.phases ?? []).map((phase) => phase.id);
  }

  /** Incidents opened on the line in [from, to), counted per kind (abuse, threat, flagged…). */
  async countIncidentsByKind(tenantId: string, lineId: string, from: number, to: number): Promise<Record<string, number>> {
    const rows = await this.db.kysely
      .selectFrom('incidents')
      .select(['kind', (eb) => eb.fn.countAll<number | string | bigint>().as('n')])
      .where('tenant_id', '=', tenantId)
      .where('line_id', '=', lineId)
      .where('created_at', '>=', from)
      .where('created_at', '<', to)
      .groupBy('kind')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)]));
  }

  private loadWindow(query: ReportPeriodQuery, [from, to]: readonly [number, number]): Promise<ReportRow[]> {
    return this.db.kysely
      .selectFrom('conversations')
      .select([
        'id',
        'queue_id',
        indexIn('channel', CHANNELS).as('channel_index'),
        indexIn('state', CONVERSATION_STATES).as('state_index'),
        (query.withAgents ? sql<string | null>`assigned_agent_id` : sql<string | null>`null`).as('agent_id'),
        'created_at',
        sql<number | null>`enqueued_at - created_at`.as('enqueued_after'),
        sql<number | null>`accepted_at - created_at`.as('accepted_after'),
        sql<number | null>`closed_at - created_at`.as('closed_after'),
        registrationWithoutNotes(this.db.flags.name).as('registration'),
        // Only rows answered without a queue read their context: an agent's outbound (campaign) call.
        sql<number>`case when enqueued_at is null and accepted_at is not null and context like ${'%"direction":"outbound"%'} then 1 else 0 end`.as('outbound'),
      ])
      .where('line_id', '=', query.lineId)
      .where('tenant_id', '=', query.tenantId)
      .where('created_at', '>=', from)
      .where('created_at', '<', to)
      .execute();
  }
}

/** `case column when 'a' then 0 when 'b' then 1 … end`: the value's index in `values`, -1 if unknown. */
function indexIn(column: 'channel' | 'state', values: readonly string[]): RawBuilder<number> {
  const branches = values.map((value, index) => sql`when ${sql.lit(value)} then ${sql.lit(index)}`);
  return sql<number>`case ${sql.ref(column)} ${sql.join(branches, sql` `)} else -1 end`;
}

function periodWindows(from: number, to: number): Array<readonly [number, number]> {
  const windows: Array<readonly [number, number]> = [];
  for (let start = from; start < to; start += WINDOW_MS) windows.push([start, Math.min(start + WINDOW_MS, to)]);
  return windows;
}
