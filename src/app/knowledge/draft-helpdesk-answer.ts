import { anonymise } from '../../ai/anonymiser/index.js';
import type { Language, Line } from '../../core/model/index.js';
import type { ServiceDeps } from '../deps.js';
import { completeChat, llmSettingsOf, LlmUnavailable } from '../llm/llm-provider.js';

const LANGUAGE_NAMES: Record<Language, string> = { nl: 'Dutch', fr: 'French', en: 'English' };
const MAX_ARTICLE_CHARS = 3_000;

export interface HelpdeskDraft {
  /** A short answer written by the provider from the given articles only; null when there is none. */
  text: string | null;
  /** Why there is no draft although a provider is configured: timeout, http, network, invalid. */
  fallback?: string;
}

/**
 * With a provider configured (`LLM_BASE_URL`), a short answer to an agent's helpdesk question,
 * written from the articles the helpdesk found (the best one, or the top results) and nothing
 * else. The question and the articles are anonymised before they leave. Without a provider, or
 * when it fails or is slow, there is no draft and the articles stand on their own.
 */
export async function draftHelpdeskAnswer(deps: ServiceDeps, line: Line, language: Language, question: string, articleIds: readonly string[]): Promise<HelpdeskDraft | null> {
  const settings = llmSettingsOf(deps.config);
  if (!settings || articleIds.length === 0) return null;
  const articles = articleIds.flatMap((id) => {
    const article = deps.knowledge.get(line.tenantId, id);
    return article ? [`# ${article.title}\n${anonymise(article.body, { language }).text.slice(0, MAX_ARTICLE_CHARS)}${article.steps.map((s, i) => `\n${i + 1}. ${s.title}: ${s.body}`).join('')}`] : [];
  });
  try {
    const text = await completeChat(settings, [
      {
        role: 'system',
        content: `You are the internal helpdesk of a contact center. Answer the agent's question in ${LANGUAGE_NAMES[language]} in at most three sentences, using only the articles below; if they do not answer it, say so.\n\n${articles.join('\n\n')}`,
      },
      { role: 'user', content: anonymise(question, { language }).text },
    ]);
    return { text: text.trim() || null };
  } catch (error) {
    const reason = error instanceof LlmUnavailable ? error.reason : 'invalid';
    deps.log('warn', 'helpdesk provider unavailable', { reason });
    return { text: null, fallback: reason };
  }
}
