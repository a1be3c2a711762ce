import type { Hit } from './hit.types.js';
import type { Token } from './normalize-text.js';

const LINK = /(?:https?:\/\/|www\.)[^\s<>"']+|(?<![@\w.-])[a-z0-9-]{2,}\.(?:com|net|org|nl|be|fr|eu|ru|xyz|info|biz|io|ly|top|click|link|app)\b(?:\/[^\s<>"']*)?/gi;
const LONG_RUN = /([\p{L}\p{N}])\1{11,}/u;
const LAUGH = /(?:ha|he|hi|hah|jaja|lol|xd|mdr){6,}/;
const KEYBOARD_MASH = /asdf|qwer|zxcv|hjkl|sdfg|jkjk|fghj|uiop|azer|wxcv/;
const VOWEL = /[aeiouy]/;
const BINARY = /[\u0000-\u0008\u000e-\u001f\ufffd]/g;
/** A child typing "help help help" is not flooding. */
const PLEA = new Set(['help', 'hulp', 'aide', 'alsjeblieft', 'alstublieft', 'please', 'svp', 'pls', 'plz', 'hallo', 'hello', 'allo']);

const OVERSIZED_CHARS = 5_000;
const FLOOD_MIN_TOKENS = 6;
const FLOOD_SHARE = 0.6;

function spamHit(ruleId: string, severity: number, matched: string, start: number, end: number): Hit {
  return { kind: 'spam', severity, ruleId, matched, firstToken: -1, lastToken: -1, start, end, source: 'spam', role: null, negatable: false, guard: null };
}

function linkHits(text: string): Hit[] {
  const links = [...text.slice(0, 20_000).matchAll(LINK)];
  // One link can be a customer sharing a page; several are advertising.
  const severity = links.length >= 2 ? 0.75 : 0.5;
  return links.slice(0, 5).map((link) => spamHit('spam.link', severity, link[0], link.index, link.index + link[0].length));
}

function floodHit(tokens: readonly Token[]): Hit | null {
  if (tokens.length < FLOOD_MIN_TOKENS) return null;
  const counts = new Map<string, number>();
  for (const token of tokens) counts.set(token.norm, (counts.get(token.norm) ?? 0) + 1);
  const [word, count] = [...counts].reduce((top, entry) => (entry[1] > top[1] ? entry : top));
  if (PLEA.has(word) || count / tokens.length < FLOOD_SHARE) return null;
  return spamHit('spam.repeated-word', 0.7, word, tokens[0]?.start ?? 0, tokens[tokens.length - 1]?.end ?? 0);
}

function nonsenseHit(tokens: readonly Token[]): Hit | null {
  const nonsense = tokens.filter((t) => (t.norm.length >= 7 && !VOWEL.test(t.norm) && !/\d/.test(t.norm)) || KEYBOARD_MASH.test(t.norm));
  if (nonsense.length === 0 || nonsense.length / tokens.length < 0.5) return null;
  const first = nonsense[0];
  return first ? spamHit('spam.nonsense', 0.65, first.text, first.start, first.end) : null;
}

function repetitionHit(text: string): Hit | null {
  const sample = text.slice(0, 20_000);
  const run = LONG_RUN.exec(sample);
  if (run) return spamHit('spam.repeated-character', 0.6, run[0].slice(0, 40), run.index, run.index + run[0].length);
  const laugh = LAUGH.exec(sample.toLowerCase());
  if (!laugh) return null;
  // Conversations on a youth line often open with giggles: only a long burst is flooding.
  return spamHit('spam.laughter', laugh[0].length >= 40 ? 0.6 : 0.3, laugh[0].slice(0, 40), laugh.index, laugh.index + laugh[0].length);
}

function shapeHit(text: string): Hit | null {
  if (text.length > OVERSIZED_CHARS) return spamHit('spam.oversized', 0.6, `${text.length} characters`, 0, text.length);
  const binary = text.match(BINARY)?.length ?? 0;
  if (text.length > 0 && binary / text.length > 0.05) return spamHit('spam.binary', 0.7, `${binary} control characters`, 0, text.length);
  return null;
}

/** Links, flooding, keyboard mashing, endless repeats, oversized and binary input. */
export function detectSpam(text: string, tokens: readonly Token[]): Hit[] {
  const hits = linkHits(text);
  for (const hit of [floodHit(tokens), nonsenseHit(tokens), repetitionHit(text), shapeHit(text)]) if (hit) hits.push(hit);
  return hits;
}
