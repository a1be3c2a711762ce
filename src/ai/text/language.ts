/** The languages the text pipeline stems: Dutch, French and English. */
export type Language = 'nl' | 'fr' | 'en';

export const LANGUAGES: readonly Language[] = ['nl', 'fr', 'en'];

export function isLanguage(value: unknown): value is Language {
  return value === 'nl' || value === 'fr' || value === 'en';
}
