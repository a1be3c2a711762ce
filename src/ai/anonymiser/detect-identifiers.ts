import { matchCandidates, type Candidate } from './candidate.js';
import { isValidBelgianNationalNumber, isValidBsn, isValidCard, isValidIban } from './checksums.js';

/** Country code, check digits, then groups; the groups may run into a following word, so shorter prefixes are tried too. */
const IBAN_CANDIDATE = /\b[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]{1,4}){3,8}\b/g;
const CARD_CANDIDATE = /(?<![\d.,])\d(?:[ -]?\d){12,}(?!\d|[.,]\d)/g;
const NATIONAL_NUMBER_CANDIDATE = /(?<![\d.,])\d{2}\.?\d{2}\.?\d{2}[-. ]?\d{3}\.?\d{2}(?!\d|[.,]\d)/g;
const BSN_CANDIDATE = /(?<![\d.,])(?:\d{9}|\d{4}\.\d{2}\.\d{3}|\d{3}\.\d{3}\.\d{3})(?!\d|[.,]\d)/g;
const DIGIT_GROUP = /\d+/g;

interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * IBANs whose mod-97 check holds; the longest valid prefix of each candidate wins, and the search
 * goes on right after it (a candidate may have swallowed the start of the next IBAN).
 */
export function detectIbans(text: string): Candidate[] {
  const found: Candidate[] = [];
  const pattern = new RegExp(IBAN_CANDIDATE.source, 'g');
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const parts = match[0].split(' ');
    pattern.lastIndex = match.index + 1;
    for (let count = parts.length; count >= 1; count--) {
      const prefix = parts.slice(0, count).join(' ');
      if (!isValidIban(prefix)) continue;
      found.push({ kind: 'iban', start: match.index, end: match.index + prefix.length });
      pattern.lastIndex = match.index + prefix.length;
      break;
    }
  }
  return found;
}

/** How cards are written: one block of digits, groups of four (the last may be shorter), or 4-6-5 (American Express). */
function looksLikeCardGrouping(lengths: readonly number[]): boolean {
  if (lengths.length === 1) return true;
  if (lengths.join('-') === '4-6-5') return true;
  return lengths.slice(0, -1).every((length) => length === 4) && (lengths.at(-1) ?? 0) <= 4;
}

/**
 * Every run of whole digit groups that passes Luhn and is grouped like a card. All are proposed, not only the longest:
 * when a run overlaps an IBAN, the settling step drops it and a shorter run can still win.
 */
function validCardRuns(match: string, groups: readonly Span[], offset: number): Candidate[] {
  const runs: Candidate[] = [];
  for (let first = 0; first < groups.length; first++) {
    for (let last = first; last < groups.length; last++) {
      const start = groups[first]?.start ?? 0;
      const end = groups[last]?.end ?? 0;
      const lengths = groups.slice(first, last + 1).map((group) => group.end - group.start);
      if (looksLikeCardGrouping(lengths) && isValidCard(match.slice(start, end))) runs.push({ kind: 'card', start: offset + start, end: offset + end });
    }
  }
  return runs;
}

export function detectCards(text: string): Candidate[] {
  return [...text.matchAll(CARD_CANDIDATE)].flatMap((match) => {
    const groups = [...match[0].matchAll(DIGIT_GROUP)].map((group) => ({ start: group.index, end: group.index + group[0].length }));
    return validCardRuns(match[0], groups, match.index);
  });
}

export function detectBelgianNationalNumbers(text: string): Candidate[] {
  return matchCandidates(text, NATIONAL_NUMBER_CANDIDATE, 'national_id', isValidBelgianNationalNumber);
}

export function detectBsns(text: string): Candidate[] {
  return matchCandidates(text, BSN_CANDIDATE, 'bsn', isValidBsn);
}
