import type { Channel } from '../../core/model/index.js';
import type { StaffingInterval } from '../../core/wfm/index.js';

/** What `GET /api/staffing/lines/:lineId` returns. Types only (pure core imports), shared with the web app. */
export interface StaffingPlanView {
  lineId: string;
  day: string;
  timeZone: string;
  intervalMinutes: number;
  weeks: number;
  channel: Channel | null;
  ahtSeconds: number;
  ahtSource: 'history' | 'default' | 'given';
  targetSeconds: number;
  targetPercent: number;
  shrinkage: number;
  historyDays: string[];
  dayTotals: number[];
  trendFactor: number;
  intervals: StaffingInterval[];
  totals: { contacts: number; peakAgents: number; peakScheduledAgents: number };
}

