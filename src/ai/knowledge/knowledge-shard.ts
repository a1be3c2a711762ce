import type { Language } from '../text/index.js';
import { analyseText } from './analyse-text.js';
import type { DeletionIndex } from './deletion-index.js';
import type { KnowledgeArticle } from './knowledge.types.js';
import { plainText } from './plain-text.js';
import type { SearchProfile } from './search-profile.js';
import { SortedWords } from './sorted-words.js';

/** An indexed article with what scoring and snippets need. */
export interface ShardDocument {
  readonly article: KnowledgeArticle;
  readonly body: string;
  readonly titleLength: number;
  readonly bodyLength: number;
  readonly terms: readonly string[];
  readonly surfaces: readonly string[];
}

interface Posting {
  readonly doc: ShardDocument;
  readonly title: number;
  readonly body: number;
}

/** A query word expanded to weighted index terms (exact stem, prefix, compound, typo). */
export interface ExpandedWord {
  readonly terms: ReadonlyMap<string, number>;
}

function countTerms(terms: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

const reverse = (word: string): string => [...word].reverse().join('');

/**
 * The articles of one line in one language: a BM25 corpus of its own, so a line's rare
 * words weigh as rare even when another client's line uses them all the time, and a
 * search can never reach another line's articles.
 */
export class KnowledgeShard {
  private readonly docs = new Map<string, ShardDocument>();
  private readonly postings = new Map<string, Map<string, Posting>>();
  private readonly surfaceTerm = new Map<string, string>();
  private readonly surfaceWords = new SortedWords();
  private readonly reversedTerms = new SortedWords();
  private titleLengthSum = 0;
  private bodyLengthSum = 0;

  constructor(
    readonly lineId: string,
    readonly language: Language,
    private readonly typos: DeletionIndex,
    private readonly profile: SearchProfile,
  ) {}

  get size(): number {
    return this.docs.size;
  }

  add(article: KnowledgeArticle): void {
    const body = plainText(article.body);
    const title = analyseText(article.title, this.language);
    const words = analyseText(`${body} ${article.tags.join(' ')}`, this.language);
    const all = [...title, ...words];
    const doc: ShardDocument = {
      article,
      body,
      titleLength: title.length,
      bodyLength: words.length,
      terms: [...new Set(all.map((word) => word.term))],
      surfaces: [...new Set(all.map((word) => word.surface))],
    };
    const titleCounts = countTerms(title.map((word) => word.term));
    const bodyCounts = countTerms(words.map((word) => word.term));
    for (const term of doc.terms) {
      const posting: Posting = { doc, title: titleCounts.get(term) ?? 0, body: bodyCounts.get(term) ?? 0 };
      const list = this.postings.get(term);
      if (list) list.set(article.id, posting);
      else this.postings.set(term, new Map([[article.id, posting]]));
      this.reversedTerms.add(reverse(term));
    }
    all.forEach((word) => this.surfaceTerm.set(word.surface, word.term));
    for (const surface of doc.surfaces) {
      this.surfaceWords.add(surface);
      this.typos.add(surface);
    }
    this.docs.set(article.id, doc);
    this.titleLengthSum += doc.titleLength;
    this.bodyLengthSum += doc.bodyLength;
  }

  remove(id: string): boolean {
    const doc = this.docs.get(id);
    if (!doc) return false;
    for (const term of doc.terms) {
      const list = this.postings.get(term);
      list?.delete(id);
      if (list?.size === 0) this.postings.delete(term);
      this.reversedTerms.remove(reverse(term));
    }
    for (const surface of doc.surfaces) {
      this.surfaceWords.remove(surface);
      this.typos.remove(surface);
      if (!this.surfaceWords.has(surface)) this.surfaceTerm.delete(surface);
    }
    this.docs.delete(id);
    this.titleLengthSum -= doc.titleLength;
    this.bodyLengthSum -= doc.bodyLength;
    return true;
  }

  get(id: string): ShardDocument | undefined {
    return this.docs.get(id);
  }

  documents(): IterableIterator<ShardDocument> {
    return this.docs.values();
  }

  hasTerm(term: string): boolean {
    return this.postings.has(term);
  }

  termOfSurface(surface: string): string | undefined {
    return this.surfaceTerm.get(surface);
  }

  surfacesWithPrefix(prefix: string, limit: number): string[] {
    return this.surfaceWords.withPrefix(prefix, limit);
  }

  /** Known terms that end in `term` ("kaart" → "bankkaart", "kredietkaart"). */
  termsEndingWith(term: string, limit: number): string[] {
    return this.reversedTerms.withPrefix(reverse(term), limit + 1).map(reverse).filter((other) => other !== term).slice(0, limit);
  }

  contains(id: string, term: string): boolean {
    return this.postings.get(term)?.has(id) ?? false;
  }

  /**
   * BM25F: field frequencies are length-normalised and weighted before one saturation, so
   * a title hit outweighs a body hit without a long title drowning a short one. A document
   * matched by several expansions of one query word counts the best of them once.
   */
  score(words: readonly ExpandedWord[], accept: (doc: ShardDocument) => boolean): Map<ShardDocument, number> {
    const totals = new Map<ShardDocument, number>();
    for (const word of words) {
      if (word.terms.size === 1) {
        const [term, weight] = word.terms.entries().next().value as [string, number];
        this.addTerm(term, weight, accept, totals, true);
        continue;
      }
      const best = new Map<ShardDocument, number>();
      for (const [term, weight] of word.terms) this.addTerm(term, weight, accept, best, false);
      for (const [doc, contribution] of best) totals.set(doc, (totals.get(doc) ?? 0) + contribution);
    }
    return totals;
  }

  /** Adds one term's BM25F contribution per document, summed into `into` or kept as the best so far. */
  private addTerm(term: string, weight: number, accept: (doc: ShardDocument) => boolean, into: Map<ShardDocument, number>, sum: boolean): void {
    const list = this.postings.get(term);
    if (!list) return;
    const { k1, titleWeight, bodyWeight, titleB, bodyB } = this.profile;
    const count = this.docs.size;
    const avgTitle = this.titleLengthSum / count || 1;
    const avgBody = this.bodyLengthSum / count || 1;
    const idf = weight * Math.log(1 + (count - list.size + 0.5) / (list.size + 0.5));
    for (const posting of list.values()) {
      const { doc } = posting;
      if (!accept(doc)) continue;
      const tf =
        (titleWeight * posting.title) / (1 - titleB + (titleB * doc.titleLength) / avgTitle) +
        (bodyWeight * posting.body) / (1 - bodyB + (bodyB * doc.bodyLength) / avgBody);
      const contribution = (idf * tf) / (k1 + tf);
      const before = into.get(doc) ?? 0;
      if (sum) into.set(doc, before + contribution);
      else if (contribution > before) into.set(doc, contribution);
    }
  }
}
