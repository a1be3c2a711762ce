import { detectFraudSignals, type FraudSignal } from '../../core/assist/index.js';
import type { Agent, ConversationEvent, Language } from '../../core/model/index.js';
import type { ProcedureStep, StoredArticle } from '../../storage/index.js';
import { assertCanRead } from '../conversation/access.js';
import { loadConversation } from '../conversation/read-conversation.js';
import type { ServiceDeps } from '../deps.js';
import { describe, type ArticleHit } from './knowledge.service.js';

/** How many of the customer's latest messages the suggestions follow. */
const FOLLOWED_MESSAGES = 3;
/** Fraud signals are looked for further back: a code given away early still matters. */
const SCREENED_MESSAGES = 20;
const SUGGESTIONS = 3;
const LOG_PAGE = 1000;
const FRAUD_TAG = 'fraude';

export type AssistArticle = Omit<ArticleHit, 'score'> & { reason: 'intent' | 'search' | 'fraud' };

export interface AssistProcedure {
  articleId: string;
  title: string;
  steps: ProcedureStep[];
  warnings: string[];
}

export interface AssistSuggestions {
  conversationId: string;
  language: Language;
  /** What the customer bot recognised, latest first. */
  intents: string[];
  warnings: FraudSignal[];
  articles: AssistArticle[];
  procedure: AssistProcedure | null;
}

/**
 * What the assist panel suggests for a live conversation: articles for the customer's latest
 * messages and the bot's recognised intents, the matching guided procedure, and fraud warnings.
 */
export async function suggestAssist(deps: ServiceDeps, agent: Agent, conversationId: string): Promise<AssistSuggestions> {
  const conversation = await loadConversation(deps, conversationId);
  assertCanRead(conversation, { kind: 'agent', agent });
  const events = await deps.repos.events.listAfter(conversationId, 0, LOG_PAGE);
  const said = customerTexts(events);
  const intents = botIntents(events);
  const warnings = detectFraudSignals(said.slice(-SCREENED_MESSAGES));
  const { tenantId, lineId, language } = conversation;
  const knowledge = deps.knowledge;

  const ranked = new Map<string, AssistArticle>();
  const add = (article: StoredArticle, reason: AssistArticle['reason'], snippet: string) => {
    if (!ranked.has(article.id)) ranked.set(article.id, { ...describe(article), snippet, reason });
  };
  for (const intent of intents) for (const article of knowledge.tagged(tenantId, lineId, language, intent)) add(article, 'intent', leadOf(article));
  const text = said.slice(-FOLLOWED_MESSAGES).join('\n');
  const found = text.trim() ? knowledge.search({ tenantId, lineId, language, text, visibility: 'all', limit: 10 }).hits : [];
  const byId = (id: string) => knowledge.get(tenantId, id);
  const addHit = (hit: { id: string; snippet: string }) => {
    const article = byId(hit.id);
    if (article) add(article, 'search', hit.snippet);
  };
  // The best match for the customer's words leads when the bot recognised nothing; fraud guidance follows it.
  if (found[0] && ranked.size === 0) addHit(found[0]);
  if (warnings.length > 0) for (const article of knowledge.tagged(tenantId, lineId, language, FRAUD_TAG)) add(article, 'fraud', leadOf(article));
  for (const hit of found) addHit(hit);

  const articles = [...ranked.values()];
  const withSteps = articles.map((a) => byId(a.id)).find((a): a is StoredArticle => !!a && a.steps.length > 0);
  const procedure = withSteps ? { articleId: withSteps.id, title: withSteps.title, steps: withSteps.steps, warnings: withSteps.warnings } : null;
  return { conversationId, language, intents, warnings, articles: articles.slice(0, SUGGESTIONS), procedure };
}

function customerTexts(events: readonly ConversationEvent[]): string[] {
  return events.filter((e) => e.type === 'message.created' && e.actor.kind === 'customer').map((e) => String(e.data.text ?? ''));
}

/** Intents from `bot.answered` (one) and `bot.clarified` (the options asked about), latest first, once each. */
function botIntents(events: readonly ConversationEvent[]): string[] {
  const intents: string[] = [];
  for (const event of [...events].reverse()) {
    if (event.type === 'bot.answered' && typeof event.data.intent === 'string') intents.push(event.data.intent);
    if (event.type === 'bot.clarified' && Array.isArray(event.data.intents)) for (const i of event.data.intents) if (typeof i === 'string') intents.push(i);
  }
  return [...new Set(intents)];
}

/** The first sentence or so of the body, for a suggestion that came from a tag rather than a search. */
function leadOf(article: StoredArticle): string {
  return article.body.length <= 200 ? article.body : `${article.body.slice(0, 200).replace(/\s+\S*$/, '')}…`;
}
