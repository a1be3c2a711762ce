import { figure } from './figure.js';
import type { ContactRecord, Figure } from './metrics.types.js';

/**
 * Bot-resolved share = conversations the bot resolved without an agent / all conversations
 * that reached the line in the period (every channel, queued or not).
 */
export function computeBotResolvedShare(records: readonly ContactRecord[]): Figure {
  return figure(records.filter((record) => record.botResolved).length, records.length);
}
