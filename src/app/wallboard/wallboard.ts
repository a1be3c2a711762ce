import {
  computeAbandonRate,
  computeAnswerRate,
  computeServiceLevel,
  type ContactRecord,
  type Figure,
} from '../../core/metrics/index.js';
import { AGENT_STATUSES, CHANNELS, type AgentStatus, type Channel } from '../../core/model/index.js';
import { ReportRepository } from '../../storage/reports/index.js';
import type { ServiceDeps } from '../deps.js';
import type { Agent, Role } from '../../core/model/index.js';
import { summariseSurveys } from '../surveys/survey-figures.js';
import type { Wallboard, WallboardChannel, WallboardQueue, WallboardSurveys } from './wallboard.types.js';

/** "Today" on the wallboard starts at local midnight here, whatever the line's own zone. */
export const WALLBOARD_TIME_ZONE = 'Europe/Brussels';
/** Today's figures are read from the database at most this often per tenant. */
const TODAY_CACHE_MS = 1000;

export type { Wallboard, WallboardChannel, WallboardQueue, WallboardSurveys } from './wallboard.types.js';

/** Who sees the wallboard (route) and receives its pushed frames (topic `tenant:<id>:wallboard`). */
export const WALLBOARD_ROLES: readonly Role[] = ['supervisor', 'admin', 'executive'];
export const watchesWallboard = (agent: Agent) => agent.roles.some((r) => WALLBOARD_ROLES.includes(r));

/** Today's survey figures of a tenant, read fresh (an index on tenant and time keeps it cheap). */
export async function readTodaySurveys(deps: Pick<ServiceDeps, 'repos' | 'clock'>, tenantId: string): Promise<WallboardSurveys> {
  const now = deps.clock.now();
  const answers = await deps.repos.surveys.listByTenant(tenantId, localMidnight(now, WALLBOARD_TIME_ZONE), now + 1);
  return summariseSurveys(answers);
}

/** Epoch ms of the last local midnight in `timeZone` at or before `at` (DST-safe via Intl). */
export function localMidnight(at: number, timeZone: string): number {
  const format = new Intl.DateTimeFormat('en-GB', { timeZone, hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23' });
  const elapsed = (t: number) => {
    const parts = format.formatToParts(new Date(t));
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
    return ((get('hour') * 60 + get('minute')) * 60 + get('second')) * 1000 + (t % 1000);
  };
  // The first guess is off by the DST change of the night at most; a second pass settles it.
  let midnight = at - elapsed(at);
  const rest = elapsed(midnight);
  if (rest !== 0) midnight -= rest > 12 * 3600_000 ? rest - 24 * 3600_000 : rest;
  return midnight;
}

/**
 * The live wallboard of a tenant: per queue live counts from the routing engine and today's
 * service level, answer rate and abandons from the database (core metric functions), cached
 * for about a second so a room full of screens costs one query per line per second.
 */
export class WallboardService {
  private readonly cache = new Map<string, { at: number; from: number; records: Promise<ContactRecord[]> }>();

  constructor(private readonly deps: ServiceDeps) {}

  async build(tenantId: string): Promise<Wallboard> {
    const now = this.deps.clock.now();
    const { from, records: recordsPromise } = this.todayRecords(tenantId, now);
    const [records, surveys] = await Promise.all([recordsPromise, readTodaySurveys(this.deps, tenantId)]);
    const engine = this.deps.routing.engine(tenantId);
    const live = new Map(engine.queueStats(now).map((q) => [q.queueId, q]));
    const agents = this.deps.directory.agentsOf(tenantId).map((a) => ({ agent: a, status: engine.agentState(a.id).status }));

    const byQueue = new Map<string, ContactRecord[]>();
    for (const record of records) {
      const list = byQueue.get(record.queueId);
      if (list) list.push(record);
      else byQueue.set(record.queueId, [record]);
    }
    const queues = this.deps.directory.queuesOf(tenantId).map<WallboardQueue>((queue) => {
      const mine = byQueue.get(queue.id) ?? [];
      const sl = computeServiceLevel(mine, { thresholdSeconds: queue.serviceLevelSeconds });
      const answerRate = computeAnswerRate(mine);
      const abandonRate = computeAbandonRate(mine);
      const stats = live.get(queue.id);
      return {
        queueId: queue.id,
        lineId: queue.lineId,
        name: queue.name,
        serviceLevelSeconds: queue.serviceLevelSeconds,
        serviceLevelPercent: queue.serviceLevelPercent,
        waiting: stats?.waiting ?? 0,
        offered: stats?.offered ?? 0,
        longestWaitSeconds: Math.floor(stats?.longestWaitSeconds ?? 0),
        availableAgents: agents.filter((a) => a.status === 'available' && a.agent.queueIds.includes(queue.id)).length,
        today: {
          serviceLevel: {
            value: sl.value,
            numerator: sl.numerator,
            denominator: sl.denominator,
            answeredWithinThreshold: sl.answeredWithinThreshold,
            answered: sl.answered,
            abandoned: sl.abandoned,
          },
          answerRate: pick(answerRate),
          abandonRate: pick(abandonRate),
          answered: answerRate.numerator,
          abandoned: abandonRate.numerator,
        },
      };
    });

    const channels = CHANNELS.map<WallboardChannel>((channel) => {
      const mine = records.filter((r) => r.channel === channel);
      return { channel, today: { contacts: mine.length, answered: computeAnswerRate(mine).numerator, abandoned: computeAbandonRate(mine).numerator } };
    });
    const byStatus = Object.fromEntries(AGENT_STATUSES.map((s) => [s, 0])) as Record<AgentStatus, number>;
    const staffed = agents.filter((a) => a.agent.queueIds.length > 0);
    for (const { status } of staffed) byStatus[status] += 1;
    return { generatedAt: now, todayFrom: from, queues, channels, agents: { byStatus, total: staffed.length }, surveys };
  }

  private todayRecords(tenantId: string, now: number): { from: number; records: Promise<ContactRecord[]> } {
    const from = localMidnight(now, WALLBOARD_TIME_ZONE);
    const cached = this.cache.get(tenantId);
    if (cached && cached.from === from && now - cached.at < TODAY_CACHE_MS && now >= cached.at) return cached;
    const repository = new ReportRepository(this.deps.db);
    const lines = this.deps.directory.linesOf(tenantId);
    const records = Promise.all(lines.map((line) => repository.loadContactRecords({ tenantId, lineId: line.id, from, to: now + 1, withAgents: false }))).then((all) => all.flat());
    const entry = { at: now, from, records };
    this.cache.set(tenantId, entry);
    // A failed read is not cached: the next request tries again.
    records.catch(() => {
      if (this.cache.get(tenantId) === entry) this.cache.delete(tenantId);
    });
    return entry;
  }
}

function pick(figure: Figure): Figure {
  return { value: figure.value, numerator: figure.numerator, denominator: figure.denominator };
}
