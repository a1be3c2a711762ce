import type { PiiKind } from './anonymiser.types.js';

/** A span a detector proposes; overlaps are settled in `anonymise` by kind priority. */
export interface Candidate {
  readonly kind: PiiKind;
  readonly start: number;
  readonly end: number;
}

/**
 * Runs a global regex and keeps the matches `accept` approves, as candidates of one kind.
 * Matches may overlap: a search restarts one character after each match start, so a number that a
 * longer look-alike swallowed (a phone after a card) is still proposed; `anonymise` then settles.
 */
export function matchCandidates(
  text: string,
  pattern: RegExp,
  kind: PiiKind,
  accept: (match: string) => boolean = () => true,
): Candidate[] {
  const found: Candidate[] = [];
  const search = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  for (let match = search.exec(text); match; match = search.exec(text)) {
    if (accept(match[0])) found.push({ kind, start: match.index, end: match.index + match[0].length });
    search.lastIndex = match.index + 1;
  }
  return found;
}
