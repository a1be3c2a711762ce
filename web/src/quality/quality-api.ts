import type { FollowUpView, IdeaView, RoundtableView } from '../../../src/app/quality/quality.types.js';
import type { FollowUpStatus, IdeaStatus } from '../../../src/core/quality/index.js';
import { api } from '../api/http-client.js';

/** The quality API as the web app uses it (the server's own types); kept out of endpoints.ts so this feature stays together. */
export type { FollowUpStatus, IdeaStatus };
export { IDEA_STATUSES, FOLLOW_UP_STATUSES } from '../../../src/core/quality/index.js';
export type FollowUp = FollowUpView;
export type Idea = IdeaView;
export type Roundtable = RoundtableView;

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
