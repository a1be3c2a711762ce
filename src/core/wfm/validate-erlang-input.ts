import type { StaffedTrafficInput, StaffingInput, TrafficInput } from './erlang.types.js';

/**
 * Bad inputs throw a RangeError instead of returning NaN: a staffing plan built on NaN
 * looks like a number further down the line. The caller validates user input at the edge;
 * reaching these checks is a programming error.
 */
export function assertTraffic(input: TrafficInput): void {
  requireFinite('callsPerInterval', input.callsPerInterval, 0);
  requireFinite('intervalSeconds', input.intervalSeconds, Number.MIN_VALUE);
  requireFinite('ahtSeconds', input.ahtSeconds, Number.MIN_VALUE);
}

export function assertAgents(input: StaffedTrafficInput): void {
  assertTraffic(input);
  if (!Number.isInteger(input.agents) || input.agents < 0) throw new RangeError(`agents must be a whole number ≥ 0, got ${input.agents}`);
}

export function assertTargetSeconds(targetSeconds: number): void {
  requireFinite('targetSeconds', targetSeconds, 0);
}

export function assertStaffing(input: StaffingInput): void {
  assertTraffic(input);
  assertTargetSeconds(input.targetSeconds);
  requireShare('targetServiceLevel', input.targetServiceLevel, { minExclusive: true, maxExclusive: true });
  if (input.maxOccupancy !== undefined) requireShare('maxOccupancy', input.maxOccupancy, { minExclusive: true, maxExclusive: false });
  if (input.shrinkage !== undefined) requireShare('shrinkage', input.shrinkage, { minExclusive: false, maxExclusive: true });
}

function requireFinite(name: string, value: number, min: number): void {
  if (!Number.isFinite(value) || value < min) throw new RangeError(`${name} must be a finite number ≥ ${min}, got ${value}`);
}

function requireShare(name: string, value: number, bounds: { minExclusive: boolean; maxExclusive: boolean }): void {
  const aboveMin = bounds.minExclusive ? value > 0 : value >= 0;
  const belowMax = bounds.maxExclusive ? value < 1 : value <= 1;
  if (!Number.isFinite(value) || !aboveMin || !belowMax) throw new RangeError(`${name} must be a share between 0 and 1, got ${value}`);
}
