/** The wallboard's data as `GET /api/wallboard` returns it: the server's own types. */
import type { Wallboard, WallboardQueue, WallboardSurveys } from '../../../src/app/wallboard/wallboard.types.js';
import type { AgentStatus } from '../../../src/core/model/index.js';
export { AGENT_STATUSES as WALLBOARD_STATUSES } from '../../../src/core/model/index.js';
export type { WallboardQueue };
export type WallboardData = Wallboard;
export type WallboardStatus = AgentStatus;

export interface WallboardState {
  board: WallboardData | null;
  /** When the page last received live counts (a fetch or a frame), in the browser's clock. */
  updatedAt: number | null;
  /** When the last `supervisor.update` frame was applied: older fetches must not undo it. */
  liveAt: number;
  /** When the last `wallboard.surveys` frame was applied: older fetches must not undo it either. */
  surveysAt: number;
}

export const EMPTY_WALLBOARD: WallboardState = { board: null, updatedAt: null, liveAt: 0, surveysAt: 0 };

export type WallboardAction =
  | { type: 'board'; board: WallboardData; requestedAt: number; at: number }
  | { type: 'live'; data: Record<string, unknown>; at: number }
  | { type: 'surveys'; surveys: WallboardSurveys; at: number };

interface LiveQueue {
  queueId: string;
  waiting: number;
  offered: number;
  longestWaitSeconds: number;
}

export function wallboardReducer(state: WallboardState, action: WallboardAction): WallboardState {
  switch (action.type) {
    case 'board': {
      // A fetch that started before the last frame carries older live counts: keep the frame's.
      const keepLive = state.board !== null && action.requestedAt < state.liveAt;
      const withQueues = keepLive ? withLive(action.board, new Map(state.board!.queues.map((q) => [q.queueId, q]))) : action.board;
      const keepSurveys = state.board !== null && action.requestedAt < state.surveysAt;
      const board = keepSurveys ? { ...withQueues, surveys: state.board!.surveys } : withQueues;
      return { ...state, board, updatedAt: action.at };
    }
    case 'surveys': {
      if (!state.board) return state;
      return { ...state, board: { ...state.board, surveys: action.surveys }, updatedAt: action.at, surveysAt: action.at };
    }
    case 'live': {
      if (!state.board || !Array.isArray(action.data.queues)) return state;
      const live = new Map<string, LiveQueue>();
      for (const q of action.data.queues as LiveQueue[]) if (q && typeof q.queueId === 'string') live.set(q.queueId, q);
      return { ...state, board: withLive(state.board, live), updatedAt: action.at, liveAt: action.at };
    }
  }
}

/** The live counts (waiting, ringing, longest wait) from another source; a queue missing there has none waiting. */
function withLive(board: WallboardData, live: Map<string, LiveQueue>): WallboardData {
  return {
    ...board,
    queues: board.queues.map((q) => {
      const l = live.get(q.queueId);
      return { ...q, waiting: num(l?.waiting), offered: num(l?.offered), longestWaitSeconds: Math.floor(num(l?.longestWaitSeconds)) };
    }),
  };
}

function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/** Green at or above target, amber within 10 points below it, red further below; none without traffic. */
export function serviceLevelTone(value: number | null, targetPercent: number): 'ok' | 'warn' | 'bad' | 'none' {
  if (value === null) return 'none';
  const percent = value * 100;
  if (percent >= targetPercent) return 'ok';
  if (percent >= targetPercent - 10) return 'warn';
  return 'bad';
}

export function formatPercent(value: number | null): string {
  return value === null ? '–' : `${Math.round(value * 100)}%`;
}

export function formatWait(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** hh:mm:ss in the viewer's clock, 24-hour. */
export function formatClock(at: number): string {
  const d = new Date(at);
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}
