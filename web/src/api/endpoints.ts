import type {
  Colleague,
  ConversationDetails,
  HistoryEntry,
  Line,
  Me,
  OverviewAgent,
  Queue,
  QueueStats,
  Registration,
  SettableStatus,
  WireEvent,
} from './api-types.js';
import { ApiError, api, setCsrfToken } from './http-client.js';

const enc = encodeURIComponent;
const conv = (id: string) => `/api/conversations/${enc(id)}`;

export const authApi = {
  async login(email: string, password: string): Promise<Me> {
    const result = await api.post<{ agent: Me; csrfToken: string }>('/api/auth/login', { email, password });
    setCsrfToken(result.csrfToken);
    return result.agent;
  },
  /** The current session, or null when not logged in. */
  async me(): Promise<Me | null> {
    try {
      const result = await api.get<{ agent: Me; csrfToken: string }>('/api/me');
      setCsrfToken(result.csrfToken);
      return result.agent;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },
  async logout(): Promise<void> {
    await api.post('/api/auth/logout');
    setCsrfToken(null);
  },
};

export const agentApi = {
  setStatus: (status: SettableStatus) => api.put<Me>('/api/agent/status', { status }),
  work: () => api.get<{ assigned: string[]; offered: string[] }>('/api/agent/work'),
  lines: () => api.get<{ lines: Line[]; queues: Queue[] }>('/api/lines'),
  /** Colleagues for a transfer; null when the server does not offer the endpoint. */
  async colleagues(): Promise<Colleague[] | null> {
    try {
      const result = await api.get<Colleague[] | { agents: Colleague[] }>('/api/agents');
      return Array.isArray(result) ? result : result.agents;
    } catch (error) {
      if (error instanceof ApiError && (error.status === 404 || error.status === 403)) return null;
      throw error;
    }
  },
  /** The details of all my conversations in one call, or null when the server lacks the endpoint. */
  async conversations(): Promise<ConversationDetails[] | null> {
    try {
      const result = await api.get<ConversationDetails[] | { conversations: ConversationDetails[] }>('/api/agent/conversations');
      return Array.isArray(result) ? result : result.conversations;
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }
  },
};

export const conversationApi = {
  details: (id: string) => api.get<ConversationDetails>(conv(id)),
  events: (id: string, after: number) => api.get<{ events: WireEvent[] }>(`${conv(id)}/events?after=${after}`),
  history: (id: string) => api.get<{ conversations: HistoryEntry[] }>(`${conv(id)}/history`),
  accept: (id: string) => api.post(`${conv(id)}/accept`),
  decline: (id: string) => api.post(`${conv(id)}/decline`),
  send: (id: string, clientId: string, text: string, internal: boolean) => api.post<{ seq: number }>(`${conv(id)}/messages`, { clientId, text, internal }),
  addTopic: (id: string, topicId: string, subtopicId: string | null) => api.post<Registration>(`${conv(id)}/topics`, { topicId, subtopicId }),
  removeTopic: (id: string, topicId: string, subtopicId: string | null) => api.delete<Registration>(`${conv(id)}/topics`, { topicId, subtopicId }),
  setPhase: (id: string, phaseId: string) => api.put<Registration>(`${conv(id)}/phase`, { phaseId }),
  setWrapUp: (id: string, code: string) => api.put<Registration>(`${conv(id)}/wrap-up`, { code }),
  setNotes: (id: string, notes: string) => api.put<Registration>(`${conv(id)}/notes`, { notes }),
  transfer: (id: string, target: { toQueueId: string } | { toAgentId: string }, note: string) => api.post(`${conv(id)}/transfer`, { ...target, ...(note ? { note } : {}) }),
  close: (id: string, wrapUpCode: string | null) => api.post(`${conv(id)}/close`, wrapUpCode ? { wrapUpCode } : {}),
};

export const supervisorApi = {
  overview: () => api.get<{ queues: QueueStats[]; agents: OverviewAgent[] }>('/api/supervisor/overview'),
  setStatus: (agentId: string, status: SettableStatus) => api.put<Me>(`/api/supervisor/agents/${enc(agentId)}/status`, { status }),
  setQueues: (agentId: string, queueIds: string[]) => api.put<Me>(`/api/supervisor/agents/${enc(agentId)}/queues`, { queueIds }),
};
