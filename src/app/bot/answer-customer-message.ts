import { anonymise } from '../../ai/anonymiser/index.js';
import type { BotTurnDecision } from '../../core/bot/index.js';
import { pickText, type Actor, type ConversationEvent, type IntentHandover, type Language, type Line, type LineBot } from '../../core/model/index.js';
import type { UnansweredReason } from '../../storage/index.js';
import type { ServiceDeps } from '../deps.js';
import { newId } from '../ids.js';
import type { LiveConversation } from '../live-conversations.js';
import { activeBotOf } from './bot-models.js';
import { botStateOf, noteAnswer, noteClarification, type BotState } from './bot-state.js';
import { clarifyText, DEFAULT_BOT_NAME } from './bot-texts.js';
import { handOverToAgent } from './hand-over-to-agent.js';
import { articleMarker, intentAnswer, planBotTurn, type BotTurnPlan } from './plan-bot-turn.js';

/**
 * Handovers whose question goes to the content managers' unanswered list: the bot was not sure,
 * the customer asked the same again (the answer did not help), or the conversation reached the
 * bot's turn limit. A request for a person or an intent that hands over by design are not gaps.
 */
const UNANSWERED_HANDOVERS: ReadonlySet<string> = new Set(['low_confidence', 'repeat', 'max_turns']);

/**
 * The customer bot's turn after a customer message in state `bot`: answer (from an intent or a
 * public article), ask which of two questions was meant, or hand over to an agent. Runs after the
 * message was acknowledged, on its own turn of the conversation's lock (like the safety
 * screening), so it never delays the ack.
 */
export async function answerCustomerMessage(deps: ServiceDeps, message: ConversationEvent): Promise<void> {
  const conversation = deps.live.peek(message.conversationId)?.conversation;
  // A call in state `bot` is in the IVR, which the keypad drives, not the chat bot.
  if (!conversation || conversation.state !== 'bot' || conversation.channel === 'voice' || message.type !== 'message.created' || message.actor.kind !== 'customer') return;
  const line = deps.directory.line(conversation.lineId);
  const bot = activeBotOf(line);
  const text = String(message.data.text ?? '');
  let unanswered: BotTurnPlan | null = null;
  const handedOver = await deps.live.withConversation(message.conversationId, async (entry) => {
    // Screening may have ended it, or an earlier turn handed it over, while this one waited.
    if (entry.conversation.state !== 'bot') return false;
    const actor = botActor(bot);
    if (!bot) {
      await handOverToAgent(deps, entry, 'low_confidence', actor);
      return true;
    }
    const state = await botStateOf(deps, entry);
    const plan = planBotTurn(deps, line, bot, text, entry.conversation.language, state);
    if (plan.decision.kind === 'hand_over' && UNANSWERED_HANDOVERS.has(plan.decision.reason) && !plan.article) unanswered = plan;
    return carryOut(deps, entry, bot, actor, state, plan);
  });
  if (handedOver) {
    const c = deps.live.peek(message.conversationId)?.conversation;
    if (c?.state === 'queued') deps.routing.enqueue(c);
  }
  if (unanswered) await recordUnanswered(deps, line, conversation.id, conversation.language, text, unanswered);
}

async function carryOut(deps: ServiceDeps, entry: LiveConversation, bot: LineBot, actor: Actor, state: BotState, plan: BotTurnPlan): Promise<boolean> {
  const language = entry.conversation.language;
  const { decision } = plan;
  if (plan.article) {
    const { articleId, coverage, text } = plan.article;
    await deps.recorder.record(
      entry,
      [
        { type: 'message.created', actor, data: { text, articleId } },
        { type: 'bot.answered', actor, data: { articleId, confidence: coverage, source: 'article' } },
      ],
      false,
    );
    noteAnswer(state, articleMarker(articleId));
    return false;
  }
  if (decision.kind === 'hand_over') {
    await handOverToAgent(deps, entry, decision.reason, actor, routingOf(bot, recognisedIntent(bot, state, plan)));
    return true;
  }
  if (decision.kind === 'answer') {
    await deps.recorder.record(
      entry,
      [
        { type: 'message.created', actor, data: { text: intentAnswer(bot, decision.intent, language), intent: decision.intent } },
        { type: 'bot.answered', actor, data: { intent: decision.intent, confidence: decision.confidence } },
      ],
      false,
    );
    noteAnswer(state, decision.intent);
    const routing = routingOf(bot, decision.intent);
    if (routing?.handover.immediate) {
      await handOverToAgent(deps, entry, 'intent', actor, routing);
      return true;
    }
    return false;
  }
  const options = decision.intents.map((intent) => ({ intent, label: labelOf(bot, intent, language) }));
  await deps.recorder.record(
    entry,
    [
      { type: 'message.created', actor, data: { text: clarifyText(language, options[0]!.label, options[1]!.label), options } },
      { type: 'bot.clarified', actor, data: { intents: decision.intents, confidences: decision.confidences, options } },
    ],
    false,
  );
  noteClarification(state, options);
  return false;
}

/**
 * The intent a handover is routed by: this message's top intent when it reached the answer
 * threshold (a repeat of a recognised question), else the last intent the bot answered.
 */
function recognisedIntent(bot: LineBot, state: BotState, plan: BotTurnPlan): string | undefined {
  const top = plan.ranking.ranked[0];
  if (top && top.confidence >= (bot.answerThreshold ?? 0.6)) return top.intent;
  return [...state.answered].reverse().find((a) => bot.intents.some((i) => i.id === a));
}

function routingOf(bot: LineBot, intentId: string | undefined): { intent: string; handover: IntentHandover } | undefined {
  const handover = intentId ? bot.intents.find((i) => i.id === intentId)?.handover : undefined;
  return intentId && handover ? { intent: intentId, handover } : undefined;
}

/**
 * Keeps a message the bot could not answer, anonymised, for the content managers' list of
 * unanswered questions. After the lock and outside the message path: a failure is logged, the
 * conversation goes on.
 */
async function recordUnanswered(deps: ServiceDeps, line: Line, conversationId: string, language: Language, text: string, plan: BotTurnPlan): Promise<void> {
  const top = plan.ranking.ranked[0];
  try {
    await deps.repos.unanswered.insert({
      id: newId('uq'),
      tenantId: line.tenantId,
      lineId: line.id,
      conversationId,
      language,
      text: anonymise(text, { language }).text,
      reason: unansweredReason(plan),
      topIntent: top?.intent ?? null,
      topConfidence: top?.confidence ?? null,
      status: 'open',
      resolvedIntent: null,
      createdAt: deps.clock.now(),
      resolvedAt: null,
    });
  } catch (error) {
    deps.log('error', 'could not keep an unanswered bot question', { conversationId, error: String(error) });
  }
}

/** Why the question is on the list: the handover's reason, with out-of-scope told apart from unsure. */
function unansweredReason(plan: BotTurnPlan): UnansweredReason {
  const { decision } = plan;
  if (decision.kind === 'hand_over' && (decision.reason === 'repeat' || decision.reason === 'max_turns')) return decision.reason;
  const top = plan.ranking.ranked[0];
  return plan.ranking.outOfScope > (top?.confidence ?? 0) ? 'out_of_scope' : 'low_confidence';
}

export function botActor(bot: LineBot | undefined): Actor {
  return { kind: 'bot', name: bot?.name ?? DEFAULT_BOT_NAME };
}

function labelOf(bot: LineBot, intentId: string, language: Language): string {
  const intent = bot.intents.find((i) => i.id === intentId);
  if (!intent) return intentId;
  return (intent.label && pickText(intent.label, language)) || intent.examples[language]?.[0] || intent.id;
}

export type { BotTurnDecision };
