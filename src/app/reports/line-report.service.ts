import type { ServiceDeps } from '../deps.js';
import { buildLineReport, type LineReport, type LineReportOptions } from './line-report.js';

/**
 * The line report with the survey answers of the same period read from `survey_responses`,
 * so NPS and helpfulness (with their counts) appear next to the queue figures.
 */
export async function lineReportWithSurveys(deps: Pick<ServiceDeps, 'db' | 'repos'>, options: Omit<LineReportOptions, 'surveys'>): Promise<LineReport> {
  const surveys = await deps.repos.surveys.listByLine(options.tenantId, options.lineId, options.from, options.to);
  return buildLineReport(deps.db, { ...options, surveys });
}
