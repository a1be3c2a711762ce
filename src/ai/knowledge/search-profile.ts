import type { Language } from '../text/index.js';

/** Ranking and expansion settings; one object so a bench or a line can tune them in one place. */
export interface SearchProfile {
  /** BM25 term-frequency saturation. */
  readonly k1: number;
  /** Field weights of BM25F: a word in the title says more than the same word in the body. */
  readonly titleWeight: number;
  readonly bodyWeight: number;
  /** Length normalisation per field (0 = none, 1 = full). */
  readonly titleB: number;
  readonly bodyB: number;
  /** Weights of expanded terms relative to an exact stem match (1). */
  readonly prefixWeight: number;
  readonly compoundWeight: number;
  readonly oneEditWeight: number;
  readonly twoEditWeight: number;
  /** Caps on expansions per query word, so "ba" typed in the widget stays cheap. */
  readonly maxPrefixExpansions: number;
  readonly maxCompoundExpansions: number;
  readonly maxTypoExpansions: number;
  readonly minPrefixLength: number;
}

export const DEFAULT_SEARCH_PROFILE: SearchProfile = {
  k1: 1.2,
  titleWeight: 3,
  bodyWeight: 1,
  titleB: 0.5,
  bodyB: 0.75,
  prefixWeight: 0.8,
  compoundWeight: 0.7,
  oneEditWeight: 0.6,
  twoEditWeight: 0.4,
  maxPrefixExpansions: 24,
  maxCompoundExpansions: 16,
  maxTypoExpansions: 8,
  minPrefixLength: 2,
};

/**
 * What a language needs beyond its stemmer. Dutch glues nouns together ("bankkaart"), so a
 * query word also matches known words that end in it; French and English write them apart.
 */
export interface LanguageCapabilities {
  readonly matchCompoundHeads: boolean;
}

export const LANGUAGE_CAPABILITIES: Readonly<Record<Language, LanguageCapabilities>> = {
  nl: { matchCompoundHeads: true },
  fr: { matchCompoundHeads: false },
  en: { matchCompoundHeads: false },
};
