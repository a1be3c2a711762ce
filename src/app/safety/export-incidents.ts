import type { Agent } from '../../core/model/index.js';
import type { IncidentRecord } from '../../storage/repositories/incident.repository.js';
import type { ServiceDeps } from '../deps.js';

const MAX_ROWS = 100_000;
const HEADER = ['id', 'created_at', 'line', 'kind', 'status', 'escalated_to', 'agent_care', 'customer_contacted', 'police_report'];

/**
 * One year of the incident register as CSV: a row per incident, then a blank line and the counts
 * ("how many reports were filed"): total, per kind, per escalation queue, police reports.
 */
export async function exportIncidentsCsv(deps: ServiceDeps, agent: Agent, year: number): Promise<{ csv: string; total: number }> {
  const incidents = await deps.repos.incidents.list(agent.tenantId, { from: Date.UTC(year, 0, 1), to: Date.UTC(year + 1, 0, 1), limit: MAX_ROWS });
  const rows = [...incidents].reverse().map((i) => row(deps, i));
  const lines = [HEADER, ...rows, [], ['measure', 'count'], ...counts(year, incidents)];
  return { csv: lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n', total: incidents.length };
}

function row(deps: ServiceDeps, i: IncidentRecord): string[] {
  const care = i.followUp.agentCare === null ? 'no' : i.followUp.agentCare.done ? 'done' : 'open';
  const line = deps.directory.findLine(i.lineId)?.name ?? i.lineId;
  return [i.id, new Date(i.createdAt).toISOString(), line, i.kind, i.status, i.escalatedTo ?? '', care, yesNo(i.followUp.customerContacted), yesNo(i.followUp.policeReport)];
}

function counts(year: number, incidents: IncidentRecord[]): string[][] {
  const tally = new Map<string, number>();
  const add = (key: string) => tally.set(key, (tally.get(key) ?? 0) + 1);
  for (const i of incidents) {
    add(`kind:${i.kind}`);
    if (i.escalatedTo) add(`escalated:${i.escalatedTo}`);
    if (i.followUp.policeReport) add('police_reports');
    if (i.followUp.agentCare) add('agent_care_tasks');
  }
  return [[`incidents_${year}`, String(incidents.length)], ...[...tally.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, String(v)])];
}

function yesNo(value: boolean): string {
  return value ? 'yes' : 'no';
}

/** Quotes when needed, and defuses spreadsheet formulas (a cell starting with = + - @). */
function csvCell(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
