import { tallyQueueOutcomes } from './classify-queue-outcome.js';
import { figure } from './figure.js';
import type { ContactRecord, Figure } from './metrics.types.js';

export interface QueueRateOptions {
  /** Abandons shorter than this count neither as offered nor as abandoned. 0 = none. */
  shortAbandonSeconds?: number;
}

export interface QueueRate extends Figure {
  shortAbandonsExcluded: number;
  incompleteExcluded: number;
}

/**
 * Answer rate = answered / offered, with offered = answered + abandoned in the queue
 * (short abandons removed from both when the line excludes them). Contacts that never
 * queued, or were still waiting, are not offered.
 */
export function computeAnswerRate(records: readonly ContactRecord[], options: QueueRateOptions = {}): QueueRate {
  const tally = tallyQueueOutcomes(records, options.shortAbandonSeconds ?? 0);
  const answered = tally.answeredWaits.length;
  const offered = answered + tally.abandonedWaits.length;
  return { ...figure(answered, offered), shortAbandonsExcluded: tally.shortAbandons, incompleteExcluded: tally.incomplete };
}
