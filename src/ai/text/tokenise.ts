import { foldAccents } from './fold-accents.js';
import type { Language } from './language.js';
import { stemWord } from './stem-word.js';

/** Letters and digits; an apostrophe or hyphen splits words ("l'argent" → "l", "argent"). */
const WORD = /[\p{L}\p{N}]+/gu;
const DIGITS = /^\p{N}+$/u;
/** English negation hides in a clitic; keep it as a word because "can't" ≠ "can". */
const ENGLISH_NOT = /n['’]t\b/gi;
const ENGLISH_IRREGULAR_NOT = /\b(can|won)['’]t\b/gi;
/** French and English elided articles and pronouns carry no meaning for matching. */
const ELISIONS: Readonly<Record<Language, ReadonlySet<string>>> = {
  fr: new Set(['l', 'd', 'j', 'm', 'n', 's', 't', 'c', 'qu']),
  en: new Set(['s']),
  nl: new Set(),
};

export interface TokeniseOptions {
  /** Replace Snowball stems by the surface word (still lower-cased and accent-folded). */
  readonly stem?: boolean;
  /** Map every number to one token, so "2 weeks" and "3 weeks" meet. */
  readonly collapseNumbers?: boolean;
}

function expandEnglishNegation(text: string): string {
  return text
    .replace(ENGLISH_IRREGULAR_NOT, (_match, verb: string) => (verb.toLowerCase() === 'won' ? 'will not' : 'can not'))
    .replace(ENGLISH_NOT, ' not');
}

/** Lower-case words of a text, accents kept (the stemmers need them). */
export function splitWords(text: string, language: Language): string[] {
  const prepared = language === 'en' ? expandEnglishNegation(text) : text;
  const words = prepared.toLowerCase().match(WORD) ?? [];
  const elided = ELISIONS[language];
  return words.filter((word) => !elided.has(word));
}

/**
 * Language-aware tokens: words split, elisions dropped, Snowball-stemmed, accents folded.
 *
 * @example tokenise("Où est ma carte bancaire ?", 'fr') // ['ou', 'est', 'ma', 'cart', 'bancair']
 */
export function tokenise(text: string, language: Language, options: TokeniseOptions = {}): string[] {
  const stem = options.stem ?? true;
  const collapseNumbers = options.collapseNumbers ?? true;
  return splitWords(text, language).map((word) => {
    if (collapseNumbers && DIGITS.test(word)) return '#';
    return foldAccents(stem ? stemWord(word, language) : word);
  });
}
