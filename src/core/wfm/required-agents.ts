import { averageSpeedOfAnswerFrom, erlangB, erlangCFromB, nextErlangB, serviceLevelFrom, trafficIntensity } from './erlang-c.js';
import type { StaffingInput, StaffingRequirement } from './erlang.types.js';
import { assertStaffing } from './validate-erlang-input.js';

/**
 * The smallest number of agents N whose Erlang C service level reaches the target (and
 * whose occupancy A / N stays within `maxOccupancy`, when given), plus the staff to
 * schedule once shrinkage is taken off. The search starts just above A and walks Erlang B
 * upwards one agent at a time, so the whole search costs O(N) even for thousands of agents.
 *
 * @example
 * requiredAgents({ callsPerInterval: 100, intervalSeconds: 1800, ahtSeconds: 180,
 *   targetSeconds: 20, targetServiceLevel: 0.8, shrinkage: 0.3 })
 * // { agents: 14, scheduledAgents: 20, serviceLevel: ≈0.8884, ... }
 */
export function requiredAgents(input: StaffingInput): StaffingRequirement {
  assertStaffing(input);
  const traffic = trafficIntensity(input);
  if (traffic === 0) return requirement(0, traffic, 0, input);
  const minForOccupancy = input.maxOccupancy === undefined ? 0 : Math.ceil(traffic / input.maxOccupancy - EPSILON);
  let agents = Math.max(1, Math.floor(traffic) + 1, minForOccupancy);
  let blocking = erlangB(traffic, agents);
  while (serviceLevelFrom(erlangCFromB(blocking, traffic, agents), traffic, agents, input.targetSeconds / input.ahtSeconds) < input.targetServiceLevel) {
    agents += 1;
    blocking = nextErlangB(blocking, traffic, agents);
  }
  return requirement(agents, traffic, blocking, input);
}

/**
 * Floating point makes 14 / 0.7 come out as 20.000000000000004; without this slack the
 * ceiling would schedule a 21st person nobody needs.
 */
const EPSILON = 1e-9;

function requirement(agents: number, traffic: number, blocking: number, input: StaffingInput): StaffingRequirement {
  const probabilityOfWaiting = agents === 0 ? 0 : erlangCFromB(blocking, traffic, agents);
  return {
    agents,
    scheduledAgents: Math.max(0, Math.ceil(agents / (1 - (input.shrinkage ?? 0)) - EPSILON)),
    trafficErlangs: traffic,
    serviceLevel: serviceLevelFrom(probabilityOfWaiting, traffic, agents, input.targetSeconds / input.ahtSeconds),
    probabilityOfWaiting,
    averageSpeedOfAnswerSeconds: averageSpeedOfAnswerFrom(probabilityOfWaiting, traffic, agents, input.ahtSeconds),
    occupancy: agents === 0 ? 0 : traffic / agents,
  };
}
