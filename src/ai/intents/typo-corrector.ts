import { distance } from 'fastest-levenshtein';
import { surfaceForm } from './extract-terms.js';

const MIN_LENGTH = 4;

/** Edits allowed for a word of this length: one for short words, two from eight letters. */
function allowedEdits(length: number): number {
  return length >= 8 ? 2 : 1;
}

/**
 * Maps a word the training data never saw to the nearest word it did ("recieve" → "receive"),
 * so word features still fire on customer typos. Words it knows, short words and numbers pass unchanged.
 *
 * @example new TypoCorrector(['receive']).correct('recieve') // 'receive'
 */
export class TypoCorrector {
  private readonly known: Set<string>;
  private readonly byLength = new Map<number, string[]>();
  private readonly memo = new Map<string, string>();

  constructor(knownWords: Iterable<string>) {
    this.known = new Set(knownWords);
    for (const word of this.known) {
      const group = this.byLength.get(word.length) ?? [];
      group.push(word);
      this.byLength.set(word.length, group);
    }
  }

  get words(): string[] {
    return [...this.known];
  }

  correct(word: string): string {
    const surface = surfaceForm(word);
    if (surface.length < MIN_LENGTH || this.known.has(surface)) return word;
    const remembered = this.memo.get(surface);
    if (remembered !== undefined) return remembered;
    const corrected = this.nearest(surface) ?? word;
    if (this.memo.size < 50_000) this.memo.set(surface, corrected);
    return corrected;
  }

  private nearest(surface: string): string | undefined {
    const edits = allowedEdits(surface.length);
    let best: string | undefined;
    let bestDistance = edits + 1;
    for (let length = surface.length - edits; length <= surface.length + edits; length++) {
      for (const candidate of this.byLength.get(length) ?? []) {
        const d = distance(surface, candidate);
        if (d < bestDistance) {
          bestDistance = d;
          best = candidate;
        }
      }
    }
    return best;
  }
}
