import { isStopword } from '../../ai/text/stopwords.js';
import { tokenise, type Language } from '../../ai/text/index.js';

/**
 * How much of a question an article covers: the share of the question's content words (function
 * words left out, Snowball-stemmed) found in the article's title or body, and how many matched.
 * BM25 scores are not comparable between questions; this share is, so a threshold can be set.
 *
 * @example articleCoverage('Hoe wijzig ik mijn adres?', 'Adres wijzigen', 'Je wijzigt je adres in de app', 'nl') // { share: 1, matched: 2, words: 2 }
 */
export function articleCoverage(question: string, title: string, body: string, language: Language): { share: number; matched: number; words: number } {
  const surfaces = tokenise(question, language, { stem: false });
  const stems = tokenise(question, language);
  const content = new Set(stems.filter((stem, i) => !isStopword(surfaces[i] ?? stem, language) && stem !== '#'));
  if (content.size === 0) return { share: 0, matched: 0, words: 0 };
  const article = new Set(tokenise(`${title} ${body}`, language));
  let matched = 0;
  for (const word of content) if (article.has(word)) matched += 1;
  return { share: matched / content.size, matched, words: content.size };
}

/** A public article answers for the bot only when it covers most of the question, with at least two words. */
export const ARTICLE_ANSWER_MIN_SHARE = 0.6;
export const ARTICLE_ANSWER_MIN_WORDS = 2;
