export {
  stripQuotedEmail,
  summariseExtractive,
  summariseExtractiveSentences,
  type ExtractiveSummary,
  type SummaryOptions,
  type SummarySentence,
  type SummaryTurn,
} from './summarise-extractive.js';
