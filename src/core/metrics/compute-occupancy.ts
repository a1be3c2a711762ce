import type { AgentStatusTime, Figure } from './metrics.types.js';

/**
 * Occupancy = time handling contacts / staffed time, with handling = `busy` + `wrap_up` and
 * staffed = `available` + `busy` + `wrap_up`. Away and offline time is not staffed time:
 * an agent at a break is not idle capacity the queue could have used. Numerator and
 * denominator are in seconds.
 */
export function computeOccupancy(statusTimes: readonly AgentStatusTime[]): Figure {
  let handling = 0;
  let staffed = 0;
  for (const { status, seconds } of statusTimes) {
    if (!(seconds > 0)) continue;
    if (status === 'busy' || status === 'wrap_up') handling += seconds;
    if (status === 'busy' || status === 'wrap_up' || status === 'available') staffed += seconds;
  }
  return { value: staffed === 0 ? null : handling / staffed, numerator: handling, denominator: staffed };
}
