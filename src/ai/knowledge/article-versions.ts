import type { KnowledgeArticle } from './knowledge.types.js';

/**
 * Every saved version of every article, oldest first. The search index holds only the
 * newest version; content managers still need to see and restore what came before.
 * Removing an article from the index keeps its history (an audit trail, not a cache).
 *
 * @example
 *   const versions = new ArticleVersions();
 *   versions.record(v1); versions.record(v2);
 *   versions.history('a1') // [v1, v2]
 */
export class ArticleVersions {
  private readonly byId = new Map<string, KnowledgeArticle[]>();

  /** Appends a version; saving the same version number again replaces that entry. */
  record(article: KnowledgeArticle): void {
    const list = this.byId.get(article.id) ?? [];
    const last = list[list.length - 1];
    if (last !== undefined && last.version === article.version) list[list.length - 1] = article;
    else list.push(article);
    this.byId.set(article.id, list);
  }

  history(id: string): readonly KnowledgeArticle[] {
    return [...(this.byId.get(id) ?? [])];
  }

  latest(id: string): KnowledgeArticle | undefined {
    const list = this.byId.get(id);
    return list?.[list.length - 1];
  }
}
