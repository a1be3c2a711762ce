import type { ServiceLevelInput, StaffedTrafficInput, TrafficInput } from './erlang.types.js';
import { assertAgents, assertTargetSeconds, assertTraffic } from './validate-erlang-input.js';

/** Offered traffic A in Erlangs = calls × AHT / interval: the agents busy on average. */
export function trafficIntensity(input: TrafficInput): number {
  assertTraffic(input);
  return (input.callsPerInterval * input.ahtSeconds) / input.intervalSeconds;
}

/**
 * Erlang B blocking probability for traffic A on N servers, by the recursion
 * B(0) = 1, B(n) = A·B(n−1) / (n + A·B(n−1)). Every step stays in [0, 1], so unlike the
 * textbook A^N / N! form it neither overflows nor loses precision for thousands of agents.
 */
export function erlangB(traffic: number, agents: number): number {
  let blocking = 1;
  for (let n = 1; n <= agents; n += 1) blocking = nextErlangB(blocking, traffic, n);
  return blocking;
}

export function nextErlangB(previous: number, traffic: number, agents: number): number {
  return (traffic * previous) / (agents + traffic * previous);
}

/**
 * Erlang C from Erlang B: C = N·B / (N − A·(1 − B)). With N ≤ A the queue grows without
 * bound and every contact waits, so C = 1.
 */
export function erlangCFromB(blocking: number, traffic: number, agents: number): number {
  if (agents <= traffic) return 1;
  return (agents * blocking) / (agents - traffic * (1 - blocking));
}

/**
 * Erlang C: the probability that a contact has to wait (all agents busy on arrival).
 *
 * @example
 * erlangC({ callsPerInterval: 100, intervalSeconds: 1800, ahtSeconds: 180, agents: 14 }) // ≈ 0.1741
 */
export function erlangC(input: StaffedTrafficInput): number {
  assertAgents(input);
  const traffic = trafficIntensity(input);
  if (traffic === 0) return 0;
  return erlangCFromB(erlangB(traffic, input.agents), traffic, input.agents);
}

/**
 * Service level: the share of contacts answered within T,
 * SL = 1 − C · e^(−(N − A) · T / AHT). 0 when N ≤ A (the queue never drains).
 */
export function serviceLevel(input: ServiceLevelInput): number {
  assertTargetSeconds(input.targetSeconds);
  const traffic = trafficIntensity(input);
  return serviceLevelFrom(erlangC(input), traffic, input.agents, input.targetSeconds / input.ahtSeconds);
}

export function serviceLevelFrom(probabilityOfWaiting: number, traffic: number, agents: number, targetInAht: number): number {
  if (traffic === 0) return 1;
  if (agents <= traffic) return 0;
  return 1 - probabilityOfWaiting * Math.exp(-(agents - traffic) * targetInAht);
}

/**
 * Average speed of answer in seconds, over all contacts (those answered at once count as
 * 0): ASA = C · AHT / (N − A). Infinite when N ≤ A.
 */
export function averageSpeedOfAnswer(input: StaffedTrafficInput): number {
  const traffic = trafficIntensity(input);
  return averageSpeedOfAnswerFrom(erlangC(input), traffic, input.agents, input.ahtSeconds);
}

export function averageSpeedOfAnswerFrom(probabilityOfWaiting: number, traffic: number, agents: number, ahtSeconds: number): number {
  if (traffic === 0) return 0;
  if (agents <= traffic) return Number.POSITIVE_INFINITY;
  return (probabilityOfWaiting * ahtSeconds) / (agents - traffic);
}

/**
 * Occupancy = A / N: the share of staffed time agents spend handling contacts. Capped at 1,
 * since with N ≤ A agents are busy all the time and the excess waits in the queue.
 */
export function occupancy(input: StaffedTrafficInput): number {
  assertAgents(input);
  const traffic = trafficIntensity(input);
  if (traffic === 0) return 0;
  return input.agents === 0 ? 1 : Math.min(1, traffic / input.agents);
}
