import { isStopword } from '../text/stopwords.js';
import { splitSentences } from '../text/split-sentences.js';
import { tokenise, type Language } from '../text/index.js';

/** One turn of a conversation or one message of an e-mail thread. */
export interface SummaryTurn {
  speaker: 'customer' | 'agent' | 'bot';
  text: string;
}

export interface ExtractiveSummary {
  /** The customer's question: their first sentence that says something (a greeting does not). */
  question: string | null;
  /** How it ended: the last informative sentence of the agent (or bot). */
  outcome: string | null;
  /** Up to `maxSentences` sentences, question and outcome included, in conversation order. */
  sentences: string[];
}

/** A sentence of the summary with where it was said, for views that show who said what. */
export interface SummarySentence {
  speaker: SummaryTurn['speaker'];
  /** Index of the turn (message) the sentence comes from. */
  turn: number;
  text: string;
}

export interface SummaryOptions {
  maxSentences?: number;
  /** PageRank damping (TextRank's 0.85). */
  damping?: number;
}

interface Sentence {
  index: number;
  turn: number;
  speaker: SummaryTurn['speaker'];
  text: string;
  terms: Map<string, number>;
}

const MIN_CONTENT_WORDS = 2;
const ITERATIONS = 40;

/**
 * An extractive summary of a conversation: TextRank over its sentences (cosine similarity of
 * stemmed content words, weighted by inverse sentence frequency), which always keeps the
 * customer's question and the outcome, and fills up with the most central other sentences.
 * Quoted e-mail history ("> …", "On … wrote:") is left out so a thread is not summarised twice.
 * Pure and deterministic: the same turns give the same summary.
 *
 * @example
 *   summariseExtractive([{ speaker: 'customer', text: 'Hallo. Mijn kaart is gestolen.' }, { speaker: 'agent', text: 'Ik heb je kaart geblokkeerd.' }], 'nl')
 *   // { question: 'Mijn kaart is gestolen.', outcome: 'Ik heb je kaart geblokkeerd.', sentences: [...] }
 */
export function summariseExtractive(turns: readonly SummaryTurn[], language: Language, options: SummaryOptions = {}): ExtractiveSummary {
  const { question, outcome, chosen } = pick(turns, language, options);
  return { question: question?.text ?? null, outcome: outcome?.text ?? null, sentences: chosen.map((s) => s.text) };
}

/**
 * The same summary as `summariseExtractive`, sentence by sentence with who said it and in which
 * turn, for the channel panel that labels each line with its speaker.
 */
export function summariseExtractiveSentences(turns: readonly SummaryTurn[], language: Language, options: SummaryOptions = {}): SummarySentence[] {
  return pick(turns, language, options).chosen.map(({ speaker, turn, text }) => ({ speaker, turn, text }));
}

function pick(turns: readonly SummaryTurn[], language: Language, options: SummaryOptions): { question: Sentence | null; outcome: Sentence | null; chosen: Sentence[] } {
  const maxSentences = Math.max(1, options.maxSentences ?? 4);
  const sentences = toSentences(turns, language);
  if (sentences.length === 0) return { question: null, outcome: null, chosen: [] };
  const question = sentences.find((s) => s.speaker === 'customer' && informative(s)) ?? null;
  const outcome = [...sentences].reverse().find((s) => s.speaker !== 'customer' && informative(s) && s !== question) ?? null;
  const scores = textRank(sentences, options.damping ?? 0.85);
  const chosen = new Set<Sentence>([question, outcome].filter((s): s is Sentence => s !== null));
  const ranked = sentences.filter((s) => informative(s)).sort((a, b) => (scores[b.index] ?? 0) - (scores[a.index] ?? 0) || a.index - b.index);
  for (const s of ranked) {
    if (chosen.size >= maxSentences) break;
    if (!chosen.has(s) && !nearDuplicate(s, chosen)) chosen.add(s);
  }
  return { question, outcome, chosen: [...chosen].sort((a, b) => a.index - b.index) };
}

/** Drops quoted lines and everything after an "On … wrote:" / "Op … schreef:" / "Le … a écrit :" header. */
export function stripQuotedEmail(text: string): string {
  const lines = text.split(/\r?\n/);
  const kept: string[] = [];
  for (const line of lines) {
    if (/^\s*(on|op|le)\s.{0,200}(wrote|schreef|a écrit).{0,120}:\s*$/i.test(line)) break;
    if (/^\s*-{2,}\s*(original message|oorspronkelijk bericht|message d'origine)/i.test(line)) break;
    if (/^\s*>/.test(line)) continue;
    kept.push(line);
  }
  return kept.join('\n');
}

function toSentences(turns: readonly SummaryTurn[], language: Language): Sentence[] {
  const out: Sentence[] = [];
  turns.forEach((turn, turnIndex) => {
    for (const text of splitSentences(stripQuotedEmail(turn.text))) {
      out.push({ index: out.length, turn: turnIndex, speaker: turn.speaker, text, terms: contentTerms(text, language) });
    }
  });
  return out;
}

function contentTerms(text: string, language: Language): Map<string, number> {
  const surfaces = tokenise(text, language, { stem: false });
  const stems = tokenise(text, language);
  const terms = new Map<string, number>();
  stems.forEach((stem, i) => {
    const surface = surfaces[i] ?? stem;
    if (stem === '#' || surface.length < 2 || isStopword(surface, language)) return;
    terms.set(stem, (terms.get(stem) ?? 0) + 1);
  });
  return terms;
}

function informative(s: Sentence): boolean {
  return s.terms.size >= MIN_CONTENT_WORDS;
}

/** PageRank over the sentence graph whose edge weights are TF-IDF cosine similarities. */
function textRank(sentences: readonly Sentence[], damping: number): number[] {
  const n = sentences.length;
  const documentFrequency = new Map<string, number>();
  for (const s of sentences) for (const term of s.terms.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const vectors = sentences.map((s) => {
    const v = new Map<string, number>();
    for (const [term, count] of s.terms) v.set(term, count * Math.log(1 + n / (documentFrequency.get(term) ?? 1)));
    return v;
  });
  const weights = vectors.map((a, i) => vectors.map((b, j) => (i === j ? 0 : cosine(a, b))));
  const outSums = weights.map((row) => row.reduce((sum, w) => sum + w, 0));
  let scores = new Array<number>(n).fill(1 / n);
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    const next = new Array<number>(n).fill((1 - damping) / n);
    for (let j = 0; j < n; j++) {
      // A sentence linked to nothing spreads its score evenly (no rank sink).
      if (outSums[j] === 0) {
        for (let i = 0; i < n; i++) next[i]! += (damping * scores[j]!) / n;
        continue;
      }
      for (let i = 0; i < n; i++) {
        const w = weights[j]![i]!;
        if (w > 0) next[i]! += (damping * scores[j]! * w) / outSums[j]!;
      }
    }
    scores = next;
  }
  return scores;
}

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  for (const [term, weight] of a) dot += weight * (b.get(term) ?? 0);
  if (dot === 0) return 0;
  return dot / (norm(a) * norm(b));
}

function norm(v: Map<string, number>): number {
  let sum = 0;
  for (const weight of v.values()) sum += weight * weight;
  return Math.sqrt(sum);
}

/** A sentence that repeats one already chosen (the customer saying it twice) adds nothing. */
function nearDuplicate(s: Sentence, chosen: ReadonlySet<Sentence>): boolean {
  for (const other of chosen) {
    let shared = 0;
    for (const term of s.terms.keys()) if (other.terms.has(term)) shared += 1;
    if (shared / Math.max(1, Math.min(s.terms.size, other.terms.size)) >= 0.8) return true;
  }
  return false;
}
