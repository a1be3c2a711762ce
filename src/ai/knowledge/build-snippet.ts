import { foldAccents, stemWord, type Language } from '../text/index.js';
import type { Highlight } from './knowledge.types.js';

/** Words with their offsets; the same letters-and-digits split as the tokeniser's. */
const WORD_SPAN = /[\p{L}\p{N}]+/gu;
const ELLIPSIS = '…';

export interface SnippetOptions {
  /** Words in the window. */
  readonly words: number;
  /** Words shown before the first match, so it reads as a sentence and not a cut. */
  readonly lead: number;
}

export const DEFAULT_SNIPPET_OPTIONS: SnippetOptions = { words: 28, lead: 5 };

/** Snippets re-read whole bodies on every search; the same few thousand words come back. */
const termCache = new Map<string, string>();
const TERM_CACHE_LIMIT = 100_000;

function termOf(word: string, language: Language): string {
  const key = `${language}:${word}`;
  let term = termCache.get(key);
  if (term === undefined) {
    term = foldAccents(stemWord(word.toLowerCase(), language));
    if (termCache.size >= TERM_CACHE_LIMIT) termCache.clear();
    termCache.set(key, term);
  }
  return term;
}

interface Span {
  readonly start: number;
  readonly end: number;
  /** Index term of the word, or null when it matched no query term. */
  readonly match: string | null;
}

function spansOf(text: string, language: Language, terms: ReadonlySet<string>): Span[] {
  const spans: Span[] = [];
  for (const found of text.matchAll(WORD_SPAN)) {
    const start = found.index;
    const word = found[0];
    const term = termOf(word, language);
    spans.push({ start, end: start + word.length, match: terms.has(term) ? term : null });
  }
  return spans;
}

/** The window start whose words cover the most distinct matched terms; the earliest on a tie. */
function bestWindowStart(spans: readonly Span[], options: SnippetOptions): number {
  let bestStart = 0;
  let bestCover = 0;
  spans.forEach((span, index) => {
    if (span.match === null) return;
    const start = Math.max(0, index - options.lead);
    const covered = new Set<string>();
    for (let at = start; at < Math.min(spans.length, start + options.words); at++) {
      const match = spans[at]?.match;
      if (match) covered.add(match);
    }
    if (covered.size > bestCover) {
      bestCover = covered.size;
      bestStart = start;
    }
  });
  return bestStart;
}

/** Offsets of the words in `text` whose index term is one of `terms`. */
export function highlightWords(text: string, language: Language, terms: ReadonlySet<string>, field: Highlight['field']): Highlight[] {
  return spansOf(text, language, terms)
    .filter((span) => span.match !== null)
    .map((span) => ({ field, start: span.start, end: span.end }));
}

/**
 * A short plain-text window of the body around its best cluster of matched words, with the
 * offsets of those words inside the returned snippet.
 *
 * @example buildSnippet('… Blokkeer uw kaart in de app …', 'nl', new Set(['kaart'])).snippet
 */
export function buildSnippet(
  body: string,
  language: Language,
  terms: ReadonlySet<string>,
  options: SnippetOptions = DEFAULT_SNIPPET_OPTIONS,
): { snippet: string; highlights: Highlight[] } {
  const spans = spansOf(body, language, terms);
  if (spans.length === 0) return { snippet: '', highlights: [] };
  const first = bestWindowStart(spans, options);
  const last = Math.min(spans.length, first + options.words) - 1;
  const from = first === 0 ? 0 : (spans[first] as Span).start;
  const to = last === spans.length - 1 ? body.length : (spans[last] as Span).end;
  const prefix = from > 0 ? `${ELLIPSIS} ` : '';
  const snippet = `${prefix}${body.slice(from, to)}${to < body.length ? ` ${ELLIPSIS}` : ''}`;
  const shift = prefix.length - from;
  const highlights = spans
    .slice(first, last + 1)
    .filter((span) => span.match !== null)
    .map((span) => ({ field: 'snippet' as const, start: span.start + shift, end: span.end + shift }));
  return { snippet, highlights };
}
