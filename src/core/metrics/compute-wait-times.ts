import { classifyQueueOutcome, tallyQueueOutcomes } from './classify-queue-outcome.js';
import { figure } from './figure.js';
import type { ContactRecord, Figure } from './metrics.types.js';

export interface WaitFigure extends Figure {
  incompleteExcluded: number;
}

/**
 * Average speed of answer (ASA) = total queue wait of answered contacts / answered
 * contacts, in seconds. Only answered contacts count: the industry-standard ASA says how
 * fast the line answers, not how long abandoning contacts held on (see
 * {@link computeAverageWait} for that).
 */
export function computeAverageSpeedOfAnswer(records: readonly ContactRecord[]): WaitFigure {
  const tally = tallyQueueOutcomes(records);
  return { ...figure(sum(tally.answeredWaits), tally.answeredWaits.length), incompleteExcluded: tally.incomplete };
}

/**
 * Average wait = total queue wait of answered and abandoned contacts / their count, in
 * seconds: what a contact that queued went through, whether or not an agent answered.
 */
export function computeAverageWait(records: readonly ContactRecord[]): WaitFigure {
  const tally = tallyQueueOutcomes(records);
  const waits = [...tally.answeredWaits, ...tally.abandonedWaits];
  return { ...figure(sum(waits), waits.length), incompleteExcluded: tally.incomplete };
}

export interface LongestWait {
  /** Seconds, or `null` when no contact finished a wait in the period. */
  value: number | null;
  conversationId: string | null;
  /** How many finished waits (answered or abandoned) were compared. */
  count: number;
}

/**
 * The longest finished queue wait of the period, answered or abandoned. Contacts still
 * waiting have no end yet and are left out; a live wallboard measures them against its own
 * clock instead.
 */
export function computeLongestWait(records: readonly ContactRecord[]): LongestWait {
  let longest: LongestWait = { value: null, conversationId: null, count: 0 };
  for (const record of records) {
    const waitSeconds = finishedWait(record);
    if (waitSeconds === null) continue;
    const isLonger = longest.value === null || waitSeconds > longest.value;
    longest = isLonger
      ? { value: waitSeconds, conversationId: record.conversationId, count: longest.count + 1 }
      : { ...longest, count: longest.count + 1 };
  }
  return longest;
}

function finishedWait(record: ContactRecord): number | null {
  const outcome = classifyQueueOutcome(record);
  return outcome.kind === 'answered' || outcome.kind === 'abandoned' ? outcome.waitSeconds : null;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
