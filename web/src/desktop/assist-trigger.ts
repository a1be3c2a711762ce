import type { WireEvent } from '../api/api-types.js';

/**
 * What makes the assist suggestions worth asking for again: a customer message, or the bot
 * recognising an intent. Agent messages, notes and system lines change nothing.
 */
export function assistTrigger(events: readonly WireEvent[]): number {
  return events.filter((e) => (e.type === 'message.created' && e.actor.kind === 'customer') || e.type === 'bot.answered' || e.type === 'bot.clarified').length;
}
