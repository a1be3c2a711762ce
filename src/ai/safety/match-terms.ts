import type { Hit } from './hit.types.js';
import type { CompiledLexicon, CompiledTerm } from './lexicons/compiled-lexicon.js';
import type { Token } from './normalize-text.js';
import type { Evidence, Language } from './safety.types.js';

const LOOSE_MIN_LENGTH = 4;
const SPACED_MAX_TERM = 15;
const COMPOUND_MIN_REST = 3;

interface TermMatch {
  term: CompiledTerm;
  obfuscation?: Evidence['obfuscation'];
  severity: number;
}

function applies(term: CompiledTerm, language: Language | null): boolean {
  return !term.languageOnly || term.language === language;
}

function best(terms: readonly CompiledTerm[] | undefined, language: Language | null, minLength = 0): CompiledTerm | null {
  let found: CompiledTerm | null = null;
  for (const term of terms ?? []) {
    if (!applies(term, language) || (term.words[0]?.length ?? 0) < minLength) continue;
    if (!found || term.severity > found.severity) found = term;
  }
  return found;
}

function exactMatch(token: Token, lexicon: CompiledLexicon, language: Language | null): TermMatch | null {
  const plain = best(lexicon.single.get(token.norm), language);
  if (plain) return { term: plain, severity: plain.severity, ...(token.obfuscation ? { obfuscation: token.obfuscation } : {}) };
  for (const reading of token.readings) {
    const term = best(lexicon.single.get(reading.form), language, reading.loose ? LOOSE_MIN_LENGTH : 0);
    if (term) return { term, severity: term.severity, obfuscation: reading.via === 'repeat' ? 'repeat' : 'leet' };
  }
  return null;
}

/** Letters typed apart ("f u c k y o u") may hold a word inside a longer run: search every slice. */
function spacedMatch(token: Token, lexicon: CompiledLexicon, language: Language | null): TermMatch | null {
  const text = token.norm;
  for (let length = Math.min(text.length, SPACED_MAX_TERM); length >= 3; length -= 1) {
    for (let at = 0; at + length <= text.length; at += 1) {
      const term = best(lexicon.single.get(text.slice(at, at + length)), language);
      if (term) return { term, severity: term.severity, obfuscation: 'spaced' };
    }
  }
  return null;
}

/** "kankerbedrijf", "motherfucker"; not "Kuttekoven" (doubled letter) nor "kankeronderzoek" (allow-list). */
function compoundMatch(token: Token, lexicon: CompiledLexicon, language: Language | null): TermMatch | null {
  const word = token.norm;
  if (lexicon.compoundAllowlist.some((innocent) => word.startsWith(innocent))) return null;
  for (const term of lexicon.prefixes.get(word.slice(0, 3)) ?? []) {
    const head = term.words[0] ?? '';
    const rest = word.length - head.length;
    if (applies(term, language) && rest >= COMPOUND_MIN_REST && word.startsWith(head) && word[head.length] !== head[head.length - 1]) {
      return { term, severity: term.severity, obfuscation: 'compound' };
    }
  }
  for (const term of lexicon.suffixes) {
    const tail = term.words[0] ?? '';
    const at = word.indexOf(tail, COMPOUND_MIN_REST);
    const ending = at < 0 ? '' : word.slice(at + tail.length);
    if (applies(term, language) && at >= COMPOUND_MIN_REST && ['', 's', 'er', 'ers', 'ing', 'ed'].includes(ending)) {
      return { term, severity: term.severity, obfuscation: 'compound' };
    }
  }
  return null;
}

function matchToken(token: Token, lexicon: CompiledLexicon, language: Language | null): TermMatch | null {
  return (
    exactMatch(token, lexicon, language) ??
    (token.obfuscation === 'spaced' ? spacedMatch(token, lexicon, language) : null) ??
    compoundMatch(token, lexicon, language)
  );
}

function phraseLength(tokens: readonly Token[], at: number, words: readonly string[]): boolean {
  return words.every((word, offset) => tokens[at + offset]?.norm === word);
}

function toHit(match: TermMatch, tokens: readonly Token[], first: number, last: number): Hit {
  const { term } = match;
  return {
    kind: term.category,
    severity: match.severity,
    ruleId: term.ruleId,
    matched: term.form,
    firstToken: first,
    lastToken: last,
    start: tokens[first]?.start ?? 0,
    end: tokens[last]?.end ?? 0,
    source: 'term',
    role: term.role,
    negatable: term.role === 'insult',
    guard: term.guard,
    ...(match.obfuscation ? { obfuscation: match.obfuscation } : {}),
  };
}

function matchPhrases(tokens: readonly Token[], lexicon: CompiledLexicon, language: Language | null, covered: boolean[]): Hit[] {
  const hits: Hit[] = [];
  tokens.forEach((token, at) => {
    const terms = lexicon.phrases.get(token.norm);
    if (!terms || covered[at]) return;
    const term = best(terms.filter((t) => phraseLength(tokens, at, t.words)), language);
    if (!term) return;
    const last = at + term.words.length - 1;
    for (let i = at; i <= last; i += 1) covered[i] = true;
    hits.push(toHit({ term, severity: term.severity }, tokens, at, last));
  });
  return hits;
}

function matchSymbols(text: string, tokens: readonly Token[], lexicon: CompiledLexicon): Hit[] {
  return lexicon.symbols.flatMap((term) => {
    const at = text.indexOf(term.form);
    if (at < 0) return [];
    const index = Math.max(0, tokens.findIndex((t) => t.start >= at));
    const hit = toHit({ term, severity: term.severity }, tokens, index, index);
    return [{ ...hit, start: at, end: at + term.form.length }];
  });
}

/** Every lexicon word in the message: phrases first, so "flikker op" is not also the slur "flikker". */
export function matchTerms(text: string, tokens: readonly Token[], lexicon: CompiledLexicon, language: Language | null): Hit[] {
  const covered: boolean[] = new Array<boolean>(tokens.length).fill(false);
  const hits = matchPhrases(tokens, lexicon, language, covered);
  tokens.forEach((token, at) => {
    if (covered[at]) return;
    const match = matchToken(token, lexicon, language);
    if (match) hits.push(toHit(match, tokens, at, at));
  });
  return [...hits, ...matchSymbols(text, tokens, lexicon)];
}
