import { trainIntentModel, type IntentExample, type IntentModel } from '../../ai/intents/index.js';
import { splitSentences } from '../../ai/text/split-sentences.js';
import type { Language, Line } from '../../core/model/index.js';
import type { StoredArticle } from '../../storage/index.js';
import { OUT_OF_SCOPE_EXAMPLES, OUT_OF_SCOPE_INTENT } from '../bot/out-of-scope-examples.js';
import type { ArticleHit, KnowledgeService } from './knowledge.service.js';
import { describe } from './knowledge.service.js';

/** The helpdesk names one article only when it is at least this sure. */
export const HELPDESK_THRESHOLD = 0.5;
const EXAMPLES_PER_ARTICLE = 60;

export interface HelpdeskAnswer {
  language: Language;
  /** The best article when the helpdesk is sure enough; null: "not sure". */
  answer: (Omit<ArticleHit, 'score' | 'snippet'> & { confidence: number; snippet: string; steps: number }) | null;
  /** The runner-up articles with their confidences (for "why"). */
  ranked: Array<{ articleId: string; title: string; confidence: number }>;
  /** When not sure: the top three search results instead. */
  results: Array<Omit<ArticleHit, 'score'>>;
}

interface Cached {
  revision: number;
  botExamples: unknown;
  model: IntentModel | null;
}

// One helpdesk model per line and language, per knowledge service (per node); rebuilt when an article or the bot changes.
const caches = new WeakMap<KnowledgeService, Map<string, Cached>>();

/**
 * The agents' helpdesk bot: the intent engine trained over the line's articles (internal and
 * public: agents may read both) as classes, each with its title, tags, sentences, procedure steps
 * and the examples of the bot intents that link to it. A sure match names the article with its
 * calibrated confidence; otherwise it is "not sure" and gives the top three search results.
 */
export function askHelpdesk(knowledge: KnowledgeService, line: Line, language: Language, question: string): HelpdeskAnswer {
  const model = modelFor(knowledge, line, language);
  const ranked = model
    ? model
        .predict(question, 4, { language })
        .filter((p) => p.intent !== OUT_OF_SCOPE_INTENT)
        .slice(0, 3)
        .flatMap((p) => {
          const article = knowledge.get(line.tenantId, p.intent);
          return article ? [{ articleId: article.id, title: article.title, confidence: p.confidence }] : [];
        })
    : [];
  const top = ranked[0];
  if (top && top.confidence >= HELPDESK_THRESHOLD) {
    const article = knowledge.get(line.tenantId, top.articleId)!;
    return { language, ranked, results: [], answer: { ...describe(article), confidence: top.confidence, snippet: lead(article), steps: article.steps.length } };
  }
  const search = knowledge.search({ tenantId: line.tenantId, lineId: line.id, text: question, language, visibility: 'all', limit: 3 });
  return { language, ranked, answer: null, results: search.hits.map(({ score: _score, ...hit }) => hit) };
}

function modelFor(knowledge: KnowledgeService, line: Line, language: Language): IntentModel | null {
  let cache = caches.get(knowledge);
  if (!cache) caches.set(knowledge, (cache = new Map()));
  const key = `${line.id}:${language}`;
  const cached = cache.get(key);
  // The bot object is replaced when content managers change it, so identity tells a change.
  if (cached && cached.revision === knowledge.revision && cached.botExamples === line.bot) return cached.model;
  const model = train(knowledge.ofLine(line.tenantId, line.id).filter((a) => a.language === language), line, language);
  cache.set(key, { revision: knowledge.revision, botExamples: line.bot, model });
  return model;
}

function train(articles: StoredArticle[], line: Line, language: Language): IntentModel | null {
  if (articles.length === 0) return null;
  const examples: IntentExample[] = [];
  for (const article of articles) {
    const texts = [article.title, ...article.tags.map((t) => t.replace(/[_-]/g, ' ')), ...piecesOf(article.body), ...article.steps.flatMap((s) => [s.title, ...piecesOf(s.body)])];
    for (const intent of line.bot?.intents ?? []) {
      if (intent.articleId === article.id || article.tags.includes(intent.id)) texts.push(...(intent.examples[language] ?? []));
    }
    for (const text of texts.filter((t) => t.trim().length > 2).slice(0, EXAMPLES_PER_ARTICLE)) examples.push({ text, intent: article.id, language });
  }
  for (const text of OUT_OF_SCOPE_EXAMPLES[language]) examples.push({ text, intent: OUT_OF_SCOPE_INTENT, language });
  return trainIntentModel(examples, { language, validationShare: 0 });
}

/** Sentences, and the clauses of long ones: a list of signals in one sentence becomes one example per signal. */
function piecesOf(text: string): string[] {
  return splitSentences(text.replace(/<[^>]*>/g, ' ')).flatMap((sentence) => {
    const clauses = sentence.split(/[,;:]\s+/).filter((c) => c.split(/\s+/).length >= 3);
    return clauses.length > 1 ? [sentence, ...clauses] : [sentence];
  });
}

function lead(article: StoredArticle): string {
  const first = splitSentences(article.body.replace(/<[^>]*>/g, ' ')).slice(0, 2).join(' ');
  return first.length > 300 ? `${first.slice(0, 300).trimEnd()}…` : first;
}
