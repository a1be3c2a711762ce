import type { Language } from '../text/index.js';

export type { Language };

/** What a message can be flagged for; the order of `LABEL_PRIORITY` decides the label. */
export type AbuseCategory = 'swearing' | 'threat' | 'discrimination' | 'sexual' | 'spam';
export type AbuseLabel = 'ok' | AbuseCategory;

/** Most serious first: a threat with a swear word in it is a threat. */
export const LABEL_PRIORITY: readonly AbuseCategory[] = ['threat', 'discrimination', 'sexual', 'swearing', 'spam'];
export const ABUSE_CATEGORIES: readonly AbuseCategory[] = ['swearing', 'threat', 'discrimination', 'sexual', 'spam'];

/** Signals that the contact needs care rather than a sanction; they never make a label. */
export type CareSignal = 'self_harm' | 'abuse_disclosure';

/** Why a hit did not count. Kept in the result so a reviewer sees what was seen and why it was let go. */
export type SuppressionReason =
  | 'negation'
  | 'reported_speech'
  | 'counter_speech'
  | 'quoted'
  | 'education_question'
  | 'medical_context'
  | 'care_context'
  | 'proper_name';

export interface Evidence {
  /** The text as the customer wrote it. */
  term: string;
  /** The lexicon form it matched, after folding and de-obfuscation. */
  matched: string;
  category: AbuseCategory;
  severity: number;
  /** Character offsets in the original text: `text.slice(start, end)`. */
  start: number;
  end: number;
  /** Stable id of the lexicon entry or pattern, e.g. `nl.term.klootzak`, `fr.threat.kill`. */
  ruleId: string;
  /** How the text was de-obfuscated before it matched, when it was. */
  obfuscation?: 'leet' | 'repeat' | 'spaced' | 'compound';
  suppressedBy?: SuppressionReason;
}

export interface Classification {
  label: AbuseLabel;
  /** Score of the label's category; for `ok` the highest category score (below the threshold). */
  score: number;
  categories: Record<AbuseCategory, number>;
  /** Hits that counted. */
  evidence: Evidence[];
  /** Hits that were seen but let go by a context rule. */
  suppressed: Evidence[];
  careSignals: CareSignal[];
  /** The language used for language-specific terms: the one given, or the one detected. */
  language: Language | null;
}

export interface ClassifyOptions {
  /** The conversation's language when known; other languages are still checked (Belgians mix). */
  language?: Language;
}
