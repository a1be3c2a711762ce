import { splitWords, type Language } from '../text/index.js';
import { surfaceForm, termsOfWords, type TermOptions, type Terms } from './extract-terms.js';
import { decodeFloat32, encodeFloat32 } from './float-codec.js';
import { toSparseVector, type SparseVector } from './sparse-vector.js';
import { TypoCorrector } from './typo-corrector.js';

export interface VectoriserOptions extends TermOptions {
  /** Terms seen in fewer training texts are dropped (noise, and a smaller model). */
  readonly minDf: number;
  /** Share of the vector's length given to character n-grams (word terms get 1 − this). */
  readonly charWeight: number;
  /** Correct unknown words to the nearest training word before building terms. */
  readonly correctTypos: boolean;
}

export interface LabelledText {
  readonly text: string;
  readonly language: Language;
}

export interface VectoriserJson {
  readonly options: VectoriserOptions;
  readonly terms: string[];
  readonly idf: string;
  readonly knownWords: string[];
}

/**
 * TF-IDF over word n-grams and character n-grams: sublinear tf (1 + ln tf), smoothed idf,
 * each block L2-normalised on its own and then weighted, so long texts and the many
 * character terms cannot drown the word terms.
 */
export class TfidfVectoriser {
  private constructor(
    readonly options: VectoriserOptions,
    private readonly vocabulary: Map<string, number>,
    private readonly idf: Float32Array,
    private readonly corrector: TypoCorrector | undefined,
  ) {}

  get size(): number {
    return this.idf.length;
  }

  static fit(texts: readonly LabelledText[], options: VectoriserOptions): TfidfVectoriser {
    const documentFrequency = new Map<string, number>();
    const wordCounts = new Map<string, number>();
    for (const { text, language } of texts) {
      const words = splitWords(text, language);
      for (const word of words) wordCounts.set(surfaceForm(word), (wordCounts.get(surfaceForm(word)) ?? 0) + 1);
      const terms = termsOfWords(words, language, options);
      for (const term of new Set([...terms.word, ...terms.char])) {
        documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
      }
    }
    const kept = [...documentFrequency.entries()].filter(([, df]) => df >= options.minDf).map(([term]) => term).sort();
    const vocabulary = new Map(kept.map((term, index) => [term, index]));
    const idf = Float32Array.from(kept, (term) => Math.log((1 + texts.length) / (1 + (documentFrequency.get(term) ?? 0))) + 1);
    // Words seen twice or more are trusted as correction targets; one-offs may be typos themselves.
    const trusted = [...wordCounts.entries()].filter(([, count]) => count >= 2).map(([word]) => word);
    return new TfidfVectoriser(options, vocabulary, idf, options.correctTypos ? new TypoCorrector(trusted) : undefined);
  }

  transform(text: string, language: Language): SparseVector {
    const raw = splitWords(text, language);
    const words = this.corrector ? raw.map((word) => this.corrector?.correct(word) ?? word) : raw;
    return this.weigh(termsOfWords(words, language, this.options));
  }

  private weigh(terms: Terms): SparseVector {
    const wordShare = 1 - this.options.charWeight;
    const entries = new Map<number, number>();
    this.addBlock(entries, terms.word, Math.sqrt(wordShare));
    this.addBlock(entries, terms.char, Math.sqrt(this.options.charWeight));
    return toSparseVector(entries);
  }

  /** Adds one block's tf-idf values, scaled so the block's length is `blockNorm`. */
  private addBlock(entries: Map<number, number>, terms: readonly string[], blockNorm: number): void {
    if (blockNorm === 0) return;
    const counts = new Map<number, number>();
    for (const term of terms) {
      const index = this.vocabulary.get(term);
      if (index !== undefined) counts.set(index, (counts.get(index) ?? 0) + 1);
    }
    let squared = 0;
    for (const [index, count] of counts) {
      const value = (1 + Math.log(count)) * (this.idf[index] ?? 0);
      counts.set(index, value);
      squared += value * value;
    }
    if (squared === 0) return;
    const scale = blockNorm / Math.sqrt(squared);
    for (const [index, value] of counts) entries.set(index, value * scale);
  }

  toJSON(): VectoriserJson {
    const terms: string[] = new Array<string>(this.vocabulary.size);
    for (const [term, index] of this.vocabulary) terms[index] = term;
    return { options: this.options, terms, idf: encodeFloat32(this.idf), knownWords: this.corrector?.words ?? [] };
  }

  static fromJSON(json: VectoriserJson): TfidfVectoriser {
    const vocabulary = new Map(json.terms.map((term, index) => [term, index]));
    const corrector = json.options.correctTypos ? new TypoCorrector(json.knownWords) : undefined;
    return new TfidfVectoriser(json.options, vocabulary, decodeFloat32(json.idf), corrector);
  }
}
