import { LANGUAGES, type Language } from '../text/index.js';
import { analyseText } from './analyse-text.js';
import { buildSnippet, highlightWords } from './build-snippet.js';
import { computeFacets } from './compute-facets.js';
import { DeletionIndex } from './deletion-index.js';
import { expandQuery, type QueryWords } from './expand-query.js';
import { staleVersion } from './knowledge.errors.js';
import { parseArticle, parseQuery } from './knowledge.schemas.js';
import { KnowledgeShard, type ExpandedWord, type ShardDocument } from './knowledge-shard.js';
import type { KnowledgeArticle, KnowledgeHit, KnowledgeQuery, KnowledgeSearchResult } from './knowledge.types.js';
import { DEFAULT_SEARCH_PROFILE, type SearchProfile } from './search-profile.js';
import { selectTop } from './select-top.js';

export interface KnowledgeIndexOptions {
  readonly profile?: Partial<SearchProfile>;
}

/** One shard's share of a search: shared by all of its matches. */
interface ShardQuery {
  readonly shard: KnowledgeShard;
  readonly words: readonly ExpandedWord[];
}

interface Match {
  readonly doc: ShardDocument;
  readonly score: number;
  readonly source: ShardQuery;
}

const ENDS_IN_WORD = /[\p{L}\p{N}]$/u;

function compareMatches(a: Match, b: Match): number {
  return b.score - a.score || (a.doc.article.id < b.doc.article.id ? -1 : a.doc.article.id > b.doc.article.id ? 1 : 0);
}

/**
 * In-memory full-text search over knowledge articles: BM25F over title and body per line
 * and language, Snowball stems with accents folded, Dutch compound heads, typo tolerance,
 * as-you-type completion of the last word, topic facets and a public-only view.
 *
 * @example
 *   const index = new KnowledgeIndex();
 *   index.upsert(article);
 *   index.search({ text: 'kaart blokkeren', lineId: 'bank', language: 'nl', visibility: 'public', limit: 5 });
 */
export class KnowledgeIndex {
  private readonly profile: SearchProfile;
  private readonly lines = new Map<string, Map<Language, KnowledgeShard>>();
  private readonly located = new Map<string, KnowledgeShard>();
  private readonly typos = new Map<Language, DeletionIndex>(LANGUAGES.map((language) => [language, new DeletionIndex()]));

  constructor(options: KnowledgeIndexOptions = {}) {
    this.profile = { ...DEFAULT_SEARCH_PROFILE, ...options.profile };
  }

  get size(): number {
    return this.located.size;
  }

  /** Indexes an article, replacing the version indexed before; an older version is refused. */
  upsert(input: KnowledgeArticle): void {
    const article = parseArticle(input);
    const current = this.located.get(article.id)?.get(article.id)?.article;
    if (current && article.version < current.version) throw staleVersion(article.id, article.version, current.version);
    this.remove(article.id);
    const shard = this.shardFor(article.lineId, article.language);
    shard.add(article);
    this.located.set(article.id, shard);
  }

  /** Takes an article out of search. Returns whether it was indexed. (History is stored: `knowledge_article_versions`.) */
  remove(id: string): boolean {
    const shard = this.located.get(id);
    if (!shard) return false;
    shard.remove(id);
    this.located.delete(id);
    if (shard.size === 0) this.lines.get(shard.lineId)?.delete(shard.language);
    return true;
  }

  get(id: string): KnowledgeArticle | undefined {
    return this.located.get(id)?.get(id)?.article;
  }

  search(input: KnowledgeQuery): KnowledgeSearchResult {
    const query = parseQuery(input);
    const matches = this.match(query);
    const facets = computeFacets(matches.map((match) => match.doc.article));
    const filtered = matches.filter(({ doc: { article } }) =>
      (query.topicId === undefined || article.topicId === query.topicId) &&
      (query.subtopicId === undefined || article.subtopicId === query.subtopicId));
    const hits = selectTop(filtered, query.limit, compareMatches).map((match) => this.toHit(match));
    return { hits, facets, total: filtered.length };
  }

  private shardFor(lineId: string, language: Language): KnowledgeShard {
    let shards = this.lines.get(lineId);
    if (!shards) {
      shards = new Map();
      this.lines.set(lineId, shards);
    }
    let shard = shards.get(language);
    if (!shard) {
      shard = new KnowledgeShard(lineId, language, this.typos.get(language) as DeletionIndex, this.profile);
      shards.set(language, shard);
    }
    return shard;
  }

  /** Every article of the line (and language) that matches the text and may be shown. */
  private match(query: KnowledgeQuery): Match[] {
    const shards = this.lines.get(query.lineId);
    if (!shards) return [];
    const accept = (doc: ShardDocument): boolean => query.visibility === 'all' || doc.article.visibility === 'public';
    const lastIsPartial = ENDS_IN_WORD.test(query.text);
    const matches: Match[] = [];
    for (const [language, shard] of shards) {
      if (query.language !== undefined && language !== query.language) continue;
      const queryWords: QueryWords = { words: analyseText(query.text, language), lastIsPartial };
      if (queryWords.words.length === 0) {
        // No words: browse the line by topic, every visible article with score 0.
        const source: ShardQuery = { shard, words: [] };
        for (const doc of shard.documents()) if (accept(doc)) matches.push({ doc, score: 0, source });
        continue;
      }
      const words = expandQuery(queryWords, shard, this.typos.get(language) as DeletionIndex, this.profile);
      const source: ShardQuery = { shard, words };
      for (const [doc, score] of shard.score(words, accept)) matches.push({ doc, score, source });
    }
    return matches;
  }

  private toHit({ doc, score, source: { shard, words } }: Match): KnowledgeHit {
    const { article } = doc;
    const terms = new Set<string>();
    for (const word of words) for (const term of word.terms.keys()) if (shard.contains(article.id, term)) terms.add(term);
    const { snippet, highlights } = buildSnippet(doc.body, shard.language, terms);
    const titleHighlights = highlightWords(article.title, shard.language, terms, 'title');
    return { id: article.id, title: article.title, score, snippet, highlights: [...titleHighlights, ...highlights] };
  }
}
