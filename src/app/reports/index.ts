export { buildLineReport, computeLineReport, type LineReport, type LineReportOptions } from './line-report.js';
export { lineReportWithSurveys } from './line-report.service.js';
