import { distance } from 'fastest-levenshtein';

export interface NearWord {
  readonly word: string;
  readonly edits: number;
}

/** Typo tolerance starts at four letters; below that, one edit makes another word. */
export const MIN_TYPO_LENGTH = 4;
const TWO_EDITS_FROM = 8;
const MAX_EDITS = 2;
/** The shortest word a four-letter query can reach with one edit. */
const MIN_INDEXED_LENGTH = MIN_TYPO_LENGTH - 1;

/** Edits a query word of this length may have: none under 4 letters, one under 8, then two. */
export function allowedEdits(length: number): number {
  if (length < MIN_TYPO_LENGTH) return 0;
  return length >= TWO_EDITS_FROM ? 2 : 1;
}

function deletions(word: string, depth: number, into: Set<string>): Set<string> {
  if (depth === 0) return into;
  for (let index = 0; index < word.length; index++) {
    const shorter = word.slice(0, index) + word.slice(index + 1);
    if (into.has(shorter)) continue;
    into.add(shorter);
    deletions(shorter, depth - 1, into);
  }
  return into;
}

/**
 * Symmetric-deletion typo lookup (the SymSpell idea): every known word is filed under the
 * strings left after deleting up to two letters; a query word meets its neighbours by
 * deleting letters too, so a lookup never walks the whole vocabulary. Candidates are then
 * checked with a true Levenshtein distance.
 *
 * @example
 *   const index = new DeletionIndex(); index.add('blokkeren');
 *   index.near('blokeren') // [{ word: 'blokkeren', edits: 1 }]
 */
export class DeletionIndex {
  private readonly words = new Map<string, number>();
  private readonly byDeletion = new Map<string, string[]>();

  has(word: string): boolean {
    return this.words.has(word);
  }

  add(word: string): void {
    if (word.length < MIN_INDEXED_LENGTH) return;
    const count = this.words.get(word);
    this.words.set(word, (count ?? 0) + 1);
    if (count !== undefined) return;
    for (const key of this.keysOf(word)) {
      const list = this.byDeletion.get(key);
      if (list) list.push(word);
      else this.byDeletion.set(key, [word]);
    }
  }

  remove(word: string): void {
    const count = this.words.get(word);
    if (count === undefined) return;
    if (count > 1) {
      this.words.set(word, count - 1);
      return;
    }
    this.words.delete(word);
    for (const key of this.keysOf(word)) {
      const list = this.byDeletion.get(key) ?? [];
      const kept = list.filter((other) => other !== word);
      if (kept.length === 0) this.byDeletion.delete(key);
      else this.byDeletion.set(key, kept);
    }
  }

  /** Known words within the edits `word`'s length allows, nearest first, then alphabetical. */
  near(word: string): NearWord[] {
    const edits = allowedEdits(word.length);
    if (edits === 0) return [];
    const seen = new Set<string>();
    const found: NearWord[] = [];
    for (const key of deletions(word, edits, new Set([word]))) {
      for (const candidate of this.byDeletion.get(key) ?? []) {
        if (candidate === word || seen.has(candidate)) continue;
        seen.add(candidate);
        const d = distance(word, candidate);
        if (d <= edits) found.push({ word: candidate, edits: d });
      }
    }
    return found.sort((a, b) => a.edits - b.edits || (a.word < b.word ? -1 : 1));
  }

  /** A word is filed under itself and its deletions; short words need only one level. */
  private keysOf(word: string): Set<string> {
    const depth = word.length >= TWO_EDITS_FROM - MAX_EDITS ? MAX_EDITS : 1;
    return deletions(word, depth, new Set([word]));
  }
}
