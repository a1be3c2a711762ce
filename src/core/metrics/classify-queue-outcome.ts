import { secondsBetween } from './figure.js';
import type { ContactRecord } from './metrics.types.js';

/**
 * What happened to a contact in the agents' queue, with the wait it had.
 * - `not_queued`: never entered the queue (resolved by the bot, closed in the IVR);
 * - `answered` / `abandoned`: the wait ended with an agent or with the contact leaving;
 * - `unresolved`: queued but neither answered nor abandoned in the records (still waiting
 *   when the period was read, or moved to another service before an answer);
 * - `incomplete`: a timestamp the wait needs is missing or runs backwards.
 */
export type QueueOutcome =
  | { kind: 'not_queued' }
  | { kind: 'answered'; waitSeconds: number }
  | { kind: 'abandoned'; waitSeconds: number }
  | { kind: 'unresolved' }
  | { kind: 'incomplete' };

export function classifyQueueOutcome(record: ContactRecord): QueueOutcome {
  const abandoned = record.outcome === 'abandoned' || isSet(record.abandonedAt);
  const answered = isSet(record.answeredAt);
  // An agent's own outbound call (a campaign call) is answered without a queue: not an inbound contact to serve.
  if (!isSet(record.enqueuedAt) && record.direction === 'outbound') return { kind: 'not_queued' };
  if (!isSet(record.enqueuedAt)) return answered || abandoned ? { kind: 'incomplete' } : { kind: 'not_queued' };
  // An answer wins over an abandon flag: the contact did reach an agent.
  if (answered) return waited('answered', secondsBetween(record.enqueuedAt, record.answeredAt));
  if (abandoned) return waited('abandoned', secondsBetween(record.enqueuedAt, record.abandonedAt ?? record.endedAt));
  return { kind: 'unresolved' };
}

function waited(kind: 'answered' | 'abandoned', waitSeconds: number | null): QueueOutcome {
  return waitSeconds === null ? { kind: 'incomplete' } : { kind, waitSeconds };
}

function isSet(value: number | null | undefined): value is number {
  return value !== null && value !== undefined;
}

/**
 * The queue outcomes of a period, tallied once for the service-level, answer-rate and
 * wait figures. Abandons shorter than `shortAbandonSeconds` are split off: lines that
 * exclude them treat them as misdials, not as contacts they failed to serve.
 */
export interface QueueTally {
  answeredWaits: number[];
  abandonedWaits: number[];
  shortAbandons: number;
  unresolved: number;
  notQueued: number;
  incomplete: number;
}

export function tallyQueueOutcomes(records: readonly ContactRecord[], shortAbandonSeconds = 0): QueueTally {
  const tally: QueueTally = { answeredWaits: [], abandonedWaits: [], shortAbandons: 0, unresolved: 0, notQueued: 0, incomplete: 0 };
  for (const record of records) {
    const outcome = classifyQueueOutcome(record);
    if (outcome.kind === 'answered') tally.answeredWaits.push(outcome.waitSeconds);
    else if (outcome.kind === 'abandoned' && outcome.waitSeconds < shortAbandonSeconds) tally.shortAbandons += 1;
    else if (outcome.kind === 'abandoned') tally.abandonedWaits.push(outcome.waitSeconds);
    else if (outcome.kind === 'unresolved') tally.unresolved += 1;
    else if (outcome.kind === 'not_queued') tally.notQueued += 1;
    else tally.incomplete += 1;
  }
  return tally;
}
