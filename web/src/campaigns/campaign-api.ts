import { api, ApiError } from '../api/http-client.js';

export const CALL_RESULTS = ['reached', 'no_answer', 'busy', 'voicemail', 'wrong_number', 'callback_requested', 'do_not_call'] as const;
export type CallResult = (typeof CALL_RESULTS)[number];

export interface Campaign {
  id: string;
  lineId: string;
  name: string;
  status: 'draft' | 'running' | 'paused' | 'done';
  maxAttempts: number;
  retryDelayMinutes: number;
}

export interface ContactPreview {
  id: string;
  phone: string;
  name: string | null;
  reference: string | null;
  attempts: number;
  lastResult: string | null;
  row: number;
}

export interface CampaignProgress {
  total: number;
  pending: number;
  inProgress: number;
  done: number;
  percentDone: number;
  attempts: number;
  byResult: Record<string, number>;
}

export interface ImportReport {
  imported: number;
  duplicates: Array<{ row: number; phone: string; firstRow: number }>;
  doNotCall: Array<{ row: number; phone: string }>;
  alreadyInCampaign: Array<{ row: number; phone: string }>;
}

export interface RowProblem {
  row: number;
  column: string;
  problem: string;
}

const enc = encodeURIComponent;

/** All or nothing: a list with problems answers 422 with every problem (row, column, problem). */
async function importCsv(campaignId: string, csv: string): Promise<{ ok: true; report: ImportReport } | { ok: false; problems: RowProblem[]; message: string }> {
  try {
    return { ok: true, report: await api.post<ImportReport>(`/api/campaigns/${enc(campaignId)}/contacts`, { csv }) };
  } catch (error) {
    if (error instanceof ApiError && error.code === 'CAMPAIGN_CSV_INVALID') return { ok: false, problems: error.problems as RowProblem[], message: error.message };
    throw error;
  }
}

export const campaignApi = {
  list: () => api.get<{ campaigns: Campaign[]; lines: Array<{ id: string; name: string }> }>('/api/campaigns'),
  create: (input: { lineId: string; name: string; maxAttempts: number; retryDelayMinutes: number }) => api.post<Campaign>('/api/campaigns', input),
  importCsv,
  start: (id: string) => api.post<Campaign>(`/api/campaigns/${enc(id)}/start`),
  pause: (id: string) => api.post<Campaign>(`/api/campaigns/${enc(id)}/pause`),
  progress: (id: string) => api.get<CampaignProgress>(`/api/campaigns/${enc(id)}/progress`),
  next: (id: string) => api.post<{ contact: ContactPreview | null }>(`/api/campaigns/${enc(id)}/next`),
  dial: (id: string, contactId: string) => api.post<{ conversationId: string; state: string }>(`/api/campaigns/${enc(id)}/contacts/${enc(contactId)}/dial`),
  skip: (id: string, contactId: string) => api.post<null>(`/api/campaigns/${enc(id)}/contacts/${enc(contactId)}/skip`),
  result: (id: string, contactId: string, result: CallResult) => api.post<unknown>(`/api/campaigns/${enc(id)}/contacts/${enc(contactId)}/result`, { result }),
};
