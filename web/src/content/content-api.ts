import type { ArticleDiff } from '../../../src/core/knowledge/index.js';
import type { BotIntent, LineBot } from '../../../src/core/model/index.js';
import type { KnowledgeArticleView, Language, Topic } from '../api/api-types.js';
import { api } from '../api/http-client.js';

export type { BotIntent, LineBot };

const enc = encodeURIComponent;

export interface ContentArticleSummary {
  id: string;
  title: string;
  language: Language;
  visibility: 'public' | 'internal';
  version: number;
  topicId: string;
  subtopicId: string | null;
  tags: string[];
  procedure: boolean;
}

export interface ContentLine {
  id: string;
  name: string;
  languages: Language[];
  taxonomy: Topic[];
  bot: LineBot | null;
  queues: Array<{ id: string; name: string }>;
  articles: ContentArticleSummary[];
  importedExamples: number;
}

export interface BotTestResult {
  language: Language;
  ranked: Array<{ intent: string; label: string; confidence: number }>;
  outOfScope: number;
  decision: 'answer' | 'clarify' | 'hand_over';
  reason: string;
  reply: string;
  article: { id: string; title: string; visibility: 'public' | 'internal'; procedure: boolean; source: 'intent' | 'article_answer' } | null;
  settings: { answerThreshold: number; clarifyMargin: number; maxBotTurns: number };
}

export const UNANSWERED_REASONS = ['low_confidence', 'out_of_scope', 'repeat', 'max_turns'] as const;
export type UnansweredReason = (typeof UNANSWERED_REASONS)[number];

export interface UnansweredQuestion {
  id: string;
  lineId: string;
  conversationId: string;
  language: Language;
  text: string;
  reason: UnansweredReason;
  topIntent: string | null;
  topConfidence: number | null;
  status: 'open' | 'resolved' | 'dismissed';
  createdAt: number;
}

export interface ImportSummary {
  batchId: string;
  transcripts: number;
  utterances: number;
  labelled: number;
  skippedTurns: number;
  redactions: number;
}

export interface Utterance {
  id: string;
  transcriptRef: string;
  turn: number;
  language: Language;
  text: string;
  intent: string | null;
  suggestedIntent: string | null;
  suggestedConfidence: number | null;
}

export type ArticleInput = Omit<KnowledgeArticleView, 'id' | 'updatedAt'> & { changeNote?: string };

export type { ArticleDiff };

/** Who saved a version: the name as the directory knows it now. */
export interface VersionAuthor {
  id: string;
  name: string;
}

export interface ArticleVersionEntry {
  version: number;
  title: string;
  visibility: 'public' | 'internal';
  savedAt: string;
  savedBy: VersionAuthor | null;
  note: string | null;
  restoredFrom: number | null;
}

export type ArticleVersionView = Omit<KnowledgeArticleView, 'updatedAt'> & Omit<ArticleVersionEntry, 'title' | 'visibility' | 'version'>;

/** The content managers' API (`/api/content/*`) and article editing (`/api/knowledge/articles/:id`). */
export const contentApi = {
  lines: () => api.get<{ lines: ContentLine[] }>('/api/content/lines'),
  saveBot: (lineId: string, settings: Omit<LineBot, 'intents'>) => api.put<LineBot>(`/api/content/lines/${enc(lineId)}/bot`, settings),
  saveIntent: (lineId: string, intent: BotIntent) => {
    const { id, ...body } = intent;
    return api.put<LineBot>(`/api/content/lines/${enc(lineId)}/bot/intents/${enc(id)}`, body);
  },
  deleteIntent: (lineId: string, intentId: string) => api.delete<LineBot>(`/api/content/lines/${enc(lineId)}/bot/intents/${enc(intentId)}`),
  test: (lineId: string, language: Language, text: string) => api.post<BotTestResult>(`/api/content/lines/${enc(lineId)}/bot/test`, { language, text }),
  unanswered: (lineId: string, reason?: UnansweredReason) => api.get<{ questions: UnansweredQuestion[] }>(`/api/content/lines/${enc(lineId)}/unanswered${reason ? `?reason=${reason}` : ''}`),
  resolve: (id: string, intentId: string) => api.post<UnansweredQuestion>(`/api/content/unanswered/${enc(id)}/resolve`, { intentId }),
  dismiss: (id: string) => api.post<void>(`/api/content/unanswered/${enc(id)}/dismiss`),
  importLogs: (lineId: string, format: 'csv' | 'json', language: Language, content: string) => api.post<ImportSummary>(`/api/content/lines/${enc(lineId)}/imports`, { format, language, content }),
  utterances: (lineId: string) => api.get<{ utterances: Utterance[] }>(`/api/content/lines/${enc(lineId)}/utterances`),
  label: (id: string, intent: string | null) => api.put<Utterance>(`/api/content/utterances/${enc(id)}`, { intent }),
  article: (id: string) => api.get<KnowledgeArticleView>(`/api/knowledge/articles/${enc(id)}`),
  saveArticle: (id: string, article: ArticleInput) => api.put<KnowledgeArticleView>(`/api/knowledge/articles/${enc(id)}`, article),
  versions: (id: string) => api.get<{ articleId: string; currentVersion: number; versions: ArticleVersionEntry[] }>(`/api/knowledge/articles/${enc(id)}/versions`),
  version: (id: string, version: number) => api.get<ArticleVersionView>(`/api/knowledge/articles/${enc(id)}/versions/${version}`),
  diff: (id: string, from: number, to?: number) => api.get<{ from: number; to: number; diff: ArticleDiff }>(`/api/knowledge/articles/${enc(id)}/diff?from=${from}${to === undefined ? '' : `&to=${to}`}`),
  restore: (id: string, version: number, currentVersion: number, note: string) =>
    api.post<KnowledgeArticleView>(`/api/knowledge/articles/${enc(id)}/versions/${version}/restore`, { currentVersion, ...(note.trim() ? { note: note.trim() } : {}) }),
};
