export { buildLineReport, computeLineReport, type LineReport, type LineReportOptions } from './line-report.js';
