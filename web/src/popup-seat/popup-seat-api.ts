import { api } from '../api/http-client.js';

export interface LineCall {
  callId: string;
  conversationId: string | null;
  said: string[];
  waitingForKeys: boolean;
  inQueue: boolean;
  connectedTo: { agentId: string; name: string } | null;
  ended: boolean;
}

export interface ThankYouAgent {
  agentId: string;
  name: string;
  team: string | null;
  status: string;
  canTakeCall: boolean;
  callsToday: number;
}

export interface ThankYouCall {
  id: string;
  agentId: string;
  conversationId: string;
  status: 'ringing' | 'answered' | 'missed' | 'ended';
  complimentId: string | null;
  createdAt: string;
}

const enc = encodeURIComponent;

export const popupSeatApi = {
  lines: () => api.get<{ lines: Array<{ id: string; name: string; languages: string[] }> }>('/api/popup-seat/lines'),
  callLine: (lineId: string) => api.post<LineCall>('/api/popup-seat/line-calls', { lineId }),
  keys: (callId: string, digits: string | null) => api.post<LineCall>(`/api/popup-seat/line-calls/${enc(callId)}/keys`, { digits }),
  lineCall: (callId: string) => api.get<LineCall>(`/api/popup-seat/line-calls/${enc(callId)}`),
  hangUp: (callId: string) => api.post<null>(`/api/popup-seat/line-calls/${enc(callId)}/hang-up`),
  thankYouList: () => api.get<{ agents: ThankYouAgent[] }>('/api/popup-seat/thank-you-list'),
  thankYouCalls: () => api.get<{ calls: ThankYouCall[] }>('/api/popup-seat/thank-you-calls'),
  callAgent: (agentId: string) => api.post<ThankYouCall>('/api/popup-seat/thank-you-calls', { agentId }),
  thankYouCall: (id: string) => api.get<ThankYouCall>(`/api/popup-seat/thank-you-calls/${enc(id)}`),
  endThankYouCall: (id: string) => api.post<ThankYouCall>(`/api/popup-seat/thank-you-calls/${enc(id)}/end`),
  note: (id: string, text: string) => api.post<{ id: string }>(`/api/popup-seat/thank-you-calls/${enc(id)}/note`, { text }),
  settings: () => api.get<{ revealCallerBeforeAnswer: boolean }>('/api/popup-seat/settings'),
  saveSettings: (revealCallerBeforeAnswer: boolean) => api.put<{ revealCallerBeforeAnswer: boolean }>('/api/popup-seat/settings', { revealCallerBeforeAnswer }),
};
