import type { Language } from '../text/index.js';

export type ArticleVisibility = 'public' | 'internal';
/** Who is searching: the customer bot sees `public` only; agents see `all`. */
export type SearchVisibility = 'public' | 'all';

/** One version of a knowledge article, as a content manager saved it. */
export interface KnowledgeArticle {
  readonly id: string;
  readonly lineId: string;
  readonly language: Language;
  readonly title: string;
  /** Plain text; HTML tags are tolerated and stripped before indexing and snippets. */
  readonly body: string;
  readonly topicId: string;
  readonly subtopicId: string | null;
  readonly visibility: ArticleVisibility;
  /** Increases with every saved edit; an upsert with a lower version is refused. */
  readonly version: number;
  /** ISO 8601 timestamp. */
  readonly updatedAt: string;
  readonly tags: readonly string[];
}

export interface KnowledgeQuery {
  readonly text: string;
  readonly lineId: string;
  /** Without it every language of the line is searched, each with its own stemmer. */
  readonly language?: Language;
  readonly visibility: SearchVisibility;
  readonly topicId?: string;
  readonly subtopicId?: string;
  readonly limit: number;
}

/** Where a matched word sits, as UTF-16 offsets into the hit's `title` or `snippet`. */
export interface Highlight {
  readonly field: 'title' | 'snippet';
  readonly start: number;
  readonly end: number;
}

export interface KnowledgeHit {
  readonly id: string;
  readonly title: string;
  readonly score: number;
  /** Plain text (render it as text, never as HTML). */
  readonly snippet: string;
  readonly highlights: readonly Highlight[];
}

export interface FacetCount {
  readonly id: string;
  readonly count: number;
}

/** A subtopic count names its topic, so a client can group subtopics under topics. */
export interface SubtopicFacetCount extends FacetCount {
  readonly topicId: string;
}

export interface KnowledgeFacets {
  readonly topics: readonly FacetCount[];
  readonly subtopics: readonly SubtopicFacetCount[];
}

export interface KnowledgeSearchResult {
  readonly hits: readonly KnowledgeHit[];
  /** Counted over every match before the topic and subtopic filters, so each option shows its count. */
  readonly facets: KnowledgeFacets;
  /** Matches after all filters; `hits` holds the first `limit` of them. */
  readonly total: number;
}
