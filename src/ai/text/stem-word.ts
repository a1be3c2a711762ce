import snowball, { type SnowballStemmer } from 'snowball-stemmers';
import type { Language } from './language.js';

const ALGORITHM: Readonly<Record<Language, string>> = { nl: 'dutch', fr: 'french', en: 'english' };
const stemmers = new Map<Language, SnowballStemmer>();
/** Texts repeat the same few thousand words; caching keeps stemming off the hot path. */
const cache = new Map<string, string>();
const CACHE_LIMIT = 200_000;

function stemmerFor(language: Language): SnowballStemmer {
  let stemmer = stemmers.get(language);
  if (!stemmer) {
    stemmer = snowball.newStemmer(ALGORITHM[language]);
    stemmers.set(language, stemmer);
  }
  return stemmer;
}

/**
 * Snowball stem of one lower-case word. Give the word with its accents: the French and
 * Dutch algorithms read them (fold afterwards, not before).
 *
 * @example stemWord('fietsen', 'nl') // 'fiets'
 */
export function stemWord(word: string, language: Language): string {
  const key = `${language}:${word}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const stem = stemmerFor(language).stem(word);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, stem);
  return stem;
}
