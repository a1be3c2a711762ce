import type { Language } from './language.js';

/** Frequent function words that mostly belong to one of the three languages. */
const FUNCTION_WORDS: Record<Language, ReadonlySet<string>> = {
  nl: new Set('de het een en van ik je jij u uw mijn wij ze zijn is niet geen ook maar met voor naar dat dit die er op aan kan wil graag bedankt hallo goedemorgen goedemiddag groet vriendelijke'.split(' ')),
  fr: new Set('le la les un une des de et du au aux je tu il elle nous vous est sont pas ne que qui dans sur pour avec mon ma mes votre vos merci bonjour madame monsieur cordialement'.split(' ')),
  en: new Set('the a an and of to in is are was not no my your our you we they it this that with for from have has can would please thanks thank hello dear regards'.split(' ')),
};

/**
 * The language of a customer's message among the ones a line offers, from function words;
 * null when the text does not say clearly (the line's first language is used then).
 * Enough to route a French mail to a French-speaking agent; not a general detector.
 */
export function guessLanguage(text: string, offered: readonly Language[]): Language | null {
  const words = text.toLowerCase().slice(0, 5000).match(/[\p{L}]+/gu) ?? [];
  // A word of two languages ("de", "je", "in") says nothing about which of them it is.
  const owners = (w: string) => offered.filter((language) => FUNCTION_WORDS[language].has(w));
  const exclusive = words.map(owners).filter((o) => o.length === 1).map((o) => o[0]!);
  const counts = offered.map((language) => ({ language, count: exclusive.filter((l) => l === language).length }));
  counts.sort((a, b) => b.count - a.count);
  const [top, second] = counts;
  if (!top || top.count < 2 || (second && top.count < second.count * 1.5)) return null;
  return top.language;
}
