import type {
  Figure,
  HandleTime,
  Helpfulness,
  NetPromoterScore,
  PhaseDistribution,
  QueueRate,
  ServiceLevel,
  TopicDistribution,
  WaitFigure,
  WrapUpDistribution,
} from '../../core/metrics/index.js';
import type { Channel } from '../../core/model/index.js';

/**
 * What the line report contains. Types only, importing nothing but the pure core, so the web
 * app's report screen shares them instead of keeping a copy (as with the wallboard).
 */
export interface LineReport {
  lineId: string;
  period: { from: number; to: number };
  volume: {
    total: number;
    byChannel: Record<Channel, Figure>;
    byHour: Figure[];
    /** Contacts per channel per hour of day (24 counts each), for the stacked chart. */
    byChannelAndHour: Record<Channel, number[]>;
  };
  serviceLevel: ServiceLevel;
  answerRate: QueueRate;
  abandonRate: QueueRate;
  /** Closed − accepted per answered contact; chat and voice apart, as chat runs concurrently. */
  averageHandleSeconds: HandleTime;
  averageHandleSecondsByChannel: Record<Channel, HandleTime>;
  /** Queue wait of answered and abandoned contacts (short abandons included). */
  averageWaitSeconds: WaitFigure;
  /** ASA: queue wait of answered contacts only. */
  averageSpeedOfAnswerSeconds: WaitFigure;
  /** Conversations the bot resolved without an agent / all conversations of the period. */
  botResolved: Figure;
  topics: TopicDistribution;
  phases: PhaseDistribution;
  /** Wrap-up codes of closed conversations; campaign results (`campaign:<result>`) as their own group. */
  wrapUps: WrapUpDistribution;
  /** Absent when the line hides agent handle time. */
  byAgent?: Record<string, HandleTime>;
  surveys?: { netPromoterScore: NetPromoterScore; helpfulness: Helpfulness };
  generatedInMs: number;
}


/** The report with what lives outside the conversations table: survey answers and incidents. */
export interface FullLineReport extends LineReport {
  surveys: NonNullable<LineReport['surveys']>;
  incidents: { total: number; byKind: Record<string, number> };
}

/** `GET /api/reports/lines/:lineId` (JSON): the report plus the line's switch and its agents. */
export interface LineReportResponse extends FullLineReport {
  hideAgentHandleTime: boolean;
  /** The agents who serve the line; their handle time is in `byAgent` only when the line shows it. */
  agents: Array<{ id: string; name: string }>;
}
