/**
 * Contacts per interval for one day, forecast from the line's own history: for every interval
 * of the day, the counts of the same weekday and interval over the last N weeks are averaged,
 * then scaled by the trend of those weeks' day totals (a least-squares line through the N
 * totals, extrapolated one week on). The trend factor is capped to [0.5, 2] so one odd week
 * cannot double or wipe out the forecast. Local time is the line's zone, so a summer and a
 * winter 09:00 fall in the same interval.
 */

export interface ForecastOptions {
  /** The day to forecast, YYYY-MM-DD in `timeZone`. */
  day: string;
  timeZone: string;
  /** 15, 30 or 60 minutes. */
  intervalMinutes: number;
  /** How many previous same weekdays to learn from (1–26). */
  weeks: number;
}

export interface IntervalForecast {
  /** Minutes after local midnight where the interval starts. */
  startMinute: number;
  /** Forecast contacts (decimals: it is an expectation). */
  contacts: number;
  /** The counts of the same interval in the weeks learned from, oldest first. */
  history: number[];
}

export interface ContactForecast {
  intervals: IntervalForecast[];
  /** The previous same weekdays used, oldest first (YYYY-MM-DD). */
  historyDays: string[];
  /** Day totals of those weekdays, oldest first. */
  dayTotals: number[];
  /** Next week's total from the trend line / mean of the totals, capped to [0.5, 2]; 1 without a trend. */
  trendFactor: number;
}

const TREND_MIN = 0.5;
const TREND_MAX = 2;

/** The YYYY-MM-DD `days` days before `day` (calendar arithmetic, no time zone involved). */
export function shiftDay(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - days)).toISOString().slice(0, 10);
}

export function forecastContacts(arrivals: readonly number[], options: ForecastOptions): ContactForecast {
  const { intervalMinutes, weeks } = options;
  if (![15, 30, 60].includes(intervalMinutes)) throw new RangeError(`intervalMinutes must be 15, 30 or 60 (got ${intervalMinutes})`);
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > 26) throw new RangeError(`weeks must be a whole number from 1 to 26 (got ${weeks})`);
  const slots = (24 * 60) / intervalMinutes;
  const historyDays = Array.from({ length: weeks }, (_, i) => shiftDay(options.day, 7 * (weeks - i)));
  const dayIndex = new Map(historyDays.map((d, i) => [d, i]));
  const counts = historyDays.map(() => new Array<number>(slots).fill(0));
  const localOf = localReader(options.timeZone);
  // Every zone is within ±14 h of UTC: arrivals outside these bounds cannot be on a history day,
  // so they are skipped before the (costlier) local-time lookup.
  const earliest = Date.parse(`${historyDays[0]}T00:00:00Z`) - 15 * 3_600_000;
  const latest = Date.parse(`${options.day}T00:00:00Z`) + 15 * 3_600_000;
  for (const at of arrivals) {
    if (at < earliest || at >= latest) continue;
    const { day, minute } = localOf(at);
    const index = dayIndex.get(day);
    if (index === undefined) continue;
    counts[index]![Math.floor(minute / intervalMinutes)]! += 1;
  }
  const dayTotals = counts.map((c) => c.reduce((a, b) => a + b, 0));
  const trendFactor = trendOf(dayTotals);
  const intervals = Array.from({ length: slots }, (_, slot) => {
    const history = counts.map((c) => c[slot]!);
    const mean = history.reduce((a, b) => a + b, 0) / weeks;
    return { startMinute: slot * intervalMinutes, contacts: mean * trendFactor, history };
  });
  return { intervals, historyDays, dayTotals, trendFactor };
}

/** Least-squares line through (0, t0) … (n−1, tn−1), its value at n, relative to the mean. */
function trendOf(totals: readonly number[]): number {
  const n = totals.length;
  const mean = totals.reduce((a, b) => a + b, 0) / n;
  if (n < 2 || mean === 0) return 1;
  const xMean = (n - 1) / 2;
  let sxy = 0;
  let sxx = 0;
  totals.forEach((y, x) => {
    sxy += (x - xMean) * (y - mean);
    sxx += (x - xMean) ** 2;
  });
  const next = mean + (sxy / sxx) * (n - xMean);
  return Math.min(TREND_MAX, Math.max(TREND_MIN, next / mean));
}

const QUARTER_HOUR_MS = 15 * 60_000;

/** Local day and minute of day; one Intl call per quarter hour (every zone offset is whole quarters). */
function localReader(timeZone: string): (epochMs: number) => { day: string; minute: number } {
  const format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const cache = new Map<number, { day: string; minute: number }>();
  return (epochMs) => {
    const quarter = Math.floor(epochMs / QUARTER_HOUR_MS);
    let start = cache.get(quarter);
    if (!start) {
      const parts = Object.fromEntries(format.formatToParts(quarter * QUARTER_HOUR_MS).map((p) => [p.type, p.value]));
      start = { day: `${parts.year}-${parts.month}-${parts.day}`, minute: (Number(parts.hour) % 24) * 60 + Number(parts.minute) };
      cache.set(quarter, start);
    }
    return { day: start.day, minute: start.minute + Math.floor((epochMs - quarter * QUARTER_HOUR_MS) / 60_000) };
  };
}
