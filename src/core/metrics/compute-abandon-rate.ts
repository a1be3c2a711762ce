import { tallyQueueOutcomes } from './classify-queue-outcome.js';
import type { QueueRate, QueueRateOptions } from './compute-answer-rate.js';
import { figure } from './figure.js';
import type { ContactRecord } from './metrics.types.js';

/**
 * Abandon rate = abandoned / offered, over the same offered contacts as the answer rate,
 * so the two add up to 100% whenever there was traffic. Short abandons leave numerator
 * and denominator alike when the line excludes them.
 */
export function computeAbandonRate(records: readonly ContactRecord[], options: QueueRateOptions = {}): QueueRate {
  const tally = tallyQueueOutcomes(records, options.shortAbandonSeconds ?? 0);
  const abandoned = tally.abandonedWaits.length;
  const offered = tally.answeredWaits.length + abandoned;
  return { ...figure(abandoned, offered), shortAbandonsExcluded: tally.shortAbandons, incompleteExcluded: tally.incomplete };
}
