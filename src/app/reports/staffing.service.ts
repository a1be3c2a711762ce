import { computeHandleTime } from '../../core/metrics/index.js';
import type { Channel } from '../../core/model/index.js';
import { forecastContacts, planStaffing, shiftDay } from '../../core/wfm/index.js';
import { ReportRepository } from '../../storage/reports/index.js';
import { errors } from '../app.errors.js';
import type { ServiceDeps } from '../deps.js';
import { localMidnight } from '../wallboard/wallboard.js';
import type { StaffingPlanView } from './staffing.types.js';

export type { StaffingPlanView } from './staffing.types.js';

/** Handle time assumed when the line has no answered contacts in the history yet. */
export const DEFAULT_AHT_SECONDS = 300;
export const DEFAULT_SHRINKAGE = 0.3;

export interface StaffingQuery {
  lineId: string;
  /** YYYY-MM-DD in the line's zone. */
  day: string;
  intervalMinutes: number;
  weeks: number;
  channel?: Channel;
  /** Overrides; absent ones come from the line's history and default queue. */
  ahtSeconds?: number;
  targetSeconds?: number;
  targetPercent?: number;
  shrinkage?: number;
  maxOccupancy?: number;
}

/**
 * The staffing screen's plan for one line and day: contacts per interval forecast from the
 * same weekday and interval of the last N weeks (only contacts that reached the queue: the bot's
 * own do not need an agent), then the agents needed and their occupancy per interval from the
 * forecast, the line's measured AHT and its default queue's service-level target (Erlang C).
 */
export async function staffingPlan(deps: Pick<ServiceDeps, 'db' | 'directory'>, tenantId: string, query: StaffingQuery): Promise<StaffingPlanView> {
  const line = deps.directory.findLine(query.lineId);
  if (!line || line.tenantId !== tenantId) throw errors.notFound('line', query.lineId);
  const timeZone = line.openingHours?.timeZone ?? 'Europe/Brussels';
  const dayStart = (day: string) => {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    return localMidnight(Date.UTC(y, m - 1, d, 12), timeZone);
  };
  const from = dayStart(shiftDay(query.day, 7 * query.weeks));
  const to = dayStart(query.day);
  const records = (await new ReportRepository(deps.db).loadContactRecords({ tenantId, lineId: line.id, from, to, withAgents: false })).filter(
    (r) => r.enqueuedAt !== null && r.enqueuedAt !== undefined && (!query.channel || r.channel === query.channel),
  );
  const forecast = forecastContacts(
    records.map((r) => r.createdAt),
    { day: query.day, timeZone, intervalMinutes: query.intervalMinutes, weeks: query.weeks },
  );
  const measured = computeHandleTime(records).overall.value;
  const ahtSource = query.ahtSeconds !== undefined ? 'given' : measured !== null ? 'history' : 'default';
  const ahtSeconds = query.ahtSeconds ?? (measured !== null ? Math.max(1, Math.round(measured)) : DEFAULT_AHT_SECONDS);
  const queue = deps.directory.queuesOf(tenantId).find((q) => q.id === line.defaultQueueId);
  const targetSeconds = query.targetSeconds ?? queue?.serviceLevelSeconds ?? 20;
  const targetPercent = query.targetPercent ?? queue?.serviceLevelPercent ?? 80;
  const shrinkage = query.shrinkage ?? DEFAULT_SHRINKAGE;
  const intervals = planStaffing(forecast.intervals, {
    intervalMinutes: query.intervalMinutes,
    ahtSeconds,
    targetSeconds,
    targetServiceLevel: Math.min(0.999, targetPercent / 100),
    shrinkage,
    ...(query.maxOccupancy !== undefined ? { maxOccupancy: query.maxOccupancy } : {}),
  });
  return {
    lineId: line.id, day: query.day, timeZone, intervalMinutes: query.intervalMinutes, weeks: query.weeks, channel: query.channel ?? null,
    ahtSeconds, ahtSource, targetSeconds, targetPercent, shrinkage,
    historyDays: forecast.historyDays, dayTotals: forecast.dayTotals, trendFactor: forecast.trendFactor, intervals,
    totals: {
      contacts: intervals.reduce((a, i) => a + i.contacts, 0),
      peakAgents: Math.max(0, ...intervals.map((i) => i.agents)),
      peakScheduledAgents: Math.max(0, ...intervals.map((i) => i.scheduledAgents)),
    },
  };
}
