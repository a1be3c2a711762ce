import type { Figure } from '../../core/metrics/index.js';
import type { AgentStatus, Channel } from '../../core/model/index.js';

/**
 * What `GET /api/wallboard` returns. Types only, importing nothing but the pure core, so the
 * web app shares them instead of keeping a copy.
 */
export interface WallboardQueue {
  queueId: string;
  lineId: string;
  name: string;
  serviceLevelSeconds: number;
  serviceLevelPercent: number;
  /** Live, from the routing engine. */
  waiting: number;
  offered: number;
  longestWaitSeconds: number;
  availableAgents: number;
  /** Since local midnight, from the database. */
  today: {
    serviceLevel: Figure & { answeredWithinThreshold: number; answered: number; abandoned: number };
    answerRate: Figure;
    abandonRate: Figure;
    answered: number;
    abandoned: number;
  };
}

export interface WallboardChannel {
  channel: Channel;
  today: { contacts: number; answered: number; abandoned: number };
}

/** Today's survey answers of the whole tenant: NPS with its counts and mean helpfulness. */
export interface WallboardSurveys {
  /** Answers given today (with or without an NPS score). */
  responses: number;
  netPromoterScore: { value: number | null; promoters: number; passives: number; detractors: number; denominator: number };
  helpfulness: Figure;
}

export interface Wallboard {
  generatedAt: number;
  todayFrom: number;
  queues: WallboardQueue[];
  channels: WallboardChannel[];
  agents: { byStatus: Record<AgentStatus, number>; total: number };
  surveys: WallboardSurveys;
}
