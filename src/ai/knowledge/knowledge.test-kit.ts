import type { KnowledgeArticle, KnowledgeQuery } from './knowledge.types.js';
import { KnowledgeIndex } from './knowledge-index.js';

let counter = 0;

/** A public Dutch banking article version 1 with every field overridable. */
export function anArticle(overrides: Partial<KnowledgeArticle> = {}): KnowledgeArticle {
  counter += 1;
  return {
    id: `a${counter}`,
    lineId: 'bank',
    language: 'nl',
    title: 'Artikel',
    body: 'Tekst.',
    topicId: 'algemeen',
    subtopicId: null,
    visibility: 'public',
    version: 1,
    updatedAt: '2024-05-01T10:00:00Z',
    tags: [],
    ...overrides,
  };
}

export function indexOf(articles: readonly KnowledgeArticle[]): KnowledgeIndex {
  const index = new KnowledgeIndex();
  for (const article of articles) index.upsert(article);
  return index;
}

/** An agent's query on line `bank`: all visibilities, ten hits. */
export function aQuery(text: string, overrides: Partial<KnowledgeQuery> = {}): KnowledgeQuery {
  return { text, lineId: 'bank', visibility: 'all', limit: 10, ...overrides };
}
