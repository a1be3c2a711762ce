import { describe, expect, it } from 'vitest';
import { duration, percent, periodOf, reportQuery } from './report-format.js';

const labels = { seconds: (v: number) => `${v} s`, minutes: (m: number, s: number) => `${m} min ${s} s` };

describe('report format', () => {
  it('shows percentages with one decimal and a dash without data', () => {
    expect(percent(null)).toBe('–');
    expect(percent(0.0912)).toBe('9.1%');
    expect(percent(1)).toBe('100%');
  });

  it('writes durations in seconds or minutes and seconds', () => {
    expect(duration(null, labels)).toBe('–');
    expect(duration(42.4, labels)).toBe('42 s');
    expect(duration(75, labels)).toBe('1 min 15 s');
  });

  it('turns two local dates into a half-open period with the end day included', () => {
    const period = periodOf('2025-03-03', '2025-03-09');
    expect(period).toEqual({ from: new Date(2025, 2, 3).getTime(), to: new Date(2025, 2, 10).getTime() });
    expect(periodOf('2025-03-09', '2025-03-03')).toBeNull();
    expect(periodOf('2025-03-03', '2025-03-03')).not.toBeNull();
    expect(periodOf('', '2025-03-03')).toBeNull();
  });

  it('builds the JSON and CSV addresses', () => {
    expect(reportQuery('ln a', { from: 1, to: 2 })).toBe('/api/reports/lines/ln%20a?from=1&to=2');
    expect(reportQuery('ln', { from: 1, to: 2 }, 'csv')).toBe('/api/reports/lines/ln?from=1&to=2&format=csv');
  });
});
