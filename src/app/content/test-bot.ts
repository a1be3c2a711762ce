import { DEFAULT_BOT_SETTINGS, pickText, type Language } from '../../core/model/index.js';
import { clarifyText, handoverText } from '../bot/bot-texts.js';
import { articleOfIntent, definedSettings, intentAnswer, planBotTurn } from '../bot/plan-bot-turn.js';
import type { ServiceDeps } from '../deps.js';
import { lineOfTenant } from './bot-content.js';
import { contentErrors } from './content.errors.js';

export interface BotTestResult {
  language: Language;
  /** Top intents with calibrated confidences, best first. */
  ranked: Array<{ intent: string; label: string; confidence: number }>;
  /** Probability that the question is none of the line's intents. */
  outOfScope: number;
  decision: 'answer' | 'clarify' | 'hand_over';
  /** Why: the intent answered, or the handover reason, or `close_call` for a clarifying question. */
  reason: string;
  /** What the customer would read. */
  reply: string;
  /** The article behind the answer: the intent's linked or tagged article, or the public article answered from. */
  article: { id: string; title: string; visibility: 'public' | 'internal'; procedure: boolean; source: 'intent' | 'article_answer' } | null;
  settings: { answerThreshold: number; clarifyMargin: number; maxBotTurns: number };
}

/**
 * The bot test console: what the line's bot would do with a question as the first message of a
 * conversation, and why. Works on a switched-off bot too, so content can be tried before going live.
 */
export function testBot(deps: ServiceDeps, tenantId: string, lineId: string, language: Language, text: string): BotTestResult {
  const line = lineOfTenant(deps, tenantId, lineId);
  const bot = line.bot;
  if (!bot) throw contentErrors.noBot(lineId);
  if (!line.languages.includes(language)) throw contentErrors.invalid(`line ${lineId} does not offer ${language}`);
  const plan = planBotTurn(deps, line, bot, text, language, { turns: 0, answered: [], offered: null, options: null });
  const label = (id: string) => {
    const intent = bot.intents.find((i) => i.id === id);
    return (intent?.label && pickText(intent.label, language)) || id;
  };
  const base = {
    language,
    ranked: plan.ranking.ranked.map((r) => ({ ...r, label: label(r.intent) })),
    outOfScope: plan.ranking.outOfScope,
    settings: { ...DEFAULT_BOT_SETTINGS, ...definedSettings(bot) },
  };
  if (plan.article) {
    const article = deps.knowledge.get(tenantId, plan.article.articleId)!;
    return { ...base, decision: 'answer', reason: 'public_article', reply: plan.article.text, article: { id: article.id, title: article.title, visibility: article.visibility, procedure: article.steps.length > 0, source: 'article_answer' } };
  }
  const { decision } = plan;
  if (decision.kind === 'answer') {
    const article = articleOfIntent(deps, line, bot.intents.find((i) => i.id === decision.intent), language);
    return {
      ...base,
      decision: 'answer',
      reason: decision.intent,
      reply: intentAnswer(bot, decision.intent, language),
      article: article ? { id: article.id, title: article.title, visibility: article.visibility, procedure: article.steps.length > 0, source: 'intent' } : null,
    };
  }
  if (decision.kind === 'clarify') {
    return { ...base, decision: 'clarify', reason: 'close_call', reply: clarifyText(language, label(decision.intents[0]), label(decision.intents[1])), article: null };
  }
  return { ...base, decision: 'hand_over', reason: decision.reason, reply: handoverText(language, decision.reason), article: null };
}
