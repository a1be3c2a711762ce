import { ReportRepository } from '../../storage/reports/index.js';
import type { ServiceDeps } from '../deps.js';
import { buildLineReport, type LineReportOptions } from './line-report.js';
import type { FullLineReport } from './line-report.types.js';

export type { FullLineReport } from './line-report.types.js';

/**
 * The line report with the survey answers of the same period read from `survey_responses`,
 * so NPS and helpfulness (with their counts) appear next to the queue figures, and the
 * incidents opened on the line in the period, per kind.
 */
export async function lineReportWithSurveys(deps: Pick<ServiceDeps, 'db' | 'repos'>, options: Omit<LineReportOptions, 'surveys'>): Promise<FullLineReport> {
  const [surveys, byKind] = await Promise.all([
    deps.repos.surveys.listByLine(options.tenantId, options.lineId, options.from, options.to),
    new ReportRepository(deps.db).countIncidentsByKind(options.tenantId, options.lineId, options.from, options.to),
  ]);
  const report = await buildLineReport(deps.db, { ...options, surveys });
  const total = Object.values(byKind).reduce((a, b) => a + b, 0);
  return { ...report, surveys: report.surveys!, incidents: { total, byKind } };
}
