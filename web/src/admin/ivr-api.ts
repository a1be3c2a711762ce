import { api } from '../api/http-client.js';

export interface IvrProblem {
  path: string;
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
