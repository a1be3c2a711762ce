import { foldAccents } from '../text/index.js';

/** A candidate reading of a token besides its plain form, e.g. "kuuuut" read as "kut". */
export interface TokenReading {
  form: string;
  via: 'repeat' | 'wildcard';
  /** Collapsing a double letter ("lull" → "lul") is a guess: only trusted for longer terms. */
  loose: boolean;
}

export interface Token {
  /** As written, for evidence. */
  text: string;
  /** Lower case, accents folded, leetspeak undone, wildcards dropped. */
  norm: string;
  readings: readonly TokenReading[];
  start: number;
  end: number;
  sentence: number;
  clause: number;
  quoted: boolean;
  sentenceInitial: boolean;
  /** Starts with a capital but is not shouted: a proper name candidate ("Dick", "Mertens"). */
  capitalized: boolean;
  obfuscation?: 'leet' | 'spaced';
}

/** Longer messages are flooding anyway; scanning megabytes would stall the line for everyone. */
export const MAX_ANALYSED_CHARS = 20_000;

const WORD = /[\p{L}\p{M}\p{N}@$€*|!]+/gu;
const LEET: Readonly<Record<string, string>> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '@': 'a', $: 's', '€': 'e', '!': 'i', '|': 'i' };
const LEET_CHARS = /[0134578@$€!|]/;
const HAS_LETTER = /[a-z]/;
const NON_ASCII = /[^\x00-\x7f]/;
const EDGE_NOISE = /^[!*|]+|[!*|]+$/g;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

function fold(raw: string): string {
  return NON_ASCII.test(raw) ? foldAccents(raw) : raw.toLowerCase();
}

function undoLeet(word: string): string {
  if (!LEET_CHARS.test(word) || !HAS_LETTER.test(word)) return word;
  let out = '';
  for (const char of word) out += LEET[char] ?? char;
  return out;
}

function readingsOf(norm: string, withStars: string): TokenReading[] {
  const readings: TokenReading[] = [];
  const stars = withStars.split('*').length - 1;
  if (stars === 1 && withStars.length > 2) {
    for (const letter of LETTERS) readings.push({ form: withStars.replace('*', letter), via: 'wildcard', loose: false });
  }
  if (/(.)\1\1/.test(norm)) {
    // "gggodverdomme" → "godverdomme", "klooootzak" → "klootzak", "fuuuuck" → "fuck".
    readings.push({ form: norm.replace(/(.)\1{2,}/g, '$1'), via: 'repeat', loose: false });
    readings.push({ form: norm.replace(/(.)\1{2,}/g, '$1$1'), via: 'repeat', loose: false });
    readings.push({ form: norm.replace(/(.)\1+/g, '$1'), via: 'repeat', loose: false });
  } else if (/(.)\1/.test(norm)) {
    readings.push({ form: norm.replace(/(.)\1+/g, '$1'), via: 'repeat', loose: true });
  }
  return readings;
}

interface ScanState {
  sentence: number;
  clause: number;
  quote: string | null;
  newSentence: boolean;
}

const OPENING_QUOTES = '"“„«‘\'';
/** Dutch typography closes „ with “ or ”: any closing mark ends the quotation. */
const CLOSING_QUOTES = '"”“»’\'';

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{N}]/u.test(char);
}

/**
 * A quotation mark only opens a quotation when a closing one follows on the same line:
 * an apostrophe ("'s avonds", "l'agent") or a stray mark must not silence the rest of the message.
 */
function opensQuotation(text: string, at: number): boolean {
  const char = text[at];
  if (char === "'" && (!/\s/.test(text[at - 1] ?? ' ') || /^'[skntm]\b/i.test(text.slice(at, at + 3)))) return false;
  const limit = Math.min(text.length, at + 300);
  for (let i = at + 2; i < limit; i += 1) {
    const next = text[i] ?? '';
    if (next === '\n') return false;
    if (CLOSING_QUOTES.includes(next) && !isWordChar(text[i + 1]) && !/\s/.test(text[i - 1] ?? " ")) return true;
  }
  return false;
}

/** Reads the punctuation between two words: sentence and clause breaks, quotation marks. */
function scanGap(text: string, from: number, to: number, state: ScanState): void {
  for (let i = from; i < to; i += 1) {
    const char = text[i] ?? '';
    if (char === '.' || char === '!' || char === '?' || char === '\n') {
      state.sentence += 1;
      state.clause += 1;
      state.newSentence = true;
    } else if (char === ',' || char === ';' || char === ':' || char === '(' || char === ')') {
      state.clause += 1;
    } else if (state.quote !== null && CLOSING_QUOTES.includes(char)) {
      const apostrophe = (char === "'" || char === '’') && isWordChar(text[i - 1]) && isWordChar(text[i + 1]);
      if (!apostrophe) state.quote = null;
    } else if (state.quote === null && OPENING_QUOTES.includes(char) && opensQuotation(text, i)) {
      state.quote = char;
    }
  }
}

function makeToken(text: string, start: number, end: number, state: ScanState): Token | null {
  const raw = text.slice(start, end);
  const trimmed = raw.replace(EDGE_NOISE, '');
  if (trimmed === '') return null;
  const offset = raw.indexOf(trimmed);
  const folded = fold(trimmed);
  const withStars = undoLeet(folded);
  const norm = withStars.replace(/\*/g, '');
  if (norm === '') return null;
  const first = trimmed[0] ?? '';
  const token: Token = {
    text: trimmed,
    norm,
    readings: readingsOf(norm, withStars),
    start: start + offset,
    end: start + offset + trimmed.length,
    sentence: state.sentence,
    clause: state.clause,
    quoted: state.quote !== null,
    sentenceInitial: state.newSentence,
    capitalized: first !== first.toLowerCase() && trimmed !== trimmed.toUpperCase(),
  };
  if (withStars !== folded) token.obfuscation = 'leet';
  state.newSentence = false;
  return token;
}

const SPACER = /^[\s.\-_*·/]{1,3}$/;

/** "k a n k e r", "f.u.c.k": three or more single letters with small gaps become one word. */
function joinSpacedLetters(text: string, tokens: Token[]): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < tokens.length) {
    let j = i;
    while (j < tokens.length && tokens[j]?.norm.length === 1 && (j === i || SPACER.test(text.slice(tokens[j - 1]?.end ?? 0, tokens[j]?.start ?? 0)))) j += 1;
    const first = tokens[i];
    const last = tokens[j - 1];
    if (j - i >= 3 && first && last) {
      const norm = tokens.slice(i, j).map((t) => t.norm).join('');
      out.push({ ...first, text: text.slice(first.start, last.end), norm, readings: readingsOf(norm, norm), end: last.end, obfuscation: 'spaced' });
      i = j;
    } else {
      if (first) out.push(first);
      i += 1;
    }
  }
  return out;
}

/**
 * Splits a message into words with their offsets, sentence and clause numbers and whether they
 * sit inside quotation marks; the context rules read those, the matchers read `norm`.
 *
 * @example tokenize('K4nker!')[0]?.norm // 'kanker'
 */
export function tokenize(input: string): Token[] {
  const text = input.length > MAX_ANALYSED_CHARS ? input.slice(0, MAX_ANALYSED_CHARS) : input;
  const state: ScanState = { sentence: 0, clause: 0, quote: null, newSentence: true };
  const tokens: Token[] = [];
  let previousEnd = 0;
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    scanGap(text, previousEnd, start, state);
    const token = makeToken(text, start, start + match[0].length, state);
    if (token) {
      scanGap(text, token.end, start + match[0].length, state);
      tokens.push(token);
    }
    previousEnd = start + match[0].length;
  }
  return joinSpacedLetters(text, tokens);
}

/** The tokens as one string for the phrase patterns, with where each token starts in it. */
export interface TokenString {
  text: string;
  offsets: number[];
}

export function toTokenString(tokens: readonly Token[]): TokenString {
  const offsets: number[] = [];
  let text = '';
  for (const token of tokens) {
    if (text !== '') text += ' ';
    offsets.push(text.length);
    text += token.norm;
  }
  return { text, offsets };
}

/** Index of the token that covers position `at` of the token string. */
export function tokenAt(offsets: readonly number[], at: number): number {
  let low = 0;
  let high = offsets.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((offsets[mid] ?? 0) <= at) low = mid;
    else high = mid - 1;
  }
  return low;
}
