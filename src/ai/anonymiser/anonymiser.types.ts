import type { Language } from '../text/index.js';

/** What was found. Placeholders per kind and language live in `placeholders.ts`. */
export type PiiKind = 'name' | 'phone' | 'email' | 'iban' | 'card' | 'national_id' | 'bsn' | 'address' | 'ip';

/** One redacted span; `start`/`end` are UTF-16 offsets into the INPUT text. */
export interface Replacement {
  readonly kind: PiiKind;
  readonly start: number;
  readonly end: number;
}

export interface AnonymiseOptions {
  /** Language of the placeholders (`[NAAM]`, `[NOM]`, `[NAME]`); without one they are English. */
  readonly language?: Language;
}

export interface AnonymiseResult {
  readonly text: string;
  readonly replacements: Replacement[];
}
