import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { averageSpeedOfAnswer, erlangB, erlangC, occupancy, serviceLevel, trafficIntensity } from './erlang-c.js';

/**
 * Independent reference: Erlang C by direct summation of A^k / k!, kept in log space so it
 * does not overflow either. Agreement with the Erlang B recursion checks both.
 */
function erlangCBySummation(traffic: number, agents: number): number {
  const logTerms: number[] = [0];
  for (let k = 1; k <= agents; k += 1) logTerms.push((logTerms[k - 1] ?? 0) + Math.log(traffic) - Math.log(k));
  const logLast = (logTerms[agents] ?? 0) + Math.log(agents / (agents - traffic));
  const max = Math.max(...logTerms.slice(0, agents), logLast);
  const below = logTerms.slice(0, agents).reduce((total, log) => total + Math.exp(log - max), 0);
  const last = Math.exp(logLast - max);
  return last / (below + last);
}

const cch = { callsPerInterval: 100, intervalSeconds: 1800, ahtSeconds: 180 };

describe('erlangC', () => {
  it('computes the wait probability of the Call Centre Helper example when 14 agents answer', () => {
    // Call Centre Helper, "Erlang C Formula – Example" (callcentrehelper.com/erlang-c-formula-example-121281.htm),
    // reproduced by pyworkforce's README (waiting_probability 0.1741) and the CRAN package ErlangC 0.1.0
    // README (wait_probability 0.1741319, average_speed_of_answer 7.83593701177724 s).
    expect(trafficIntensity(cch)).toBe(10);
    expect(erlangC({ ...cch, agents: 14 })).toBeCloseTo(0.1741319, 6);
    expect(averageSpeedOfAnswer({ ...cch, agents: 14 })).toBeCloseTo(7.835937, 5);
    expect(occupancy({ ...cch, agents: 14 })).toBeCloseTo(0.7142857, 6);
  });

  it('matches the intermediate 11-agent step of the same example', () => {
    // CRAN ErlangC 0.1.0 README, calculate_agents() $process row 1: 0.6821182 and 0.3896138.
    expect(erlangC({ ...cch, agents: 11 })).toBeCloseTo(0.6821182, 6);
    expect(serviceLevel({ ...cch, agents: 11, targetSeconds: 20 })).toBeCloseTo(0.3896138, 6);
  });

  it('agrees with direct summation for small and large traffic', () => {
    for (const [traffic, agents] of [
      [0.5, 2],
      [10, 14],
      [48, 55],
      [17.575, 21],
      [950, 1000],
      [1666.6667, 1700],
    ] as const) {
      const viaRecursion = erlangC({ callsPerInterval: traffic, intervalSeconds: 1, ahtSeconds: 1, agents });
      expect(viaRecursion).toBeCloseTo(erlangCBySummation(traffic, agents), 10);
    }
  });

  it('stays finite and in [0, 1] when thousands of agents answer', () => {
    const huge = { callsPerInterval: 20_000, intervalSeconds: 1800, ahtSeconds: 300, agents: 3400 };
    const probability = erlangC(huge);
    expect(Number.isFinite(probability)).toBe(true);
    expect(probability).toBeGreaterThan(0);
    expect(probability).toBeLessThan(1);
    expect(serviceLevel({ ...huge, targetSeconds: 20 })).toBeGreaterThan(0.99);
  });

  it('says every contact waits when agents do not exceed the traffic', () => {
    const overloaded = { ...cch, agents: 10 };
    expect(erlangC(overloaded)).toBe(1);
    expect(serviceLevel({ ...overloaded, targetSeconds: 20 })).toBe(0);
    expect(averageSpeedOfAnswer(overloaded)).toBe(Number.POSITIVE_INFINITY);
    expect(occupancy(overloaded)).toBe(1);
  });

  it('says nobody waits when there are no calls', () => {
    const quiet = { ...cch, callsPerInterval: 0, agents: 0 };
    expect(erlangC(quiet)).toBe(0);
    expect(serviceLevel({ ...quiet, targetSeconds: 20 })).toBe(1);
    expect(averageSpeedOfAnswer(quiet)).toBe(0);
    expect(occupancy(quiet)).toBe(0);
  });

  it('throws a RangeError when the input is not a valid load', () => {
    expect(() => erlangC({ ...cch, agents: 2.5 })).toThrow(RangeError);
    expect(() => erlangC({ ...cch, agents: -1 })).toThrow(RangeError);
    expect(() => erlangC({ ...cch, ahtSeconds: 0, agents: 3 })).toThrow(RangeError);
    expect(() => serviceLevel({ ...cch, agents: 12, targetSeconds: Number.NaN })).toThrow(RangeError);
  });

  it('matches Erlang B table values when computed by recursion', () => {
    // Erlang B: 10 E on 14 trunks blocks 5.68%; 2 E on 5 trunks blocks 3.67% (standard tables).
    expect(erlangB(10, 14)).toBeCloseTo(0.0568, 4);
    expect(erlangB(2, 5)).toBeCloseTo(0.0367, 4);
  });

  it('raises the service level with every agent added', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: 30, max: 900 }),
        fc.integer({ min: 0, max: 120 }),
        (calls, aht, targetSeconds) => {
          const load = { callsPerInterval: calls, intervalSeconds: 1800, ahtSeconds: aht, targetSeconds };
          const start = Math.floor(trafficIntensity(load)) + 1;
          let previous = serviceLevel({ ...load, agents: start - 1 });
          for (let agents = start; agents < start + 15; agents += 1) {
            const current = serviceLevel({ ...load, agents });
            expect(current).toBeGreaterThanOrEqual(previous);
            expect(current).toBeLessThanOrEqual(1);
            previous = current;
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
