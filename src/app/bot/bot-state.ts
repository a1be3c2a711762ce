import type { BotHistory, OfferedOption } from '../../core/bot/index.js';
import type { ServiceDeps } from '../deps.js';
import type { LiveConversation } from '../live-conversations.js';

/** The bot's part of one conversation so far. */
export interface BotState extends BotHistory {
  /** The options of the last clarifying question, while it is the bot's last turn. */
  options: OfferedOption[] | null;
}

const LOG_LIMIT = 10_000;

// Beside the live entry, like the safety state: a reloaded entry rebuilds it from the log.
const states = new WeakMap<LiveConversation, BotState>();

/** The conversation's bot state, derived from its `bot.*` events the first time it is needed. */
export async function botStateOf(deps: ServiceDeps, entry: LiveConversation): Promise<BotState> {
  const known = states.get(entry);
  if (known) return known;
  const state: BotState = { turns: 0, answered: [], offered: null, options: null };
  for (const event of await deps.repos.events.listAfter(entry.conversation.id, 0, LOG_LIMIT)) {
    if (event.type === 'bot.answered') noteAnswer(state, String(event.data.intent));
    else if (event.type === 'bot.clarified') noteClarification(state, toOptions(event.data.options));
  }
  return states.get(entry) ?? (states.set(entry, state), state);
}

export function noteAnswer(state: BotState, intent: string): void {
  state.turns += 1;
  state.answered = [...state.answered, intent];
  state.offered = null;
  state.options = null;
}

export function noteClarification(state: BotState, options: OfferedOption[]): void {
  state.turns += 1;
  state.offered = options.map((o) => o.intent);
  state.options = options;
}

function toOptions(value: unknown): OfferedOption[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((o: unknown) => {
    const option = o as { intent?: unknown; label?: unknown };
    return typeof option.intent === 'string' && typeof option.label === 'string' ? [{ intent: option.intent, label: option.label }] : [];
  });
}
