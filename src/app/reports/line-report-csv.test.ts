import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { computeLineReport } from './line-report.js';
import { csvCell, lineReportToCsv } from './line-report-csv.js';
import type { FullLineReport } from './line-report.service.js';

const T0 = Date.UTC(2025, 2, 3, 9, 0);

function report(hideAgentHandleTime: boolean): FullLineReport {
  const base = computeLineReport(
    [
      { conversationId: 'c1', lineId: 'l', queueId: 'q', channel: 'chat', createdAt: T0, enqueuedAt: T0, answeredAt: T0 + 30_000, endedAt: T0 + 300_000, closedAt: T0 + 330_000, agentId: 'us_a', outcome: 'answered', topics: ['pesten'], phaseReached: 'goal', botResolved: false },
      { conversationId: 'c2', lineId: 'l', queueId: 'q', channel: 'voice', createdAt: T0 + 1000, enqueuedAt: T0 + 1000, abandonedAt: T0 + 91_000, outcome: 'abandoned', topics: [], botResolved: false },
    ],
    { tenantId: 't', lineId: 'l', from: T0, to: T0 + 3_600_000, timeZone: 'Europe/Brussels', serviceLevelSeconds: 60, shortAbandonSeconds: 5, hideAgentHandleTime, phaseOrder: ['contact', 'goal'], surveys: [{ conversationId: 'c1', lineId: 'l', nps: 2, helpfulness: 4 }] },
  );
  return { ...base, generatedInMs: 1, surveys: base.surveys!, incidents: { total: 2, byKind: { abuse: 1, flagged: 1 } } };
}

describe('line report CSV', () => {
  it('quotes commas, quotes and line breaks and defuses formulas, but keeps negative numbers', () => {
    expect(csvCell('Lijn, "zuid"')).toBe('"Lijn, ""zuid"""');
    expect(csvCell('a\nb')).toBe('"a\nb"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell(-100)).toBe('-100');
    expect(csvCell(null)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('round-trips through a CSV parser with one figure and its counts per row', () => {
    const rows = parse(lineReportToCsv(report(true), 'Kinderlijn, "de"'), { columns: true }) as Array<Record<string, string>>;
    const find = (section: string, item: string) => rows.find((r) => r.section === section && r.item === item);
    expect(find('period', 'line')?.value).toBe('Kinderlijn, "de"');
    expect(find('volume', 'total')?.value).toBe('2');
    expect(find('queue', 'service_level')).toMatchObject({ value: '0.5', numerator: '1', denominator: '2' });
    expect(find('survey', 'nps')).toMatchObject({ value: '-100', numerator: '-1', denominator: '1' });
    expect(find('survey', 'helpfulness')).toMatchObject({ value: '4', denominator: '1' });
    expect(find('topic', 'pesten')).toMatchObject({ value: '1', numerator: '1', denominator: '1' });
    expect(find('incidents', 'abuse')?.value).toBe('1');
    expect(find('bot', 'bot_resolved')).toMatchObject({ value: '0', denominator: '2' });
    expect(find('volume', 'chat:hour:10')?.value).toBe('1');
  });

  it('has per-agent rows only when the line shows agent handle time', () => {
    expect(lineReportToCsv(report(true), 'L')).not.toContain('us_a');
    const rows = parse(lineReportToCsv(report(false), 'L'), { columns: true }) as Array<Record<string, string>>;
    expect(rows.find((r) => r.section === 'agent_handle_seconds' && r.item === 'us_a')).toMatchObject({ value: '300', denominator: '1' });
  });
});
