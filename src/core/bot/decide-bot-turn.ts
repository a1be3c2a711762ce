import { isPersonRequest } from './detect-person-request.js';

export interface RankedIntent {
  intent: string;
  /** Calibrated probability (0–1). */
  confidence: number;
}

export interface BotTurnSettings {
  answerThreshold: number;
  clarifyMargin: number;
  maxBotTurns: number;
}

/** What the bot did so far in this conversation (rebuilt from the event log after a reload). */
export interface BotHistory {
  /** Bot replies to the customer so far (answers and clarifying questions, not the greeting). */
  turns: number;
  /** Intents the bot already answered. */
  answered: readonly string[];
  /** The intents offered by the last clarifying question, if the bot's last turn was one. */
  offered: readonly string[] | null;
}

export interface BotTurnInput {
  text: string;
  /** Top intents, best first. */
  ranked: readonly RankedIntent[];
  settings: BotTurnSettings;
  history: BotHistory;
  /** The intent the customer picked from the last clarifying question, when the text names one. */
  chosen?: string | null;
}

/** Settings are compared with sums of floats: 0.6 - 0.45 must count as a margin of 0.15. */
const EPSILON = 1e-9;

/** `intent`: the answered intent hands over at once (e.g. fraud goes to the fraud team). */
export type HandoverReason = 'customer_asked' | 'low_confidence' | 'repeat' | 'max_turns' | 'intent';

export type BotTurnDecision =
  | { kind: 'answer'; intent: string; confidence: number }
  | { kind: 'clarify'; intents: [string, string]; confidences: [number, number] }
  | { kind: 'hand_over'; reason: HandoverReason };

/**
 * The customer bot's choice for one customer message: answer, ask which of two it meant, or
 * hand over to an agent. A person request always wins; then the turn limit; then confidence.
 *
 * @example
 *   decideBotTurn({ text: 'kaart gestolen', ranked: [{ intent: 'kaart', confidence: 0.9 }, { intent: 'limiet', confidence: 0.05 }],
 *     settings: { answerThreshold: 0.6, clarifyMargin: 0.15, maxBotTurns: 4 }, history: { turns: 0, answered: [], offered: null } });
 *   // → { kind: 'answer', intent: 'kaart', confidence: 0.9 }
 */
export function decideBotTurn(input: BotTurnInput): BotTurnDecision {
  const { settings, history } = input;
  if (isPersonRequest(input.text)) return handOver('customer_asked');
  if (history.turns >= settings.maxBotTurns) return handOver('max_turns');
  if (input.chosen) return answerUnlessRepeated(input.chosen, 1, history);
  const [top, second] = input.ranked;
  if (!top) return handOver('low_confidence');
  const runnerUp = second?.confidence ?? 0;
  const clear = top.confidence - runnerUp >= settings.clarifyMargin - EPSILON;
  if (clear && top.confidence >= settings.answerThreshold - EPSILON) return answerUnlessRepeated(top.intent, top.confidence, history);
  // Close call between two likely intents: ask once which one it is; asking again helps nobody.
  const together = top.confidence + runnerUp >= settings.answerThreshold;
  if (second && !clear && together && history.offered === null) {
    return { kind: 'clarify', intents: [top.intent, second.intent], confidences: [top.confidence, second.confidence] };
  }
  return handOver('low_confidence');
}

/** The same question answered before means the answer did not help: a person should take over. */
function answerUnlessRepeated(intent: string, confidence: number, history: BotHistory): BotTurnDecision {
  if (history.answered.includes(intent)) return handOver('repeat');
  return { kind: 'answer', intent, confidence };
}

function handOver(reason: HandoverReason): BotTurnDecision {
  return { kind: 'hand_over', reason };
}
