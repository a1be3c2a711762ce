export { ReportRepository, type ReportPeriodQuery } from './report.repository.js';
