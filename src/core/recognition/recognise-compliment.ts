import { NEGATIVE_PHRASES, NEGATORS, POSITIVE_PHRASES } from './compliment-rules.js';

export interface ComplimentReading {
  positive: boolean;
  /** The positive phrase that matched, or the negative one that vetoed it. */
  evidence?: string;
  negatedBy?: string;
}

/** Lower case, accents and apostrophes folded, punctuation as spaces, single spaces, padded. */
export function foldText(text: string): string {
  const folded = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`´]/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  return ` ${folded} `;
}

const ALL_POSITIVE = Object.values(POSITIVE_PHRASES).flat().map(foldText);
const ALL_NEGATIVE = Object.values(NEGATIVE_PHRASES).flat().map(foldText);
const NEGATOR_SET = new Set(NEGATORS);

/**
 * Whether a comment reads as thanks or praise in Dutch, French or English. Any negative phrase
 * vetoes it; a positive phrase directly after a negator ("niet", "not", "pas") does not count.
 *
 * @example readsAsCompliment('Super geholpen, bedankt!').positive // true
 * @example readsAsCompliment('Niet bedankt.').positive            // false
 */
export function readsAsCompliment(comment: string | null | undefined): ComplimentReading {
  if (!comment) return { positive: false };
  const text = foldText(comment);
  const veto = ALL_NEGATIVE.find((phrase) => text.includes(phrase));
  if (veto) return { positive: false, negatedBy: veto.trim() };
  for (const phrase of ALL_POSITIVE) {
    let at = text.indexOf(phrase);
    while (at >= 0) {
      const before = text.slice(0, at).trim().split(' ').slice(-2);
      const negator = before.find((w) => NEGATOR_SET.has(w));
      if (!negator) return { positive: true, evidence: phrase.trim() };
      at = text.indexOf(phrase, at + 1);
    }
  }
  return { positive: false };
}

/** A survey becomes a compliment for the agent when the comment reads as praise and NPS ≥ 9. */
export function surveyBecomesCompliment(survey: { nps?: number | null; comment?: string | null }): boolean {
  return typeof survey.nps === 'number' && survey.nps >= 9 && readsAsCompliment(survey.comment).positive;
}
