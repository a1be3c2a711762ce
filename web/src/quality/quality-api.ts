import type { AwardView, BadgeView, FollowUpView, GestureBudgetView, GestureView, IdeaView, RoundtableView } from '../../../src/app/quality/quality.types.js';
import type { BadgeRule, GestureStatus } from '../../../src/core/recognition/index.js';
import type { FollowUpStatus, IdeaStatus } from '../../../src/core/quality/index.js';
import { api } from '../api/http-client.js';

/** The quality API as the web app uses it (the server's own types); kept out of endpoints.ts so this feature stays together. */
export type { FollowUpStatus, IdeaStatus };
export { IDEA_STATUSES, FOLLOW_UP_STATUSES } from '../../../src/core/quality/index.js';
export type FollowUp = FollowUpView;
export type Idea = IdeaView;
export type Roundtable = RoundtableView;
export type Award = AwardView;
export type Badge = BadgeView;
export type Gesture = GestureView;
export type GestureBudget = GestureBudgetView;
export type { BadgeRule, GestureStatus };

const enc = encodeURIComponent;

export const followUpApi = {
  list: (status?: FollowUpStatus) => api.get<{ followUps: FollowUp[] }>(`/api/complaints${status ? `?status=${status}` : ''}`),
  update: (id: string, change: { version: number; status?: FollowUpStatus; notes?: string; outcome?: string | null }) => api.patch<FollowUp>(`/api/complaints/${enc(id)}`, change),
};

export const ideasApi = {
  list: () => api.get<{ ideas: Idea[] }>('/api/ideas'),
  submit: (title: string, body: string) => api.post<Idea>('/api/ideas', { title, body }),
  support: (id: string) => api.put<Idea>(`/api/ideas/${enc(id)}/support`, {}),
  withdraw: (id: string) => api.delete<Idea>(`/api/ideas/${enc(id)}/support`),
  move: (id: string, change: { version: number; status: IdeaStatus; reply?: string | null }) => api.patch<Idea>(`/api/ideas/${enc(id)}`, change),
  roundtables: () => api.get<{ roundtables: Roundtable[] }>('/api/roundtables'),
  addRoundtable: (heldOn: string, notes: string, ideaIds: string[]) => api.post<Roundtable>('/api/roundtables', { heldOn, notes, ideaIds }),
};

export const recognitionApi = {
  awards: () => api.get<{ awards: Award[] }>('/api/awards'),
  createAward: (title: string, description: string) => api.post<Award>('/api/awards', { title, description }),
  nominate: (awardId: string, nomineeId: string, reason: string) => api.post<Award>(`/api/awards/${enc(awardId)}/nominations`, { nomineeId, reason }),
  vote: (awardId: string, nomineeId: string) => api.put<Award>(`/api/awards/${enc(awardId)}/vote`, { nomineeId }),
  close: (awardId: string) => api.post<Award>(`/api/awards/${enc(awardId)}/close`),
  badges: (all: boolean) => api.get<{ badges: Badge[] }>(`/api/badges?all=${all}`),
  rules: () => api.get<{ rules: BadgeRule[] }>('/api/badge-rules'),
  addRule: (rule: { badge: string; minResponses: number; minAverageHelpfulness: number | null; minNps: number | null }) => api.post<BadgeRule>('/api/badge-rules', rule),
  setRuleActive: (id: string, active: boolean) => api.patch<BadgeRule>(`/api/badge-rules/${enc(id)}`, { active }),
};

export const gesturesApi = {
  budgets: () => api.get<{ budgets: GestureBudget[] }>('/api/gestures/budgets'),
  setBudget: (team: string, year: number, amountCents: number) => api.put<GestureBudget>(`/api/gestures/budgets/${enc(team)}`, { year, amountCents }),
  list: () => api.get<{ gestures: Gesture[] }>('/api/gestures'),
  request: (amountCents: number, reason: string) => api.post<Gesture>('/api/gestures', { amountCents, reason }),
  decide: (id: string, change: { version: number; status: GestureStatus; note?: string | null }) => api.patch<Gesture>(`/api/gestures/${enc(id)}`, change),
};

/** 2500 → "€ 25,00" in the UI language's format. */
export function formatEuros(cents: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** "25,5" or "25.50" → 2550 cents; null when it is not a positive amount with at most two decimals. */
export function parseEuros(text: string): number | null {
  const match = /^\s*(\d{1,6})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}
