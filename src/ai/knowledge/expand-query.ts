import type { AnalysedWord } from './analyse-text.js';
import type { DeletionIndex } from './deletion-index.js';
import type { ExpandedWord, KnowledgeShard } from './knowledge-shard.js';
import { LANGUAGE_CAPABILITIES, type SearchProfile } from './search-profile.js';

export interface QueryWords {
  readonly words: readonly AnalysedWord[];
  /** The last word is still being typed (no space or punctuation after it). */
  readonly lastIsPartial: boolean;
}

function raise(terms: Map<string, number>, term: string, weight: number): void {
  if (weight > (terms.get(term) ?? 0)) terms.set(term, weight);
}

function addPrefixMatches(terms: Map<string, number>, shard: KnowledgeShard, word: AnalysedWord, profile: SearchProfile): void {
  if (word.surface.length < profile.minPrefixLength) return;
  for (const surface of shard.surfacesWithPrefix(word.surface, profile.maxPrefixExpansions)) {
    const term = shard.termOfSurface(surface);
    if (term !== undefined) raise(terms, term, profile.prefixWeight);
  }
}

function addTypoMatches(terms: Map<string, number>, shard: KnowledgeShard, typos: DeletionIndex, word: AnalysedWord, profile: SearchProfile): void {
  let added = 0;
  for (const near of typos.near(word.surface)) {
    if (added >= profile.maxTypoExpansions) break;
    // The deletion index is shared by every line of a language; keep this line's words.
    const term = shard.termOfSurface(near.word);
    if (term === undefined) continue;
    raise(terms, term, near.edits === 1 ? profile.oneEditWeight : profile.twoEditWeight);
    added += 1;
  }
}

/**
 * Turns each query word into weighted index terms of one shard: its own stem (1), for Dutch
 * the compounds it ends ("kaart" → "bankkaart"), for the word being typed its completions,
 * and, only when nothing else matched, the known words within one or two typing errors.
 */
export function expandQuery(query: QueryWords, shard: KnowledgeShard, typos: DeletionIndex, profile: SearchProfile): ExpandedWord[] {
  const seen = new Set<string>();
  const expanded: ExpandedWord[] = [];
  query.words.forEach((word, index) => {
    const partial = query.lastIsPartial && index === query.words.length - 1;
    const key = `${word.term}${partial ? '*' : ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    const terms = new Map<string, number>();
    if (shard.hasTerm(word.term)) terms.set(word.term, 1);
    if (LANGUAGE_CAPABILITIES[shard.language].matchCompoundHeads && word.term.length >= 4) {
      for (const term of shard.termsEndingWith(word.term, profile.maxCompoundExpansions)) raise(terms, term, profile.compoundWeight);
    }
    if (partial) addPrefixMatches(terms, shard, word, profile);
    if (terms.size === 0) addTypoMatches(terms, shard, typos, word, profile);
    if (terms.size > 0) expanded.push({ terms });
  });
  return expanded;
}
