import { decideBotTurn, matchClarificationChoice, type BotTurnDecision } from '../../core/bot/index.js';
import { DEFAULT_BOT_SETTINGS, pickText, type Actor, type ConversationEvent, type Language, type LineBot } from '../../core/model/index.js';
import type { ServiceDeps } from '../deps.js';
import type { LiveConversation } from '../live-conversations.js';
import { activeBotOf, rankIntents } from './bot-models.js';
import { botStateOf, noteAnswer, noteClarification, type BotState } from './bot-state.js';
import { clarifyText, DEFAULT_BOT_NAME } from './bot-texts.js';
import { handOverToAgent } from './hand-over-to-agent.js';

/**
 * The customer bot's turn after a customer message in state `bot`: answer, ask which of two
 * questions was meant, or hand over to an agent. Runs after the message was acknowledged, on its
 * own turn of the conversation's lock (like the safety screening), so it never delays the ack.
 */
export async function answerCustomerMessage(deps: ServiceDeps, message: ConversationEvent): Promise<void> {
  const conversation = deps.live.peek(message.conversationId)?.conversation;
  // A call in state `bot` is in the IVR, which the keypad drives, not the chat bot.
  if (!conversation || conversation.state !== 'bot' || conversation.channel === 'voice' || message.type !== 'message.created' || message.actor.kind !== 'customer') return;
  const bot = activeBotOf(deps.directory.line(conversation.lineId));
  const text = String(message.data.text ?? '');
  // Ranking runs before the lock: the lock is held for the decision and the writes only.
  const ranked = bot ? rankIntents(bot, text, conversation.language) : [];
  const handedOver = await deps.live.withConversation(message.conversationId, async (entry) => {
    // Screening may have ended it, or an earlier turn handed it over, while this one waited.
    if (entry.conversation.state !== 'bot') return false;
    const actor = botActor(bot);
    const state = await botStateOf(deps, entry);
    if (!bot) {
      await handOverToAgent(deps, entry, 'low_confidence', actor);
      return true;
    }
    const settings = { ...DEFAULT_BOT_SETTINGS, ...definedSettings(bot) };
    const chosen = state.options ? matchClarificationChoice(text, state.options) : null;
    const decision = decideBotTurn({ text, ranked, settings, history: state, chosen });
    return carryOut(deps, entry, bot, actor, state, decision);
  });
  if (handedOver) {
    const c = deps.live.peek(message.conversationId)?.conversation;
    if (c?.state === 'queued') deps.routing.enqueue(c);
  }
}

async function carryOut(deps: ServiceDeps, entry: LiveConversation, bot: LineBot, actor: Actor, state: BotState, decision: BotTurnDecision): Promise<boolean> {
  const language = entry.conversation.language;
  if (decision.kind === 'hand_over') {
    await handOverToAgent(deps, entry, decision.reason, actor);
    return true;
  }
  if (decision.kind === 'answer') {
    const answer = pickText(bot.intents.find((i) => i.id === decision.intent)?.answer ?? {}, language);
    await deps.recorder.record(
      entry,
      [
        { type: 'message.created', actor, data: { text: answer, intent: decision.intent } },
        { type: 'bot.answered', actor, data: { intent: decision.intent, confidence: decision.confidence } },
      ],
      false,
    );
    noteAnswer(state, decision.intent);
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

export function botActor(bot: LineBot | undefined): Actor {
  return { kind: 'bot', name: bot?.name ?? DEFAULT_BOT_NAME };
}

function labelOf(bot: LineBot, intentId: string, language: Language): string {
  const intent = bot.intents.find((i) => i.id === intentId);
  if (!intent) return intentId;
  return (intent.label && pickText(intent.label, language)) || intent.examples[language]?.[0] || intent.id;
}

/** Only the settings the line sets, so an absent one keeps its default. */
function definedSettings(bot: LineBot): Partial<typeof DEFAULT_BOT_SETTINGS> {
  const out: { answerThreshold?: number; clarifyMargin?: number; maxBotTurns?: number } = {};
  if (bot.answerThreshold !== undefined) out.answerThreshold = bot.answerThreshold;
  if (bot.clarifyMargin !== undefined) out.clarifyMargin = bot.clarifyMargin;
  if (bot.maxBotTurns !== undefined) out.maxBotTurns = bot.maxBotTurns;
  return out;
}
