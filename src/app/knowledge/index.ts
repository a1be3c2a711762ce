export { KnowledgeService, type ArticleHit, type ArticleSearch, type ArticleSearchResult } from './knowledge.service.js';
export { suggestAssist, type AssistArticle, type AssistProcedure, type AssistSuggestions } from './suggest-assist.js';
