import {
  computeAbandonRate,
  computeAnswerRate,
  computeAverageSpeedOfAnswer,
  computeAverageWait,
  computeBotResolvedShare,
  computeHandleTime,
  computeHandleTimeByAgent,
  computeHelpfulness,
  computeNetPromoterScore,
  computePhaseDistribution,
  computeServiceLevel,
  computeTopicDistribution,
  computeVolumeByChannel,
  computeVolumeByHourOfDay,
  computeWrapUpDistribution,
  type AbandonTreatment,
  type ContactRecord,
  type Figure,
  type HandleTime,
  type Helpfulness,
  type NetPromoterScore,
  type PhaseDistribution,
  type QueueRate,
  type ServiceLevel,
  type SurveyResponse,
  type TopicDistribution,
  type WaitFigure,
} from '../../core/metrics/index.js';
import { CHANNELS, type Channel } from '../../core/model/index.js';
import type { Db } from '../../storage/index.js';
import type { LineReport } from './line-report.types.js';

export type { LineReport } from './line-report.types.js';
import { ReportRepository } from '../../storage/reports/index.js';

export interface LineReportOptions {
  tenantId: string;
  lineId: string;
  /** Epoch ms, inclusive. */
  from: number;
  /** Epoch ms, exclusive. */
  to: number;
  /** IANA zone of the line, for the hour-of-day volume. */
  timeZone: string;
  /** T in "80% within T seconds". */
  serviceLevelSeconds: number;
  /** Abandons shorter than this are misdials: out of every queue figure. 0 = none. */
  shortAbandonSeconds: number;
  /** The line's setting: when true no per-agent figure is computed at all. */
  hideAgentHandleTime: boolean;
  abandonTreatment?: AbandonTreatment;
  /** Phase ids in the line's order; read from the line when absent. */
  phaseOrder?: readonly string[];
  /** Survey answers of the period, from their own table; given, the report adds NPS and helpfulness. */
  surveys?: readonly SurveyResponse[];
}

/**
 * The period report of one line: volume, queue figures, handle time, registration shares,
 * all computed by `src/core/metrics` over the line's conversations created in [from, to).
 *
 * @example
 * const report = await buildLineReport(db, {
 *   tenantId, lineId: 'ln_kinderlijn', from, to, timeZone: 'Europe/Brussels',
 *   serviceLevelSeconds: 60, shortAbandonSeconds: 5, hideAgentHandleTime: true,
 * });
 * report.serviceLevel.value // 0.82
 */
export async function buildLineReport(db: Db, options: LineReportOptions): Promise<LineReport> {
  const started = performance.now();
  const repository = new ReportRepository(db);
  const { tenantId, lineId, from, to } = options;
  const [records, phaseOrder] = await Promise.all([
    repository.loadContactRecords({ tenantId, lineId, from, to, withAgents: !options.hideAgentHandleTime }),
    options.phaseOrder ?? repository.readPhaseOrder(tenantId, lineId),
  ]);
  const report = computeLineReport(records, { ...options, phaseOrder });
  return { ...report, generatedInMs: performance.now() - started };
}

/** The figures of a report from records already loaded; pure, so it can run on any source. */
export function computeLineReport(records: readonly ContactRecord[], options: LineReportOptions): Omit<LineReport, 'generatedInMs'> {
  const queueOptions = { shortAbandonSeconds: options.shortAbandonSeconds };
  const handleTime = computeHandleTime(records);
  const agents = computeHandleTimeByAgent(records, { hideAgentHandleTime: options.hideAgentHandleTime });
  return {
    lineId: options.lineId,
    period: { from: options.from, to: options.to },
    volume: {
      total: records.length,
      byChannel: computeVolumeByChannel(records),
      byHour: computeVolumeByHourOfDay(records, { timeZone: options.timeZone }),
      byChannelAndHour: Object.fromEntries(
        CHANNELS.map((channel) => [channel, computeVolumeByHourOfDay(records.filter((r) => r.channel === channel), { timeZone: options.timeZone }).map((f) => f.numerator)]),
      ) as Record<Channel, number[]>,
    },
    serviceLevel: computeServiceLevel(records, {
      thresholdSeconds: options.serviceLevelSeconds,
      shortAbandonSeconds: options.shortAbandonSeconds,
      ...(options.abandonTreatment ? { abandonTreatment: options.abandonTreatment } : {}),
    }),
    answerRate: computeAnswerRate(records, queueOptions),
    abandonRate: computeAbandonRate(records, queueOptions),
    averageHandleSeconds: handleTime.overall,
    averageHandleSecondsByChannel: handleTime.byChannel,
    averageWaitSeconds: computeAverageWait(records),
    averageSpeedOfAnswerSeconds: computeAverageSpeedOfAnswer(records),
    botResolved: computeBotResolvedShare(records),
    topics: computeTopicDistribution(records),
    phases: computePhaseDistribution(records, options.phaseOrder ? { phaseOrder: options.phaseOrder } : {}),
    wrapUps: computeWrapUpDistribution(records),
    ...(agents.visibility === 'shown' ? { byAgent: agents.byAgent } : {}),
    ...(options.surveys
      ? { surveys: { netPromoterScore: computeNetPromoterScore(options.surveys), helpfulness: computeHelpfulness(options.surveys) } }
      : {}),
  };
}
