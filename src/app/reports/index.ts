export { buildLineReport, computeLineReport, type LineReport, type LineReportOptions } from './line-report.js';
export { lineReportWithSurveys, type FullLineReport } from './line-report.service.js';
export { lineReportToCsv } from './line-report-csv.js';
