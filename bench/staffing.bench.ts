import { parseArgs } from 'node:util';
import { z } from 'zod';
import { seededRandom } from '../src/ai/intents/seeded-random.js';
import { forecastContacts, planStaffing, shiftDay } from '../src/core/wfm/index.js';
import { HelplineTraffic } from './report/helpline-traffic.js';

/**
 * Staffing bench: a year of Kinderlijn-scale traffic (the report bench's generator, in memory),
 * then a backtest over the last `days` days: each day forecast per 30-minute interval from the
 * `weeks` same weekdays before it, compared with what arrived (WAPE: Σ|forecast − actual| / Σ actual,
 * per interval and per day), against the naive "same day last week"; and the time to forecast
 * and staff one day. Progress goes to stderr; stdout gets one JSON line.
 *
 * @example
 *   npx tsx bench/staffing.bench.ts --conversations 250000 --weeks 6 --days 56
 */
const args = z
  .object({
    conversations: z.coerce.number().int().positive().default(250_000),
    weeks: z.coerce.number().int().min(1).max(26).default(6),
    days: z.coerce.number().int().min(1).max(200).default(56),
    seed: z.coerce.number().int().default(1),
  })
  .parse(parseArgs({ options: { conversations: { type: 'string' }, weeks: { type: 'string' }, days: { type: 'string' }, seed: { type: 'string' } } }).values);

const TZ = 'Europe/Brussels';
/** 2025-01-01 00:00 in Brussels (UTC+1), a whole year of 365 days, as in the report bench. */
const YEAR_START = Date.UTC(2024, 11, 31, 23);
const DAYS = 365;
const INTERVAL = 30;

const log = (message: string): void => void process.stderr.write(`[staffing-bench] ${message}\n`);

const traffic = new HelplineTraffic(
  { tenantId: 't', lineId: 'l', queueId: 'q', agentIds: ['a'], contactIds: ['c'], start: YEAR_START, days: DAYS, utcOffsetHours: 1 },
  seededRandom(args.seed),
);
const arrivals: number[] = [];
for (let i = 0; i < args.conversations; i++) {
  const c = traffic.conversation(i);
  if (c.enqueued_at !== null) arrivals.push(Number(c.created_at));
}
log(`${arrivals.length} queued contacts generated`);

const lastDay = new Date(YEAR_START + (DAYS - 1) * 86_400_000 + 12 * 3_600_000).toISOString().slice(0, 10);
const wape = { interval: { error: 0, actual: 0 }, day: { error: 0, actual: 0 }, naiveInterval: { error: 0, actual: 0 } };
const times: number[] = [];
let peakAgents = 0;
for (let d = args.days - 1; d >= 0; d--) {
  const day = shiftDay(lastDay, d);
  const started = performance.now();
  const forecast = forecastContacts(arrivals, { day, timeZone: TZ, intervalMinutes: INTERVAL, weeks: args.weeks });
  const plan = planStaffing(forecast.intervals, { intervalMinutes: INTERVAL, ahtSeconds: 600, targetSeconds: 60, targetServiceLevel: 0.8, shrinkage: 0.3 });
  times.push(performance.now() - started);
  peakAgents = Math.max(peakAgents, ...plan.map((p) => p.agents));
  // What arrived that day, and the same day a week earlier (the naive forecast), per interval.
  const actual = forecastContacts(arrivals, { day: shiftDay(day, -7), timeZone: TZ, intervalMinutes: INTERVAL, weeks: 1 }).intervals.map((i) => i.history[0]!);
  const lastWeek = forecastContacts(arrivals, { day, timeZone: TZ, intervalMinutes: INTERVAL, weeks: 1 }).intervals.map((i) => i.history[0]!);
  forecast.intervals.forEach((f, slot) => {
    const a = actual[slot]!;
    wape.interval.error += Math.abs(f.contacts - a);
    wape.interval.actual += a;
    wape.naiveInterval.error += Math.abs(lastWeek[slot]! - a);
    wape.naiveInterval.actual += a;
  });
  const dayForecast = forecast.intervals.reduce((s, i) => s + i.contacts, 0);
  const dayActual = actual.reduce((s, n) => s + n, 0);
  wape.day.error += Math.abs(dayForecast - dayActual);
  wape.day.actual += dayActual;
}
times.sort((a, b) => a - b);
const ratio = (w: { error: number; actual: number }) => Math.round((1000 * w.error) / Math.max(1, w.actual)) / 1000;
console.log(
  JSON.stringify({
    bench: 'staffing',
    conversations: args.conversations,
    queuedContacts: arrivals.length,
    weeks: args.weeks,
    daysBacktested: args.days,
    intervalMinutes: INTERVAL,
    wapeInterval: ratio(wape.interval),
    wapeIntervalNaiveLastWeek: ratio(wape.naiveInterval),
    wapeDay: ratio(wape.day),
    peakAgents,
    msPerDayMedian: Math.round(times[Math.floor(times.length / 2)]! * 10) / 10,
    msPerDayMax: Math.round(times[times.length - 1]! * 10) / 10,
  }),
);
