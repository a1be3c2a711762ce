import { describe, expect, it } from 'vitest';
import { forecastContacts, planStaffing, requiredAgents, shiftDay } from './index.js';

const TZ = 'Europe/Brussels';
/** Epoch ms of a local Brussels time (winter: UTC+1; these tests stay in winter or summer as noted). */
const brussels = (day: string, hh: number, mm = 0, offsetHours = 1) => Date.parse(`${day}T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:00Z`) - offsetHours * 3_600_000;

/** `n` arrivals spread over the interval starting at hh:mm. */
const arrivals = (day: string, hh: number, mm: number, n: number, offset = 1) => Array.from({ length: n }, (_, i) => brussels(day, hh, mm, offset) + i * 1000);

describe('contact forecast from the same weekday and interval', () => {
  it('averages the same interval of the previous weekdays when there is no trend', () => {
    // Target Monday 2026-01-26; previous Mondays 05, 12, 19 January (winter time).
    const history = [...arrivals('2026-01-05', 9, 0, 10), ...arrivals('2026-01-12', 9, 0, 14), ...arrivals('2026-01-19', 9, 0, 12), ...arrivals('2026-01-20', 9, 0, 99)];
    const result = forecastContacts(history, { day: '2026-01-26', timeZone: TZ, intervalMinutes: 30, weeks: 3 });
    expect(result.historyDays).toEqual(['2026-01-05', '2026-01-12', '2026-01-19']);
    expect(result.intervals).toHaveLength(48);
    const nine = result.intervals[18]!;
    expect(nine.startMinute).toBe(540);
    expect(nine.history).toEqual([10, 14, 12]);
    // Totals 10, 14, 12: slope 1, line at x = 3 → 12 + 1 × 2 = 14; factor 14 / 12.
    expect(result.trendFactor).toBeCloseTo(14 / 12);
    expect(nine.contacts).toBeCloseTo(12 * (14 / 12));
    expect(result.intervals.filter((i) => i.contacts > 0)).toHaveLength(1);
  });

  it('follows a rising trend and caps a wild one', () => {
    const rising = [1, 2, 3, 4].flatMap((week) => arrivals(shiftDay('2026-02-02', 7 * (5 - week)), 10, 15, 10 * week));
    const result = forecastContacts(rising, { day: '2026-02-02', timeZone: TZ, intervalMinutes: 15, weeks: 4 });
    expect(result.dayTotals).toEqual([10, 20, 30, 40]);
    // The line reaches 50 next week; mean 25 → factor 2; the interval forecast is 25 × 2 = 50.
    expect(result.trendFactor).toBeCloseTo(2);
    expect(result.intervals[41]!.contacts).toBeCloseTo(50);
    const wild = [...arrivals('2026-01-19', 10, 0, 1), ...arrivals('2026-01-26', 10, 0, 100)];
    expect(forecastContacts(wild, { day: '2026-02-02', timeZone: TZ, intervalMinutes: 60, weeks: 2 }).trendFactor).toBe(2);
  });

  it('puts local 09:00 in the same interval in summer and in winter', () => {
    // 2026-03-30 is a Monday in summer time (UTC+2); the week before is still winter (UTC+1).
    const history = [...arrivals('2026-03-23', 9, 0, 5, 1), ...arrivals('2026-03-30', 9, 0, 5, 2)];
    const result = forecastContacts(history, { day: '2026-04-06', timeZone: TZ, intervalMinutes: 60, weeks: 2 });
    expect(result.intervals[9]!.history).toEqual([5, 5]);
  });

  it('refuses intervals and week counts it cannot use', () => {
    expect(() => forecastContacts([], { day: '2026-01-26', timeZone: TZ, intervalMinutes: 20, weeks: 3 })).toThrow(RangeError);
    expect(() => forecastContacts([], { day: '2026-01-26', timeZone: TZ, intervalMinutes: 30, weeks: 0 })).toThrow(RangeError);
    expect(forecastContacts([], { day: '2026-01-26', timeZone: TZ, intervalMinutes: 60, weeks: 1 }).trendFactor).toBe(1);
  });
});

describe('staffing plan', () => {
  it('gives Erlang C agents and occupancy per interval, and nobody for an empty interval', () => {
    const plan = planStaffing(
      [
        { startMinute: 540, contacts: 100, history: [] },
        { startMinute: 570, contacts: 0, history: [] },
      ],
      { intervalMinutes: 30, ahtSeconds: 180, targetSeconds: 20, targetServiceLevel: 0.8, shrinkage: 0.3 },
    );
    const reference = requiredAgents({ callsPerInterval: 100, intervalSeconds: 1800, ahtSeconds: 180, targetSeconds: 20, targetServiceLevel: 0.8, shrinkage: 0.3 });
    // The published 80/20 example: 100 calls per half hour, 3 min AHT → 14 agents, 20 scheduled at 30% shrinkage.
    expect(plan[0]).toMatchObject({ agents: 14, scheduledAgents: 20 });
    expect(plan[0]!.occupancy).toBeCloseTo(10 / 14);
    expect(plan[0]!.serviceLevel).toBeCloseTo(reference.serviceLevel);
    expect(plan[1]).toMatchObject({ agents: 0, scheduledAgents: 0, occupancy: 0 });
  });
});
