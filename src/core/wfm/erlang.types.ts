/**
 * The load of one planning interval. Times are in seconds; `callsPerInterval` may be a
 * forecast with decimals. Contacts are assumed to arrive at random (Poisson) and to wait
 * until answered (no abandons), the assumptions of Erlang C; with real abandons it slightly
 * overstates the staff needed.
 */
export interface TrafficInput {
  callsPerInterval: number;
  intervalSeconds: number;
  /** Average handle time: talk + hold + wrap-up. */
  ahtSeconds: number;
}

export interface StaffedTrafficInput extends TrafficInput {
  /** Agents answering during the interval (a whole number). */
  agents: number;
}

export interface ServiceLevelInput extends StaffedTrafficInput {
  /** T in "80% answered within 20 s". */
  targetSeconds: number;
}

export interface StaffingInput extends TrafficInput {
  targetSeconds: number;
  /** Share to answer within `targetSeconds`, 0 < x < 1 (0.8 for 80/20). */
  targetServiceLevel: number;
  /** Optional cap on occupancy, 0 < x ≤ 1: beyond ~85–90% agents burn out. */
  maxOccupancy?: number;
  /** Share of paid time not spent on the queue (breaks, training, absence), 0 ≤ x < 1. */
  shrinkage?: number;
}

export interface StaffingRequirement {
  /** Smallest number of agents on the queue meeting the service level (and occupancy cap). */
  agents: number;
  /** Agents to schedule so that `agents` remain after shrinkage: ⌈agents / (1 − shrinkage)⌉. */
  scheduledAgents: number;
  trafficErlangs: number;
  serviceLevel: number;
  probabilityOfWaiting: number;
  averageSpeedOfAnswerSeconds: number;
  occupancy: number;
}
