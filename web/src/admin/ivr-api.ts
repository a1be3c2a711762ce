import { api } from '../api/http-client.js';

/** One validator problem: where, a stable code with the values for its text (translated in the UI), and the server's English message. */
export interface IvrProblem {
  path: string;
  code?: string;
  params?: Record<string, string | number>;
  message: string;
}

/** A line's IVR flow as the admin API returns it (the default flow when none is saved). */
export interface LineIvr {
  lineId: string;
  isDefault: boolean;
  flow: unknown;
  updatedAt: string | null;
  updatedBy: string | null;
  queues: Array<{ id: string; name: string }>;
  languages: string[];
}

const enc = encodeURIComponent;

export const ivrApi = {
  get: (lineId: string) => api.get<LineIvr>(`/api/admin/lines/${enc(lineId)}/ivr`),
  validate: (lineId: string, flow: unknown) => api.post<{ ok: boolean; problems: IvrProblem[] }>(`/api/admin/lines/${enc(lineId)}/ivr/validate`, { flow }),
  save: (lineId: string, flow: unknown) => api.put<LineIvr>(`/api/admin/lines/${enc(lineId)}/ivr`, { flow }),
};
