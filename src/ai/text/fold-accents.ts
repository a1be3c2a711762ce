/** Letters that Unicode decomposition does not split into a base letter plus a mark. */
const LIGATURES: Readonly<Record<string, string>> = {
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ı: 'i',
};
const COMBINING_MARKS = /\p{M}+/gu;
const LIGATURE_PATTERN = /[æœßøłđı]/g;

/**
 * Lower-cases and removes accents, so "Élevé", "eleve" and "ÉLEVÉ" meet in one form.
 * Customers type without accents on phones; matching must not depend on them.
 *
 * @example foldAccents('Crème Brûlée') // 'creme brulee'
 */
export function foldAccents(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(LIGATURE_PATTERN, (letter) => LIGATURES[letter] ?? letter);
}
