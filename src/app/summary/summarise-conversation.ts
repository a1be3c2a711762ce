import { z } from 'zod';
import { anonymise } from '../../ai/anonymiser/index.js';
import { summariseExtractive, type SummaryTurn } from '../../ai/summary/index.js';
import { isPersonRequest } from '../../core/bot/index.js';
import { isTerminal } from '../../core/conversation/lifecycle.js';
import type { Agent, ConversationEvent, Language } from '../../core/model/index.js';
import { assertCanRead } from '../conversation/access.js';
import { loadConversation } from '../conversation/read-conversation.js';
import type { ServiceDeps } from '../deps.js';
import { completeChat, llmSettingsOf, LlmUnavailable, type LlmSettings } from '../llm/llm-provider.js';

export interface ConversationSummary {
  conversationId: string;
  language: Language;
  question: string | null;
  outcome: string | null;
  /** The summary as sentences (extractive) or short lines (provider). */
  sentences: string[];
  source: 'extractive' | 'llm';
  /** Why the provider was not used when one is configured: timeout, http, network, invalid. */
  fallback?: string;
}

const LOG_PAGE = 10_000;
const MAX_TRANSCRIPT_CHARS = 12_000;
const LANGUAGE_NAMES: Record<Language, string> = { nl: 'Dutch', fr: 'French', en: 'English' };
const llmAnswer = z.object({ question: z.string().nullable().optional(), outcome: z.string().nullable().optional(), summary: z.array(z.string()).min(1).max(8) });

/**
 * A summary of a conversation (a chat, or an e-mail thread: quoted history is left out) for the
 * agent's header and history panel. Extractive by default; with `LLM_BASE_URL` set, the provider
 * summarises the anonymised transcript, and any failure or a slow answer falls back to extractive.
 * Readable by whoever may read the conversation, and by the agent handling another open
 * conversation of the same contact on the same line (the history panel).
 */
export async function summariseConversation(deps: ServiceDeps, agent: Agent, conversationId: string): Promise<ConversationSummary> {
  const conversation = await loadConversation(deps, conversationId);
  await assertCanReadSummary(deps, agent, conversation);
  const events = await deps.repos.events.listAfter(conversationId, 0, LOG_PAGE);
  const turns = toTurns(events);
  const { language } = conversation;
  const extractive = (): ConversationSummary => ({ conversationId, language, ...summariseExtractive(turns, language, { maxSentences: 4 }), source: 'extractive' });
  const settings = llmSettingsOf(deps.config);
  if (!settings || turns.length === 0) return extractive();
  try {
    const answer = await summariseWithProvider(settings, turns, language);
    return { conversationId, language, question: answer.question ?? null, outcome: answer.outcome ?? null, sentences: answer.summary, source: 'llm' };
  } catch (error) {
    const reason = error instanceof LlmUnavailable ? error.reason : 'invalid';
    deps.log('warn', 'summary provider unavailable, extractive summary used', { conversationId, reason });
    return { ...extractive(), fallback: reason };
  }
}

async function assertCanReadSummary(deps: ServiceDeps, agent: Agent, conversation: Awaited<ReturnType<typeof loadConversation>>): Promise<void> {
  try {
    assertCanRead(conversation, { kind: 'agent', agent });
  } catch (error) {
    if (conversation.tenantId !== agent.tenantId) throw error;
    const related = await deps.repos.conversations.listByContactOnLine(conversation.tenantId, conversation.contactId, conversation.lineId, 50);
    if (!related.some((c) => c.assignedAgentId === agent.id && !isTerminal(c.state))) throw error;
  }
}

function toTurns(events: readonly ConversationEvent[]): SummaryTurn[] {
  return events.flatMap((e): SummaryTurn[] => {
    if (e.type !== 'message.created' || e.visibility !== 'public' || e.data.internal === true) return [];
    const kind = e.actor.kind;
    const speaker = kind === 'customer' ? 'customer' : kind === 'agent' ? 'agent' : kind === 'bot' ? 'bot' : null;
    const text = typeof e.data.text === 'string' ? e.data.text : '';
    // The greeting and "I want a person" say nothing about the case itself.
    if (speaker === 'bot' && e.data.intent === undefined && e.data.articleId === undefined) return [];
    if (speaker === 'customer' && isPersonRequest(text)) return [];
    return speaker && text.trim() ? [{ speaker, text }] : [];
  });
}

/** Only anonymised text leaves Centraal: names, numbers and addresses become placeholders first. */
async function summariseWithProvider(settings: LlmSettings, turns: readonly SummaryTurn[], language: Language): Promise<z.infer<typeof llmAnswer>> {
  const transcript = turns
    .map((t) => `${t.speaker.toUpperCase()}: ${anonymise(t.text, { language }).text}`)
    .join('\n')
    .slice(-MAX_TRANSCRIPT_CHARS);
  const content = await completeChat(settings, [
    {
      role: 'system',
      content: `You summarise contact-center conversations for the next agent, in ${LANGUAGE_NAMES[language]}. Answer with JSON only: {"question": the customer's question in one sentence, "outcome": how it ended in one sentence, "summary": 2 to 4 short sentences}. Keep placeholders such as [NAME] as they are.`,
    },
    { role: 'user', content: transcript },
  ]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(content.replace(/^```(?:json)?\s*|\s*```$/g, ''));
  } catch {
    throw new LlmUnavailable('invalid', 'provider summary is not JSON');
  }
  const checked = llmAnswer.safeParse(parsed);
  if (!checked.success) throw new LlmUnavailable('invalid', 'provider summary does not have the asked shape');
  return checked.data;
}
