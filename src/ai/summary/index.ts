export { stripQuotedEmail, summariseExtractive, type ExtractiveSummary, type SummaryOptions, type SummaryTurn } from './summarise-extractive.js';
