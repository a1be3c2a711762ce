import { describe, expect, it } from 'vitest';
import { EMPTY_WALLBOARD, formatPercent, formatWait, serviceLevelTone, wallboardReducer, type WallboardData } from './wallboard-state.js';

const figure = { value: null, numerator: 0, denominator: 0 };
const surveys = (responses: number, nps: number | null) => ({
  responses,
  netPromoterScore: { value: nps, promoters: responses, passives: 0, detractors: 0, denominator: responses },
  helpfulness: { value: null, numerator: 0, denominator: 0 },
});
const board = (waiting: number, responses = 0): WallboardData => ({
  generatedAt: 0,
  todayFrom: 0,
  queues: [
    {
      queueId: 'qu_bank', lineId: 'ln', name: 'Bank', serviceLevelSeconds: 20, serviceLevelPercent: 80, waiting, offered: 0, longestWaitSeconds: 0, availableAgents: 0,
      today: { serviceLevel: { ...figure, answeredWithinThreshold: 0, answered: 0, abandoned: 0 }, answerRate: figure, abandonRate: figure, answered: 0, abandoned: 0 },
    },
  ],
  channels: [],
  agents: { byStatus: { available: 0, busy: 0, wrap_up: 0, away: 0, offline: 0 }, total: 0 },
  surveys: surveys(responses, responses > 0 ? 100 : null),
});

describe('wallboard state', () => {
  it('applies live counts from a frame and keeps them over an older fetch', () => {
    let state = wallboardReducer(EMPTY_WALLBOARD, { type: 'board', board: board(0), requestedAt: 1, at: 2 });
    state = wallboardReducer(state, { type: 'live', data: { queues: [{ queueId: 'qu_bank', waiting: 1, offered: 0, longestWaitSeconds: 3.7 }] }, at: 10 });
    expect(state.board!.queues[0]).toMatchObject({ waiting: 1, longestWaitSeconds: 3 });
    state = wallboardReducer(state, { type: 'board', board: board(0), requestedAt: 5, at: 11 });
    expect(state.board!.queues[0]!.waiting).toBe(1);
    state = wallboardReducer(state, { type: 'board', board: board(0), requestedAt: 12, at: 13 });
    expect(state.board!.queues[0]!.waiting).toBe(0);
  });

  it('applies pushed survey figures and keeps them over a fetch that started earlier', () => {
    let state = wallboardReducer(EMPTY_WALLBOARD, { type: 'board', board: board(0), requestedAt: 1, at: 2 });
    state = wallboardReducer(state, { type: 'surveys', surveys: surveys(1, 100), at: 10 });
    expect(state.board!.surveys).toMatchObject({ responses: 1, netPromoterScore: { value: 100 } });
    state = wallboardReducer(state, { type: 'board', board: board(0, 0), requestedAt: 5, at: 11 });
    expect(state.board!.surveys.responses).toBe(1);
    state = wallboardReducer(state, { type: 'board', board: board(0, 2), requestedAt: 12, at: 13 });
    expect(state.board!.surveys.responses).toBe(2);
  });

  it('colours the service level against the target and formats without NaN', () => {
    expect(serviceLevelTone(null, 80)).toBe('none');
    expect(serviceLevelTone(0.85, 80)).toBe('ok');
    expect(serviceLevelTone(0.75, 80)).toBe('warn');
    expect(serviceLevelTone(0.5, 80)).toBe('bad');
    expect(formatPercent(null)).toBe('–');
    expect(formatPercent(0.5)).toBe('50%');
    expect(formatWait(75)).toBe('1:15');
  });
});
