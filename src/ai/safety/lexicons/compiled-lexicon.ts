import { foldAccents } from '../../text/index.js';
import type { AbuseCategory, Language } from '../safety.types.js';
import { loadBaseWords } from './base-lists.js';
import { EN_LEXICON } from './en.lexicon.js';
import { FR_LEXICON } from './fr.lexicon.js';
import type { CompoundSide, ContextMarkers, LanguageLexicon, PatternRule, TermGuard, TermRole } from './lexicon.types.js';
import { NL_LEXICON } from './nl.lexicon.js';

export interface CompiledTerm {
  ruleId: string;
  /** The lexicon form that matched (a variant keeps its own form). */
  form: string;
  words: readonly string[];
  language: Language;
  category: AbuseCategory;
  severity: number;
  role: TermRole;
  compound: CompoundSide | null;
  guard: TermGuard | null;
  languageOnly: boolean;
}

export interface CompiledLexicon {
  /** One-word forms. */
  single: ReadonlyMap<string, readonly CompiledTerm[]>;
  /** Multi-word forms, keyed by their first word. */
  phrases: ReadonlyMap<string, readonly CompiledTerm[]>;
  /** Compound heads keyed by their first three letters. */
  prefixes: ReadonlyMap<string, readonly CompiledTerm[]>;
  suffixes: readonly CompiledTerm[];
  /** Forms without letters (the middle-finger emoji) are found by plain search. */
  symbols: readonly CompiledTerm[];
  /** Beginnings of innocent words that a compound rule would otherwise catch. */
  compoundAllowlist: readonly string[];
  patterns: readonly PatternRule[];
  markers: Readonly<Record<Language, ContextMarkers>>;
  stopwords: Readonly<Record<Language, ReadonlySet<string>>>;
  negators: ReadonlySet<string>;
}

export const LEXICONS: readonly LanguageLexicon[] = [NL_LEXICON, FR_LEXICON, EN_LEXICON];

/** Same normal form as the tokenizer: folded, apostrophes and hyphens as word breaks. */
export function termWords(text: string): string[] {
  return foldAccents(text)
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

function slug(text: string): string {
  return termWords(text).join('-') || 'symbol';
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function curatedTerms(lexicon: LanguageLexicon): CompiledTerm[] {
  return lexicon.terms.flatMap((term) =>
    [term.term, ...(term.variants ?? [])].map((form, index) => ({
      ruleId: `${lexicon.language}.term.${slug(term.term)}`,
      form,
      words: termWords(form),
      language: lexicon.language,
      category: term.category,
      severity: term.severity,
      role: term.role,
      // Variants are often short abbreviations ("fuk", "kkr"): glued onto a word they would catch "fukushima".
      compound: index === 0 ? (term.compound ?? null) : null,
      guard: term.guard ?? null,
      languageOnly: term.languageOnly ?? false,
    })),
  );
}

/** Base-list words the lexicon neither excludes nor curates, with the lexicon's default reading. */
function baseTerms(lexicon: LanguageLexicon, curated: readonly CompiledTerm[]): CompiledTerm[] {
  const known = new Set(curated.map((term) => term.words.join(' ')));
  const excluded = new Set(lexicon.baseExclusions.map((word) => termWords(word).join(' ')));
  const seen = new Set<string>();
  const out: CompiledTerm[] = [];
  for (const word of loadBaseWords(lexicon.language)) {
    const key = termWords(word).join(' ');
    if (known.has(key) || excluded.has(key) || seen.has(key === '' ? word : key)) continue;
    seen.add(key === '' ? word : key);
    out.push({ ruleId: `${lexicon.language}.base.${slug(word)}`, form: word, words: termWords(word), language: lexicon.language, ...lexicon.baseDefault, compound: null, guard: null, languageOnly: false });
  }
  return out;
}

interface LexiconIndex {
  single: Map<string, CompiledTerm[]>;
  phrases: Map<string, CompiledTerm[]>;
  prefixes: Map<string, CompiledTerm[]>;
  suffixes: CompiledTerm[];
  symbols: CompiledTerm[];
}

function indexTerms(terms: readonly CompiledTerm[], { single, phrases, prefixes, suffixes, symbols }: LexiconIndex): void {
  for (const term of terms) {
    const [first, ...rest] = term.words;
    if (first === undefined) {
      symbols.push(term);
      continue;
    }
    if (rest.length > 0) {
      push(phrases, first, term);
      continue;
    }
    push(single, first, term);
    if ((term.compound === 'prefix' || term.compound === 'both') && first.length >= 3) push(prefixes, first.slice(0, 3), term);
    if ((term.compound === 'suffix' || term.compound === 'both') && first.length >= 3) suffixes.push(term);
  }
}

function compile(): CompiledLexicon {
  const lexicon: LexiconIndex = { single: new Map(), phrases: new Map(), prefixes: new Map(), suffixes: [], symbols: [] };
  for (const language of LEXICONS) {
    const curated = curatedTerms(language);
    indexTerms([...curated, ...baseTerms(language, curated)], lexicon);
  }
  return {
    ...lexicon,
    compoundAllowlist: LEXICONS.flatMap((l) => l.compoundAllowlist.map((word) => termWords(word).join(''))),
    patterns: LEXICONS.flatMap((l) => l.patterns),
    markers: { nl: NL_LEXICON.markers, fr: FR_LEXICON.markers, en: EN_LEXICON.markers },
    stopwords: { nl: new Set(NL_LEXICON.stopwords), fr: new Set(FR_LEXICON.stopwords), en: new Set(EN_LEXICON.stopwords) },
    negators: new Set(LEXICONS.flatMap((l) => l.markers.negators)),
  };
}

let compiled: CompiledLexicon | null = null;

/** Built once, on first use: about a thousand forms, a few milliseconds. */
export function compiledLexicon(): CompiledLexicon {
  compiled ??= compile();
  return compiled;
}
