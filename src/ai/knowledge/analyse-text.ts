import { tokenise, type Language } from '../text/index.js';

/** One word of a text: its search term (Snowball stem, accents folded) and its folded surface form. */
export interface AnalysedWord {
  readonly term: string;
  readonly surface: string;
}

/**
 * Terms and surface words side by side. Both come from the same word split, so they align;
 * terms feed BM25, surfaces feed typo and prefix lookup (stems of typos drift too far apart:
 * "hospitalisation" → "hospitalis" but "hospitalisaton" → "hospitalisaton").
 *
 * @example analyseText('Kaarten', 'nl') // [{ term: 'kaart', surface: 'kaarten' }]
 */
export function analyseText(text: string, language: Language): AnalysedWord[] {
  const terms = tokenise(text, language);
  const surfaces = tokenise(text, language, { stem: false });
  return terms.map((term, index) => ({ term, surface: surfaces[index] ?? term }));
}
