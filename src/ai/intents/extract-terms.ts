import { foldAccents, splitWords, stemWord, type Language } from '../text/index.js';

export interface TermOptions {
  /** Word n-grams up to this length over stems (1 = unigrams, 2 = also bigrams). */
  readonly wordNgramMax: number;
  /** Character n-gram lengths inside padded words, e.g. [3, 5]; [0, 0] turns them off. */
  readonly charNgramRange: readonly [number, number];
  /** Ordered word pairs up to this many positions apart (0 = off): "card … arrive" with words between. */
  readonly skipWindow: number;
}

export const DEFAULT_TERM_OPTIONS: TermOptions = { wordNgramMax: 2, charNgramRange: [3, 5], skipWindow: 0 };

/** Word terms start with "w", character terms with "c"; the two blocks are normalised apart. */
export type TermBlock = 'word' | 'char';

export interface Terms {
  readonly word: string[];
  readonly char: string[];
}

const DIGITS = /^\p{N}+$/u;

/** Surface form used for character n-grams and typo look-up: folded, numbers collapsed. */
export function surfaceForm(word: string): string {
  return DIGITS.test(word) ? '#' : foldAccents(word);
}

function stemForm(word: string, language: Language): string {
  return DIGITS.test(word) ? '#' : foldAccents(stemWord(word, language));
}

function wordTerms(stems: readonly string[], maxN: number): string[] {
  const terms: string[] = [];
  for (let n = 1; n <= maxN; n++) {
    for (let start = 0; start + n <= stems.length; start++) {
      terms.push(`w${n}:${stems.slice(start, start + n).join(' ')}`);
    }
  }
  return terms;
}

/** Pairs further apart than a bigram; bigrams already cover distance 1. */
function skipTerms(stems: readonly string[], window: number): string[] {
  const terms: string[] = [];
  for (let first = 0; first < stems.length; first++) {
    for (let second = first + 2; second <= first + window && second < stems.length; second++) {
      terms.push(`s:${stems[first]} ${stems[second]}`);
    }
  }
  return terms;
}

/** Character n-grams within word boundaries (like scikit-learn's `char_wb`): robust to typos and inflection. */
function charTerms(surfaces: readonly string[], [minN, maxN]: readonly [number, number]): string[] {
  const terms: string[] = [];
  if (minN <= 0) return terms;
  for (const surface of surfaces) {
    const padded = ` ${surface} `;
    for (let n = minN; n <= maxN; n++) {
      if (padded.length < n) break;
      for (let start = 0; start + n <= padded.length; start++) terms.push(`c:${padded.slice(start, start + n)}`);
    }
  }
  return terms;
}

/**
 * The terms of a text given its (possibly corrected) lower-case words.
 *
 * @example termsOfWords(['my', 'cards'], 'en', DEFAULT_TERM_OPTIONS).word // ['w1:my', 'w1:card', 'w2:my card']
 */
export function termsOfWords(words: readonly string[], language: Language, options: TermOptions): Terms {
  const stems = words.map((word) => stemForm(word, language));
  const surfaces = words.map(surfaceForm);
  const word = [...wordTerms(stems, options.wordNgramMax), ...skipTerms(stems, options.skipWindow)];
  return { word, char: charTerms(surfaces, options.charNgramRange) };
}

export function extractTerms(text: string, language: Language, options: TermOptions): Terms {
  return termsOfWords(splitWords(text, language), language, options);
}
