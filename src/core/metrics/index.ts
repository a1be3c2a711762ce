export * from './metrics.types.js';
export { classifyQueueOutcome, type QueueOutcome } from './classify-queue-outcome.js';
export { computeServiceLevel, type AbandonTreatment, type ServiceLevel, type ServiceLevelOptions } from './compute-service-level.js';
export { computeAnswerRate, type QueueRate, type QueueRateOptions } from './compute-answer-rate.js';
export { computeAbandonRate } from './compute-abandon-rate.js';
export { computeAverageSpeedOfAnswer, computeAverageWait, computeLongestWait, type LongestWait, type WaitFigure } from './compute-wait-times.js';
export {
  computeHandleTime,
  computeHandleTimeByAgent,
  type AgentHandleTimePolicy,
  type AgentHandleTimeReport,
  type HandleTime,
  type HandleTimeReport,
} from './compute-handle-time.js';
export { computeOccupancy } from './compute-occupancy.js';
export { computeBotResolvedShare } from './compute-bot-resolved-share.js';
export { computeVolumeByChannel, computeVolumeByHourOfDay, type HourOfDayOptions } from './compute-volume.js';
export { computeTopicDistribution, type TopicDistribution, type TopicShare } from './compute-topic-distribution.js';
export { computeWrapUpDistribution, type WrapUpDistribution, type WrapUpShare } from './compute-wrap-up-distribution.js';
export { computePhaseDistribution, type PhaseDistribution, type PhaseDistributionOptions, type PhaseShare } from './compute-phase-distribution.js';
export { computeNetPromoterScore, type NetPromoterScore } from './compute-net-promoter-score.js';
export { computeHelpfulness, type Helpfulness } from './compute-helpfulness.js';
