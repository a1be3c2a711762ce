/** Formatting and period helpers of the report screen (pure, so they are unit-tested). */

export function percent(value: number | null): string {
  return value === null ? '–' : `${Math.round(value * 1000) / 10}%`;
}

/** 75 → "1 min 15 s"; under a minute "42 s"; null → "–". */
export function duration(seconds: number | null, labels: { seconds: (v: number) => string; minutes: (m: number, s: number) => string }): string {
  if (seconds === null || !Number.isFinite(seconds)) return '–';
  const whole = Math.round(seconds);
  return whole < 60 ? labels.seconds(whole) : labels.minutes(Math.floor(whole / 60), whole % 60);
}

/** `YYYY-MM-DD` of a local date. */
export function isoDate(at: Date): string {
  return `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;
}

/**
 * The period [from, to) in epoch ms for two local dates, the second inclusive: "3 to 9 March"
 * runs from the start of 3 March to the start of 10 March. Null when a date is missing or
 * the end lies before the start.
 */
export function periodOf(fromDate: string, toDate: string): { from: number; to: number } | null {
  const parse = (value: string) => {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    return match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : null;
  };
  const start = parse(fromDate);
  const end = parse(toDate);
  if (!start || !end) return null;
  end.setDate(end.getDate() + 1);
  return start.getTime() < end.getTime() ? { from: start.getTime(), to: end.getTime() } : null;
}

export function reportQuery(lineId: string, period: { from: number; to: number }, format: 'json' | 'csv' = 'json'): string {
  const query = new URLSearchParams({ from: String(period.from), to: String(period.to) });
  if (format === 'csv') query.set('format', 'csv');
  return `/api/reports/lines/${encodeURIComponent(lineId)}?${query.toString()}`;
}
