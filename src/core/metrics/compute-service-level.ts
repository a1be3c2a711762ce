import { tallyQueueOutcomes } from './classify-queue-outcome.js';
import type { ContactRecord, Figure } from './metrics.types.js';

/**
 * How abandoned contacts weigh in the service level. The industry uses all four:
 * - `count_against` (default, the strictest): SL = answered ≤ T / (answered + abandoned);
 * - `exclude_within_threshold`: abandons before T leave the denominator, since no agent
 *   could have been expected to answer them yet: answered ≤ T / (answered + abandoned > T);
 * - `count_within_threshold_as_met`: (answered ≤ T + abandoned ≤ T) / (answered + abandoned);
 * - `ignore`: answered ≤ T / answered.
 */
export type AbandonTreatment = 'count_against' | 'exclude_within_threshold' | 'count_within_threshold_as_met' | 'ignore';

export interface ServiceLevelOptions {
  /** T in "80% within 20 s". A wait of exactly T counts as within. */
  thresholdSeconds: number;
  abandonTreatment?: AbandonTreatment;
  /** Abandons shorter than this leave every count, when the line says so (e.g. 5). 0 = none. */
  shortAbandonSeconds?: number;
}

export interface ServiceLevel extends Figure {
  thresholdSeconds: number;
  abandonTreatment: AbandonTreatment;
  answered: number;
  answeredWithinThreshold: number;
  /** Abandons that count (short abandons already removed). */
  abandoned: number;
  abandonedWithinThreshold: number;
  shortAbandonsExcluded: number;
  /** Contacts left out because a timestamp was missing or ran backwards. */
  incompleteExcluded: number;
}

/**
 * Service level: the share of offered contacts answered within the threshold T, the
 * headline figure of a queue ("80% in 20 s"). Offered = answered + abandoned in the queue;
 * contacts that never queued, or are still waiting, are not offered yet. Waits run from
 * `enqueuedAt` to `answeredAt` (or `abandonedAt`), so a contact spanning midnight keeps its
 * true wait. See {@link AbandonTreatment} for the variants; the default counts every abandon
 * against the line.
 *
 * @example
 * computeServiceLevel(records, { thresholdSeconds: 20, shortAbandonSeconds: 5 })
 * // { value: 0.8, numerator: 40, denominator: 50, answered: 45, abandoned: 5, ... }
 */
export function computeServiceLevel(records: readonly ContactRecord[], options: ServiceLevelOptions): ServiceLevel {
  const treatment = options.abandonTreatment ?? 'count_against';
  const threshold = options.thresholdSeconds;
  const tally = tallyQueueOutcomes(records, options.shortAbandonSeconds ?? 0);
  const answered = tally.answeredWaits.length;
  const abandoned = tally.abandonedWaits.length;
  const answeredWithin = tally.answeredWaits.filter((wait) => wait <= threshold).length;
  const abandonedWithin = tally.abandonedWaits.filter((wait) => wait <= threshold).length;
  const [numerator, denominator] = countsFor(treatment, answered, answeredWithin, abandoned, abandonedWithin);
  return {
    value: denominator === 0 ? null : numerator / denominator,
    numerator,
    denominator,
    thresholdSeconds: threshold,
    abandonTreatment: treatment,
    answered,
    answeredWithinThreshold: answeredWithin,
    abandoned,
    abandonedWithinThreshold: abandonedWithin,
    shortAbandonsExcluded: tally.shortAbandons,
    incompleteExcluded: tally.incomplete,
  };
}

function countsFor(
  treatment: AbandonTreatment,
  answered: number,
  answeredWithin: number,
  abandoned: number,
  abandonedWithin: number,
): [number, number] {
  switch (treatment) {
    case 'count_against':
      return [answeredWithin, answered + abandoned];
    case 'exclude_within_threshold':
      return [answeredWithin, answered + abandoned - abandonedWithin];
    case 'count_within_threshold_as_met':
      return [answeredWithin + abandonedWithin, answered + abandoned];
    case 'ignore':
      return [answeredWithin, answered];
  }
}
