export { KnowledgeError, type KnowledgeErrorCode } from './knowledge.errors.js';
export { KnowledgeIndex, type KnowledgeIndexOptions } from './knowledge-index.js';
export { knowledgeArticleSchema, knowledgeQuerySchema, MAX_SEARCH_LIMIT } from './knowledge.schemas.js';
export type {
  ArticleVisibility,
  FacetCount,
  Highlight,
  KnowledgeArticle,
  KnowledgeFacets,
  KnowledgeHit,
  KnowledgeQuery,
  KnowledgeSearchResult,
  SearchVisibility,
  SubtopicFacetCount,
} from './knowledge.types.js';
export { DEFAULT_SEARCH_PROFILE, type SearchProfile } from './search-profile.js';
