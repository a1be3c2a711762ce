import type { CompiledLexicon } from './lexicons/compiled-lexicon.js';
import type { Token } from './normalize-text.js';
import type { Language } from './safety.types.js';

const ORDER: readonly Language[] = ['nl', 'fr', 'en'];

/**
 * Guesses the language from frequent function words. Only needed for the few words that are
 * ordinary in another language ("con", "bite"); `null` when the message gives no clear answer.
 */
export function detectLanguage(tokens: readonly Token[], lexicon: CompiledLexicon): Language | null {
  const counts: Record<Language, number> = { nl: 0, fr: 0, en: 0 };
  for (const token of tokens) {
    for (const language of ORDER) if (lexicon.stopwords[language].has(token.norm)) counts[language] += 1;
  }
  const ranked = [...ORDER].sort((a, b) => counts[b] - counts[a]);
  const [top, second] = ranked;
  if (top === undefined || counts[top] === 0 || (second !== undefined && counts[top] === counts[second])) return null;
  return top;
}
