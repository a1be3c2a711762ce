import type { AgentStatus, Channel } from '../model/index.js';

/**
 * How a conversation ended, as far as the figures care. `answered` means an agent took it;
 * `transferred_out` left for a service outside the line (after or before an answer: the
 * timestamps tell which); `in_progress` had not ended when the period was read.
 */
export type ContactOutcome =
  | 'answered'
  | 'abandoned'
  | 'bot_resolved'
  | 'transferred_out'
  | 'timed_out'
  | 'in_progress';

/**
 * One conversation of the reporting period, flattened for the figures. Timestamps are epoch
 * milliseconds; a missing step is `null` or absent. The figures read the timestamps first
 * and `outcome` only where a timestamp cannot tell (an abandon without `abandonedAt`).
 *
 * @example
 * const record: ContactRecord = {
 *   conversationId: 'c1', lineId: 'kinderlijn', queueId: 'q-chat', channel: 'chat',
 *   createdAt: t, enqueuedAt: t + 5_000, answeredAt: t + 17_000, endedAt: t + 600_000,
 *   closedAt: t + 660_000, agentId: 'a7', outcome: 'answered', topics: ['pesten'],
 *   phaseReached: 'goal', botResolved: false,
 * };
 */
export interface ContactRecord {
  conversationId: string;
  lineId: string;
  queueId: string;
  channel: Channel;
  /** When the contact reached the line (bot or IVR included). */
  createdAt: number;
  /** When it entered the agents' queue; absent for contacts that never queued (bot only). */
  enqueuedAt?: number | null;
  /** When it was first offered to an agent. */
  offeredAt?: number | null;
  /** When an agent accepted it: the end of the wait. */
  answeredAt?: number | null;
  /** When the talk (or chat) ended and wrap-up began. */
  endedAt?: number | null;
  /** When the contact left the queue unanswered. */
  abandonedAt?: number | null;
  /** When the agent finished wrap-up and closed the conversation. */
  closedAt?: number | null;
  agentId?: string | null;
  outcome: ContactOutcome;
  /** Registered topic ids (taxonomy of the line); a topic may repeat across subtopics. */
  topics: readonly string[];
  /** The furthest phase of the line's phase model the conversation reached. */
  phaseReached?: string | null;
  wrapUpCode?: string | null;
  /** The bot answered the question and no agent was needed. */
  botResolved: boolean;
  /**
   * Who started it. An outbound call an agent dialled (a campaign call) never waited in a queue:
   * it is handled work (volume, handle time, per agent) but no part of the inbound queue figures.
   * Absent: inbound.
   */
  direction?: 'inbound' | 'outbound';
}

/** One survey answer. Scores out of range are ignored by the figures and counted as such. */
export interface SurveyResponse {
  conversationId: string;
  lineId: string;
  agentId?: string | null;
  /** Net Promoter question, 0–10. */
  nps?: number | null;
  /** "How much did this conversation help you?", 1–10. */
  helpfulness?: number | null;
}

/** Seconds an agent spent in one status during the period, as the status log records it. */
export interface AgentStatusTime {
  agentId: string;
  status: AgentStatus;
  seconds: number;
}

/**
 * Every figure carries the counts it was computed from, so a report can show "88% (44 of
 * 50)". `value` is `numerator / denominator`, or `null` when the denominator is 0: an empty
 * period has no service level, and showing 0% or NaN would misstate it. For averages the
 * numerator is the summed quantity (seconds, points) and the denominator the count.
 */
export interface Figure {
  value: number | null;
  numerator: number;
  denominator: number;
}
