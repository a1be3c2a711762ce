import { decideBotTurn, matchClarificationChoice, type BotTurnDecision } from '../../core/bot/index.js';
import { DEFAULT_BOT_SETTINGS, pickText, type BotIntent, type Language, type Line, type LineBot } from '../../core/model/index.js';
import type { StoredArticle } from '../../storage/index.js';
import type { ServiceDeps } from '../deps.js';
import { ARTICLE_ANSWER_MIN_SHARE, ARTICLE_ANSWER_MIN_WORDS, articleCoverage } from './article-match.js';
import type { IntentRanking } from './bot-models.js';
import type { BotState } from './bot-state.js';

/** A public article the bot answers with when no intent is confident. */
export interface ArticleAnswer {
  articleId: string;
  title: string;
  /** Share of the question's content words the article covers (0–1). */
  coverage: number;
  text: string;
}

/** Everything the bot weighed for one message, and what it will do: the live bot and the test console share it. */
export interface BotTurnPlan {
  ranking: IntentRanking;
  decision: BotTurnDecision;
  /** Set when the bot answers from a public article instead of handing over for low confidence. */
  article: ArticleAnswer | null;
}

const ANSWER_BODY_CHARS = 400;

/**
 * The bot's turn for one customer message: rank the intents, let the pure `decideBotTurn` choose,
 * and when that is a handover for low confidence, answer from a public article of the line in the
 * conversation's language if one covers the question well (and was not given before).
 */
export function planBotTurn(deps: ServiceDeps, line: Line, bot: LineBot, text: string, language: Language, state: BotState): BotTurnPlan {
  const ranking = deps.botModels.rank(line, bot, text, language);
  const settings = { ...DEFAULT_BOT_SETTINGS, ...definedSettings(bot) };
  const chosen = state.options ? matchClarificationChoice(text, state.options) : null;
  const decision = decideBotTurn({ text, ranked: ranking.ranked, settings, history: state, chosen });
  if (decision.kind !== 'hand_over' || decision.reason !== 'low_confidence') return { ranking, decision, article: null };
  const article = publicArticleFor(deps, line, text, language);
  if (!article) return { ranking, decision, article: null };
  if (state.answered.includes(articleMarker(article.articleId))) return { ranking, decision: { kind: 'hand_over', reason: 'repeat' }, article: null };
  return { ranking, decision, article };
}

/** How an article answer is remembered among the answered intents, so giving it twice hands over. */
export function articleMarker(articleId: string): string {
  return `article:${articleId}`;
}

/** The best public article of the line for the question, when it covers the question well enough. */
export function publicArticleFor(deps: ServiceDeps, line: Line, text: string, language: Language): ArticleAnswer | null {
  const result = deps.knowledge.search({ tenantId: line.tenantId, lineId: line.id, text, language, visibility: 'public', limit: 3 });
  for (const hit of result.hits) {
    const article = deps.knowledge.get(line.tenantId, hit.id);
    if (!article || article.visibility !== 'public') continue;
    const coverage = articleCoverage(text, article.title, article.body, language);
    if (coverage.share >= ARTICLE_ANSWER_MIN_SHARE && coverage.matched >= ARTICLE_ANSWER_MIN_WORDS) {
      return { articleId: article.id, title: article.title, coverage: coverage.share, text: answerText(article) };
    }
  }
  return null;
}

/** The article an intent points at: its own link, else the line's article tagged with the intent in that language. */
export function articleOfIntent(deps: ServiceDeps, line: Line, intent: BotIntent | undefined, language: Language): StoredArticle | undefined {
  if (!intent) return undefined;
  const linked = intent.articleId ? deps.knowledge.get(line.tenantId, intent.articleId) : undefined;
  return linked ?? deps.knowledge.tagged(line.tenantId, line.id, language, intent.id)[0];
}

export function intentAnswer(bot: LineBot, intentId: string, language: Language): string {
  return pickText(bot.intents.find((i) => i.id === intentId)?.answer ?? {}, language);
}

/** The article's title and the start of its body, cut at a sentence end when there is one. */
function answerText(article: StoredArticle): string {
  const body = article.body.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
  if (body.length <= ANSWER_BODY_CHARS) return `${article.title}\n${body}`;
  const cut = body.slice(0, ANSWER_BODY_CHARS);
  const end = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('! '), cut.lastIndexOf('? '));
  return `${article.title}\n${end > 100 ? cut.slice(0, end + 1) : `${cut.trimEnd()}…`}`;
}

/** Only the settings the line sets, so an absent one keeps its default. */
export function definedSettings(bot: LineBot): Partial<typeof DEFAULT_BOT_SETTINGS> {
  const out: { answerThreshold?: number; clarifyMargin?: number; maxBotTurns?: number } = {};
  if (bot.answerThreshold !== undefined) out.answerThreshold = bot.answerThreshold;
  if (bot.clarifyMargin !== undefined) out.clarifyMargin = bot.clarifyMargin;
  if (bot.maxBotTurns !== undefined) out.maxBotTurns = bot.maxBotTurns;
  return out;
}
