import { describe, expect, it } from 'vitest';
import { computeOccupancy } from './compute-occupancy.js';

describe('computeOccupancy', () => {
  it('divides busy plus wrap-up time by staffed time and ignores away and offline time', () => {
    const figure = computeOccupancy([
      { agentId: 'a1', status: 'busy', seconds: 2400 },
      { agentId: 'a1', status: 'wrap_up', seconds: 600 },
      { agentId: 'a1', status: 'available', seconds: 1000 },
      { agentId: 'a2', status: 'busy', seconds: 1000 },
      { agentId: 'a2', status: 'available', seconds: 1000 },
      { agentId: 'a2', status: 'away', seconds: 900 },
      { agentId: 'a2', status: 'offline', seconds: 5000 },
    ]);
    expect(figure).toEqual({ value: 4000 / 6000, numerator: 4000, denominator: 6000 });
  });

  it('returns null when nobody was staffed', () => {
    expect(computeOccupancy([{ agentId: 'a', status: 'away', seconds: 60 }])).toEqual({ value: null, numerator: 0, denominator: 0 });
  });

  it('skips negative or non-numeric durations', () => {
    const figure = computeOccupancy([
      { agentId: 'a', status: 'busy', seconds: -60 },
      { agentId: 'a', status: 'busy', seconds: Number.NaN },
      { agentId: 'a', status: 'available', seconds: 60 },
    ]);
    expect(figure).toEqual({ value: 0, numerator: 0, denominator: 60 });
  });
});
