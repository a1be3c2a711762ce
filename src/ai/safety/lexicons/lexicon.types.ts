import type { AbuseCategory, CareSignal, Language } from '../safety.types.js';

/**
 * `expletive`: a swear word aimed at nobody ("kut", "merde"): a negation does not undo it.
 * `insult`: said about someone ("klootzak", "connard"): "je bent geen klootzak" is not abuse.
 * `slur`: discriminating name for a group; `vulgar`: explicit sexual language.
 */
export type TermRole = 'expletive' | 'insult' | 'slur' | 'vulgar';

/** Which words may glue onto the term in a compound ("kankerbedrijf", "motherfucker"). */
export type CompoundSide = 'prefix' | 'suffix' | 'both';

/** Extra checks for words with an innocent sense: "kanker" is also the disease. */
export type TermGuard = 'medical' | 'proper_name';

export interface LexiconTerm {
  /** Lower-case, accents folded; several words for a phrase ("fils de pute"). */
  term: string;
  category: AbuseCategory;
  /** 0..1; 0.5 is the flagging threshold. */
  severity: number;
  role: TermRole;
  /** Other spellings and abbreviations that mean the same ("gvd", "fdp", "fck"). */
  variants?: readonly string[];
  compound?: CompoundSide;
  guard?: TermGuard;
  /** The form is an ordinary word elsewhere ("con", "bite"): match only in this language. */
  languageOnly?: boolean;
}

export type PatternKind = AbuseCategory | CareSignal;

/**
 * A multi-word rule, written against the normalised token string: lower case, accents
 * folded, leetspeak undone, one space between tokens, apostrophes split ("t es mort").
 */
export interface PatternRule {
  id: string;
  kind: PatternKind;
  severity: number;
  /** Run the regex only when one of these tokens occurs: keeps 100 rules cheap. */
  triggers: readonly string[];
  pattern: RegExp;
  /** A negation just before the match undoes it ("I'm not going to kill you"). */
  negatable?: boolean;
}

/** Phrases that frame a hit as someone else's words, a question about them, or a rejection of them. */
export interface ContextMarkers {
  /** Before the hit, same sentence: "ze noemen me", "il m'a traité de", "they called me". */
  reportedBefore: readonly RegExp[];
  /** After the hit, same or next sentence: "mag dat?", "c'est normal ?", "is that allowed?". */
  reportedAfter: readonly RegExp[];
  /** Before the hit: "stop met", "arrête de", "stop saying". */
  counterSpeech: readonly RegExp[];
  /** Anywhere: a sexual-education question ("is het normaal dat", "can I get pregnant"). */
  education: readonly RegExp[];
  /** Tokens around "kanker" that make it the disease ("heeft", "patiënt"). */
  medicalBefore: readonly string[];
  medicalAfter: readonly string[];
  negators: readonly string[];
}

export interface LanguageLexicon {
  language: Language;
  terms: readonly LexiconTerm[];
  patterns: readonly PatternRule[];
  markers: ContextMarkers;
  /** Frequent words that identify the language of a short message. */
  stopwords: readonly string[];
  /** Entries of the public base lists that are ordinary, clinical or disclosure words here. */
  baseExclusions: readonly string[];
  /** Category and severity for base-list entries this lexicon does not curate itself. */
  baseDefault: { category: AbuseCategory; severity: number; role: 'expletive' | 'vulgar' };
  /** Beginnings of innocent words a compound rule would otherwise catch ("kankeronderzoek", "Kuttekoven", "kleren"). */
  compoundAllowlist: readonly string[];
}
