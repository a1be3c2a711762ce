import type { AnonymiseOptions, AnonymiseResult, PiiKind, Replacement } from './anonymiser.types.js';
import type { Candidate } from './candidate.js';
import { detectAddresses } from './detect-addresses.js';
import { detectEmails, detectIps, detectPhones } from './detect-contacts.js';
import { detectBelgianNationalNumbers, detectBsns, detectCards, detectIbans } from './detect-identifiers.js';
import { detectNames } from './detect-names.js';
import { PLACEHOLDER_PATTERN, PLACEHOLDERS } from './placeholders.js';

/**
 * When two findings overlap, the earlier kind here wins: checksummed identifiers are the surest,
 * names the least sure (a name inside an e-mail address is part of the address).
 */
const PRIORITY: readonly PiiKind[] = ['email', 'iban', 'card', 'national_id', 'bsn', 'ip', 'phone', 'address', 'name'];

const DETECTORS: ReadonlyArray<(text: string) => Candidate[]> = [
  detectEmails,
  detectIbans,
  detectCards,
  detectBelgianNationalNumbers,
  detectBsns,
  detectIps,
  detectPhones,
  detectAddresses,
];

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Keeps the highest-priority, then longest, candidates that overlap neither each other nor an earlier placeholder. */
function settle(candidates: readonly Candidate[], protectedSpans: readonly { start: number; end: number }[]): Replacement[] {
  const ranked = [...candidates].sort(
    (a, b) => PRIORITY.indexOf(a.kind) - PRIORITY.indexOf(b.kind) || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: Replacement[] = [];
  for (const candidate of ranked) {
    if (candidate.end <= candidate.start) continue;
    if (protectedSpans.some((span) => overlaps(span, candidate)) || kept.some((other) => overlaps(other, candidate))) continue;
    kept.push({ kind: candidate.kind, start: candidate.start, end: candidate.end });
  }
  return kept.sort((a, b) => a.start - b.start);
}

function protectedSpansOf(text: string): Array<{ start: number; end: number }> {
  return [...text.matchAll(PLACEHOLDER_PATTERN)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
}

function applyReplacements(text: string, replacements: readonly Replacement[], placeholders: Readonly<Record<PiiKind, string>>): string {
  let output = '';
  let cursor = 0;
  for (const replacement of replacements) {
    output += text.slice(cursor, replacement.start) + placeholders[replacement.kind];
    cursor = replacement.end;
  }
  return output + text.slice(cursor);
}

/** Maps an offset in the text after `replacements` back to the text before them (the offset lies outside every replacement). */
function toInputOffset(offset: number, replacements: readonly Replacement[], placeholders: Readonly<Record<PiiKind, string>>): number {
  let shift = 0;
  for (const replacement of replacements) {
    const outputStart = replacement.start + shift;
    if (outputStart >= offset) break;
    shift += placeholders[replacement.kind].length - (replacement.end - replacement.start);
  }
  return offset - shift;
}

/**
 * Replaces personal data by placeholders in the language of the line: names, phone numbers,
 * e-mail addresses, IBANs (mod 97), card numbers (Luhn), Belgian national register numbers
 * (mod 97), Dutch BSNs (11-proof), street addresses and IP addresses. Numbers that fail their
 * checksum stay, so amounts, dates and order numbers remain readable. Offsets refer to the input.
 * Names are looked for last, in the text with the numbers already replaced: whether "Jan" is a
 * month ("12 Jan") depends on its neighbours, and those must read the same on a second pass.
 *
 * @example
 *   anonymise('Ik ben Jan Peeters, BE68 5390 0754 7034', { language: 'nl' }).text
 *   // 'Ik ben [NAAM], [IBAN]'
 */
export function anonymise(text: string, options: AnonymiseOptions = {}): AnonymiseResult {
  const placeholders = PLACEHOLDERS[options.language ?? 'en'];
  const patterns = settle(DETECTORS.flatMap((detect) => detect(text)), protectedSpansOf(text));
  const masked = applyReplacements(text, patterns, placeholders);
  const names = settle(detectNames(masked), protectedSpansOf(masked));
  const nameReplacements = names.map((name) => ({
    kind: name.kind,
    start: toInputOffset(name.start, patterns, placeholders),
    end: toInputOffset(name.end, patterns, placeholders),
  }));
  return { text: applyReplacements(masked, names, placeholders), replacements: [...patterns, ...nameReplacements].sort((a, b) => a.start - b.start) };
}
