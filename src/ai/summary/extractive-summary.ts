import { tokenise, type Language } from '../text/index.js';

export interface SummaryMessage {
  from: 'customer' | 'agent' | 'bot';
  text: string;
}

export interface SummarySentence {
  from: SummaryMessage['from'];
  /** Index of the message the sentence comes from. */
  message: number;
  text: string;
}

/** Words that say little about what a thread is about (before stemming, accents folded later). */
const STOPWORDS: Record<Language, ReadonlySet<string>> = {
  nl: new Set('de het een en van ik je jij u uw mijn we wij ze zij is zijn was waren ben bent heb hebt heeft hebben had in op aan met voor naar om dat dit die deze er niet geen ook al nog maar als dan of wat wie hoe waar wel zo te bij tot uit over door kan kunt kunnen wil wilt zou moet graag dank dankje bedankt hallo beste goedemorgen groeten vriendelijke met'.split(' ')),
  fr: new Set('le la les un une des et de du au aux je tu il elle nous vous ils elles est sont suis es ai as avons avez ont en dans sur pour par avec pas ne que qui quoi ce cette ces mon ma mes votre vos son sa ses se si mais ou donc plus bien merci bonjour cordialement madame monsieur'.split(' ')),
  en: new Set('the a an and of to in on at for with is are was were be been am i you he she we they it my your our their this that these those not no do does did have has had can could would should will just so if or but as from by about hello hi thanks thank regards dear please'.split(' ')),
};

/**
 * An extractive summary of a long thread: the sentences that carry the thread's most frequent
 * content words, in their original order, at most `maxSentences`. No model, no invention: every
 * line is the customer's or the agent's own words, and the first customer sentence (the question)
 * is favoured.
 */
export function summariseThread(messages: readonly SummaryMessage[], language: Language, maxSentences = 4): SummarySentence[] {
  const sentences: Array<SummarySentence & { terms: string[]; position: number }> = [];
  messages.forEach((m, message) => {
    splitSentences(m.text).forEach((text, position) => {
      const terms = contentTerms(text, language);
      if (terms.length >= 2) sentences.push({ from: m.from, message, text, terms, position });
    });
  });
  if (sentences.length <= maxSentences) return sentences.map(({ from, message, text }) => ({ from, message, text }));
  const frequency = new Map<string, number>();
  for (const s of sentences) for (const term of new Set(s.terms)) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  const firstCustomer = sentences.findIndex((s) => s.from === 'customer');
  const scored = sentences.map((s, index) => {
    const unique = [...new Set(s.terms)];
    // Terms seen in more than one sentence make the thread's topic; length is damped so long sentences do not win alone.
    let score = unique.reduce((sum, term) => sum + ((frequency.get(term) ?? 1) - 1), 0) / Math.sqrt(unique.length);
    if (index === firstCustomer) score += 2;
    if (s.position === 0 && s.from === 'customer') score += 0.5;
    return { index, score };
  });
  const chosen = scored.sort((a, b) => b.score - a.score || a.index - b.index).slice(0, maxSentences).map((s) => s.index).sort((a, b) => a - b);
  return chosen.map((i) => {
    const { from, message, text } = sentences[i]!;
    return { from, message, text };
  });
}

/** Sentences within lines: a mail's salutation or signature on its own line never joins the next sentence. */
function splitSentences(text: string): string[] {
  return text
    .split(/\n+/)
    .flatMap((line) => line.replace(/\s+/g, ' ').split(/(?<=[.!?])\s+(?=[\p{Lu}\p{N}])/u))
    .map((s) => s.trim())
    .filter((s) => s.length >= 12 && s.length <= 600);
}

function contentTerms(text: string, language: Language): string[] {
  const stop = STOPWORDS[language];
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const kept = words.filter((w) => w.length > 2 && !stop.has(w)).join(' ');
  return tokenise(kept, language).filter((t) => t !== '#');
}
