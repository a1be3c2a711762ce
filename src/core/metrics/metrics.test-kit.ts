import type { ContactRecord, SurveyResponse } from './metrics.types.js';

/** Builders shared by the metrics tests; times are given in seconds after T0 for readability. */

/** 2024-01-15 09:00:00 in Brussels (08:00 UTC), a Monday in winter time. */
export const T0 = Date.UTC(2024, 0, 15, 8, 0, 0);

export function at(seconds: number): number {
  return T0 + seconds * 1000;
}

export function contact(conversationId: string, extra: Partial<ContactRecord> = {}): ContactRecord {
  return { conversationId, lineId: 'line', queueId: 'q', channel: 'chat', createdAt: T0, outcome: 'in_progress', topics: [], botResolved: false, ...extra };
}

/** Queued at T0 and answered after `waitSeconds`; talk and wrap-up follow when given. */
export function answered(conversationId: string, waitSeconds: number, extra: Partial<ContactRecord> = {}): ContactRecord {
  return contact(conversationId, { enqueuedAt: at(0), offeredAt: at(waitSeconds), answeredAt: at(waitSeconds), outcome: 'answered', ...extra });
}

/** Queued at T0 and abandoned after `waitSeconds`. */
export function abandoned(conversationId: string, waitSeconds: number, extra: Partial<ContactRecord> = {}): ContactRecord {
  return contact(conversationId, { enqueuedAt: at(0), abandonedAt: at(waitSeconds), outcome: 'abandoned', ...extra });
}

export function survey(extra: Partial<SurveyResponse> = {}): SurveyResponse {
  return { conversationId: 'c', lineId: 'line', agentId: 'a1', ...extra };
}
