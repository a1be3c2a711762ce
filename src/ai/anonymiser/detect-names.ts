import { foldAccents } from '../text/index.js';
import type { Candidate } from './candidate.js';
import { GIVEN_NAMES, NOT_SURNAME_WORDS } from './given-names.js';

interface Word {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const WORD = /[\p{L}][\p{L}'’-]*\.?/gu;
const CAPITALISED = /^\p{Lu}\p{Ll}/u;
/** Surname particles, lower-case or capitalised as Flemish and French names write them (De Smet, Le Goff). */
const PARTICLES = new Set(['van', 'de', 'der', 'den', 'ter', 'ten', 'te', "'t", 'le', 'la', 'du', 'des', "d'", 'von', 'di', 'da', 'del', 'dos']);
/** Words after which a capitalised word is a surname even without a known first name. */
const TITLES = new Set(['meneer', 'mevrouw', 'mevr', 'mevr.', 'dhr', 'dhr.', 'mw', 'mw.', 'heer', 'monsieur', 'madame', 'mme', 'mme.', 'mlle', 'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'miss', 'dr', 'dr.']);
/** Phrases after which the next capitalised words are a name. */
const INTRODUCTIONS = [/mijn naam is\s$/i, /ik heet\s$/i, /je m['’]appelle\s$/i, /mon nom est\s$/i, /my name is\s$/i, /\bname:\s?$/i, /\bnaam:\s?$/i, /\bnom\s?:\s?$/i];
/** "12 Jan 2024": Jan is a month abbreviation after a day number or before a year. */
const DAY_BEFORE = /(?<!\d)\d{1,2}\.?\s*$/;
const YEAR_AFTER = /^\s*\d{4}(?![\d ]\d)/;

function words(text: string): Word[] {
  return [...text.matchAll(WORD)].map((match) => {
    const raw = match[0].endsWith('.') && !TITLES.has(match[0].toLowerCase()) ? match[0].slice(0, -1) : match[0];
    return { text: raw, start: match.index, end: match.index + raw.length };
  });
}

function isGivenName(word: Word): boolean {
  if (!CAPITALISED.test(word.text)) return false;
  return foldAccents(word.text).split('-').every((part) => GIVEN_NAMES.has(part));
}

function isSurnameWord(word: Word): boolean {
  return CAPITALISED.test(word.text) && !NOT_SURNAME_WORDS.has(foldAccents(word.text));
}

/** Only the space (or an apostrophe particle) may sit between two words of one name. */
function adjacent(text: string, left: Word, right: Word): boolean {
  return /^\s{1,2}$/.test(text.slice(left.end, right.start)) || (left.text.endsWith("'") && left.end === right.start);
}

/** From word `from`, the end index of particles + a surname, or -1. */
function surnameEnd(text: string, list: readonly Word[], from: number): number {
  let index = from;
  while (index < list.length && PARTICLES.has((list[index] as Word).text.toLowerCase()) && adjacent(text, list[index - 1] as Word, list[index] as Word)) index++;
  const candidate = list[index];
  if (!candidate || !adjacent(text, list[index - 1] as Word, candidate) || !isSurnameWord(candidate)) return -1;
  let end = index;
  // Double surnames: "Van Damme Peeters" or hyphen-free compounds written as two capitals.
  while (list[end + 1] && adjacent(text, list[end] as Word, list[end + 1] as Word) && isSurnameWord(list[end + 1] as Word) && !isGivenName(list[end + 1] as Word)) end++;
  return end;
}

/** A name starting at word `index`: given names, then optionally particles and a surname. */
function nameFrom(text: string, list: readonly Word[], index: number, needsGivenName: boolean): Candidate | undefined {
  const first = list[index] as Word;
  let last = index;
  if (isGivenName(first)) {
    if (DAY_BEFORE.test(text.slice(0, first.start)) || YEAR_AFTER.test(text.slice(first.end))) return undefined;
    while (list[last + 1] && adjacent(text, list[last] as Word, list[last + 1] as Word) && isGivenName(list[last + 1] as Word)) last++;
  } else if (needsGivenName) return undefined;
  else last = index - 1;
  const end = list[last + 1] ? surnameEnd(text, list, last + 1) : -1;
  if (end >= 0) last = end;
  if (last < index) return undefined;
  return { kind: 'name', start: first.start, end: (list[last] as Word).end };
}

/** Whether word `index` follows a title or an introduction phrase, so it may start a name without a known first name. */
function triggered(text: string, list: readonly Word[], index: number): boolean {
  const previous = list[index - 1];
  if (previous && TITLES.has(previous.text.toLowerCase()) && adjacent(text, previous, list[index] as Word)) return true;
  const before = text.slice(Math.max(0, (list[index] as Word).start - 20), (list[index] as Word).start);
  return INTRODUCTIONS.some((pattern) => pattern.test(before));
}

/**
 * Person names: a known first name (and what follows: more first names, particles, a capitalised
 * surname), or capitalised words after a title ("mevrouw De Smet") or an introduction ("mijn naam is …").
 */
export function detectNames(text: string): Candidate[] {
  const list = words(text);
  const found: Candidate[] = [];
  for (let index = 0; index < list.length; index++) {
    const isTriggered = triggered(text, list, index);
    const name = isTriggered ? nameFrom(text, list, index, false) ?? nameFromParticles(text, list, index) : nameFrom(text, list, index, true);
    if (!name) continue;
    found.push(name);
    while (index + 1 < list.length && (list[index + 1] as Word).start < name.end) index++;
  }
  return found;
}

/** After a title the surname may start with its particle: "meneer van der Berg". */
function nameFromParticles(text: string, list: readonly Word[], index: number): Candidate | undefined {
  if (!PARTICLES.has((list[index] as Word).text.toLowerCase())) return undefined;
  const end = surnameEnd(text, list, index);
  return end < 0 ? undefined : { kind: 'name', start: (list[index] as Word).start, end: (list[end] as Word).end };
}
