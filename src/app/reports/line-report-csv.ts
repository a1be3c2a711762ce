import type { Figure } from '../../core/metrics/index.js';
import { CHANNELS } from '../../core/model/index.js';
import type { FullLineReport } from './line-report.service.js';

const HEADER = ['section', 'item', 'value', 'numerator', 'denominator'];

/**
 * The line report as CSV in long form (`section,item,value,numerator,denominator`), one figure
 * per row, so a spreadsheet can filter and pivot it. Counts go with every rate, as on the screen;
 * an empty value means "no data" (a zero denominator). Per-agent handle times appear only when
 * the line shows them: the report already leaves them out otherwise.
 */
export function lineReportToCsv(report: FullLineReport, lineName: string): string {
  const rows: Array<Array<string | number | null>> = [HEADER];
  const add = (section: string, item: string, value: number | string | null, numerator: number | null = null, denominator: number | null = null) =>
    rows.push([section, item, value, numerator, denominator]);
  const fig = (section: string, item: string, f: Figure) => add(section, item, f.value, f.numerator, f.denominator);

  add('period', 'line', lineName);
  add('period', 'from', new Date(report.period.from).toISOString());
  add('period', 'to', new Date(report.period.to).toISOString());
  add('volume', 'total', report.volume.total);
  for (const channel of CHANNELS) fig('volume', `channel:${channel}`, report.volume.byChannel[channel]);
  report.volume.byHour.forEach((f, hour) => fig('volume', `hour:${String(hour).padStart(2, '0')}`, f));
  for (const channel of CHANNELS) report.volume.byChannelAndHour[channel].forEach((n, hour) => n > 0 && add('volume', `${channel}:hour:${String(hour).padStart(2, '0')}`, n));
  fig('queue', 'service_level', report.serviceLevel);
  fig('queue', 'answer_rate', report.answerRate);
  fig('queue', 'abandon_rate', report.abandonRate);
  add('queue', 'short_abandons_excluded', report.serviceLevel.shortAbandonsExcluded);
  fig('time', 'average_handle_seconds', report.averageHandleSeconds);
  for (const channel of CHANNELS) fig('time', `average_handle_seconds:${channel}`, report.averageHandleSecondsByChannel[channel]);
  fig('time', 'average_speed_of_answer_seconds', report.averageSpeedOfAnswerSeconds);
  fig('time', 'average_wait_seconds', report.averageWaitSeconds);
  for (const [agentId, f] of Object.entries(report.byAgent ?? {})) fig('agent_handle_seconds', agentId, f);
  for (const t of report.topics.topics) fig('topic', t.topicId, t);
  add('topic', 'unregistered', report.topics.unregistered);
  for (const p of report.phases.phases) fig('phase', p.phaseId, p);
  // A campaign result keeps its prefix (`campaign:reached`), apart from a line code of the same name.
  for (const w of report.wrapUps.codes) fig('wrap_up', w.code, w);
  add('wrap_up', 'uncoded', report.wrapUps.uncoded);
  const nps = report.surveys.netPromoterScore;
  add('survey', 'nps', nps.value, nps.numerator, nps.denominator);
  add('survey', 'promoters', nps.promoters);
  add('survey', 'passives', nps.passives);
  add('survey', 'detractors', nps.detractors);
  fig('survey', 'helpfulness', report.surveys.helpfulness);
  fig('bot', 'bot_resolved', report.botResolved);
  add('incidents', 'total', report.incidents.total);
  for (const [kind, n] of Object.entries(report.incidents.byKind).sort(([a], [b]) => a.localeCompare(b))) add('incidents', kind, n);
  return rows.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * RFC 4180 quoting (a cell with a comma, quote or line break is quoted, quotes doubled). Text
 * that a spreadsheet would run as a formula (= + - @ at the start) gets a leading apostrophe;
 * numbers are written as numbers, so a negative NPS stays a number.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
