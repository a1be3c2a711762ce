import type { AbusePolicy } from './abuse-policy.schema.js';

const HOUR_MS = 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

/** First offence gets the short block; a key that was blocked before gets the repeat block. */
export function policyBlockHours(policy: AbusePolicy, previousBlocks: number): number {
  return previousBlocks > 0 ? policy.block.repeatHours : policy.block.prankHours;
}

export function hoursFrom(now: number, hours: number): number {
  return now + Math.round(hours * HOUR_MS);
}

export function minutesFrom(now: number, minutes: number): number {
  return now + minutes * MINUTE_MS;
}
