import { createRequire } from 'node:module';
import { DataSet, englishDataset } from 'obscenity';
import type { Language } from '../safety.types.js';

/**
 * The public word lists the curated lexicons start from:
 * - LDNOOBW "List of Dirty, Naughty, Obscene, and Otherwise Bad Words" (npm `naughty-words`),
 *   © Shutterstock and contributors, CC BY 4.0, https://github.com/LDNOOBW/List-of-Dirty-Naughty-Obscene-and-Otherwise-Bad-Words
 * - the English data set of `obscenity` (MIT, © Joseph Liu), https://github.com/jo3-l/obscenity
 * They are read at start-up rather than copied so an upgrade of either package reaches us;
 * the curation (exclusions, categories, severities) lives in the per-language lexicons.
 */
const require = createRequire(import.meta.url);

function readWordList(language: Language): string[] {
  const list: unknown = require(`naughty-words/${language}.json`);
  if (!Array.isArray(list)) return [];
  return list.filter((word): word is string => typeof word === 'string');
}

/** `obscenity` keeps its words as patterns; the original word of each phrase is in its metadata. */
function readObscenityWords(): string[] {
  const words: string[] = [];
  new DataSet<{ originalWord: string }>().addAll(englishDataset).removePhrasesIf((phrase) => {
    const word = phrase.metadata?.originalWord;
    if (typeof word === 'string') words.push(word);
    return false;
  });
  return words;
}

export function loadBaseWords(language: Language): string[] {
  const words = readWordList(language);
  return language === 'en' ? [...words, ...readObscenityWords()] : words;
}
