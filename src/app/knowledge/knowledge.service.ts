import { KnowledgeIndex, knowledgeArticleSchema, type KnowledgeArticle, type KnowledgeFacets, type SearchVisibility } from '../../ai/knowledge/index.js';
import type { Language } from '../../core/model/index.js';
import { diffArticles, type ArticleDiff } from '../../core/knowledge/index.js';
import type { ArticleVersionRecord, ArticleVersionSummary, Repositories, StoredArticle, VersionAuthorship } from '../../storage/index.js';
import { errors } from '../app.errors.js';

/** A search hit with what a desk needs to show it: facets, visibility, whether it is a procedure. */
export interface ArticleHit {
  id: string;
  title: string;
  snippet: string;
  score: number;
  language: Language;
  topicId: string;
  subtopicId: string | null;
  visibility: StoredArticle['visibility'];
  procedure: boolean;
}

export interface ArticleSearch {
  tenantId: string;
  lineId: string;
  text: string;
  language?: Language;
  topicId?: string;
  subtopicId?: string;
  visibility: SearchVisibility;
  limit: number;
}

export interface ArticleSearchResult {
  hits: ArticleHit[];
  facets: KnowledgeFacets;
  total: number;
}

/**
 * The knowledge base of this node: every stored article in one `KnowledgeIndex`, loaded at
 * start and kept current on every save through this service. Articles are only found through
 * the line they belong to, and a line belongs to one tenant, so one index serves all tenants.
 */
export class KnowledgeService {
  readonly index = new KnowledgeIndex();
  private readonly articles = new Map<string, StoredArticle>();
  /** Goes up with every stored change, so models built over the articles know when to rebuild. */
  revision = 0;

  constructor(private readonly repos: Repositories) {}

  async load(): Promise<void> {
    for (const article of await this.repos.knowledge.listAll()) this.put(article);
  }

  /**
   * Stores a new article or a newer version, with the version in the article's history (same
   * transaction); returns false when the stored version is as new or newer.
   */
  async save(article: StoredArticle, by: VersionAuthorship = { savedBy: null }): Promise<boolean> {
    // Validated by the index's own schema before anything is written.
    const checked = knowledgeArticleSchema.safeParse(toIndexed(article));
    if (!checked.success) throw errors.invalid(checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    const written = await this.repos.knowledge.save(article, by);
    if (written) this.put(article);
    return written;
  }

  /** The article's saved versions, newest first (read from the database: the one source of history). */
  async history(tenantId: string, articleId: string): Promise<{ current: StoredArticle; versions: ArticleVersionSummary[] }> {
    const current = await this.stored(tenantId, articleId);
    return { current, versions: await this.repos.knowledge.listVersions(tenantId, articleId) };
  }

  async version(tenantId: string, articleId: string, version: number): Promise<ArticleVersionRecord> {
    await this.stored(tenantId, articleId);
    const found = await this.repos.knowledge.getVersion(tenantId, articleId, version);
    if (!found) throw errors.articleVersionNotFound(articleId, version);
    return found;
  }

  /** What changed from one version to another (`to` defaults to the current version). */
  async diff(tenantId: string, articleId: string, from: number, to?: number): Promise<{ from: number; to: number; diff: ArticleDiff }> {
    const before = await this.version(tenantId, articleId, from);
    const after = to === undefined ? { article: await this.stored(tenantId, articleId) } : await this.version(tenantId, articleId, to);
    return { from, to: after.article.version, diff: diffArticles(before.article, after.article) };
  }

  /**
   * Saves the content of an old version as a new version (history is never rewritten). Refused
   * as stale when the article is no longer at `expectedVersion`: someone saved after the editor
   * looked.
   */
  async restore(input: { tenantId: string; articleId: string; version: number; expectedVersion: number; savedBy: string; note: string | null; now: number }): Promise<StoredArticle> {
    const current = await this.stored(input.tenantId, input.articleId);
    const old = await this.version(input.tenantId, input.articleId, input.version);
    if (current.version !== input.expectedVersion) throw errors.staleArticle(input.articleId, current.version);
    const restored: StoredArticle = { ...old.article, id: current.id, tenantId: current.tenantId, version: current.version + 1, updatedAt: input.now };
    const written = await this.save(restored, { savedBy: input.savedBy, note: input.note, restoredFrom: input.version });
    if (!written) throw errors.staleArticle(input.articleId, restored.version);
    return restored;
  }

  /** The stored article (the database, not this node's copy: another node may have saved since). */
  private async stored(tenantId: string, articleId: string): Promise<StoredArticle> {
    const article = await this.repos.knowledge.get(tenantId, articleId);
    if (!article) throw errors.notFound('knowledge_article', articleId);
    return article;
  }

  /** Several nodes: another node saved this article; take the stored version when it is newer. */
  async reloadArticle(tenantId: string, id: string): Promise<void> {
    const stored = await this.repos.knowledge.get(tenantId, id);
    const current = this.articles.get(id);
    if (stored && (!current || stored.version > current.version)) this.put(stored);
  }

  /** Several nodes: every article of the tenant stored newer than this node's copy (saves this node missed). */
  async reloadTenant(tenantId: string): Promise<void> {
    for (const stored of await this.repos.knowledge.listByTenant(tenantId)) {
      const current = this.articles.get(stored.id);
      if (!current || stored.version > current.version) this.put(stored);
    }
  }

  get(tenantId: string, id: string): StoredArticle | undefined {
    const article = this.articles.get(id);
    return article && article.tenantId === tenantId ? article : undefined;
  }

  /** Every current article of a line (the content managers' list), by title. */
  ofLine(tenantId: string, lineId: string): StoredArticle[] {
    return [...this.articles.values()].filter((a) => a.tenantId === tenantId && a.lineId === lineId).sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
  }

  /** The line's articles in one language carrying a tag (the assist panel's bot intents). */
  tagged(tenantId: string, lineId: string, language: Language, tag: string): StoredArticle[] {
    return [...this.articles.values()].filter((a) => a.tenantId === tenantId && a.lineId === lineId && a.language === language && a.tags.includes(tag));
  }

  search(query: ArticleSearch): ArticleSearchResult {
    const result = this.index.search({
      text: query.text,
      lineId: query.lineId,
      visibility: query.visibility,
      limit: query.limit,
      ...(query.language ? { language: query.language } : {}),
      ...(query.topicId ? { topicId: query.topicId } : {}),
      ...(query.subtopicId ? { subtopicId: query.subtopicId } : {}),
    });
    const hits = result.hits.flatMap((hit): ArticleHit[] => {
      const article = this.get(query.tenantId, hit.id);
      return article ? [{ ...describe(article), snippet: hit.snippet, score: hit.score, title: hit.title }] : [];
    });
    return { hits, facets: result.facets, total: result.total };
  }

  private put(article: StoredArticle): void {
    this.index.upsert(toIndexed(article));
    this.articles.set(article.id, article);
    this.revision += 1;
  }
}

export function describe(article: StoredArticle): Omit<ArticleHit, 'snippet' | 'score'> {
  return {
    id: article.id,
    title: article.title,
    language: article.language,
    topicId: article.topicId,
    subtopicId: article.subtopicId,
    visibility: article.visibility,
    procedure: article.steps.length > 0,
  };
}

function toIndexed(article: StoredArticle): KnowledgeArticle {
  return {
    id: article.id,
    lineId: article.lineId,
    language: article.language,
    title: article.title,
    body: article.body,
    topicId: article.topicId,
    subtopicId: article.subtopicId,
    visibility: article.visibility,
    version: article.version,
    updatedAt: new Date(article.updatedAt).toISOString(),
    tags: article.tags,
  };
}
