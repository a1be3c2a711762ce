import type {
  AssistSuggestions,
  Colleague,
  Compliment,
  ConversationDetails,
  FlagInput,
  HistoryEntry,
  Incident,
  IncidentChange,
  IncidentStatus,
  IncidentTeam,
  KnowledgeArticleView,
  KnowledgeSearchResult,
  Language,
  Line,
  PhoneTransferTarget,
  Me,
  OverviewAgent,
  Queue,
  QueueStats,
  Registration,
  SafetyActionInput,
  SafetyActionResult,
  SettableStatus,
  WireEvent,
} from './api-types.js';
import type { AttachmentRef, ChannelView } from './channel-types.js';
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
  send: (id: string, clientId: string, text: string, internal: boolean, attachmentIds: string[] = []) =>
    api.post<{ seq: number }>(`${conv(id)}/messages`, { clientId, text, internal, ...(attachmentIds.length > 0 ? { attachmentIds } : {}) }),
  addTopic: (id: string, topicId: string, subtopicId: string | null) => api.post<Registration>(`${conv(id)}/topics`, { topicId, subtopicId }),
  removeTopic: (id: string, topicId: string, subtopicId: string | null) => api.delete<Registration>(`${conv(id)}/topics`, { topicId, subtopicId }),
  setPhase: (id: string, phaseId: string) => api.put<Registration>(`${conv(id)}/phase`, { phaseId }),
  setWrapUp: (id: string, code: string) => api.put<Registration>(`${conv(id)}/wrap-up`, { code }),
  setNotes: (id: string, notes: string) => api.put<Registration>(`${conv(id)}/notes`, { notes }),
  transfer: (id: string, target: { toQueueId: string } | { toAgentId: string }, note: string) => api.post(`${conv(id)}/transfer`, { ...target, ...(note ? { note } : {}) }),
  phoneHold: (id: string) => api.post(`${conv(id)}/phone/hold`),
  phoneResume: (id: string) => api.post(`${conv(id)}/phone/resume`),
  phoneHangUp: (id: string) => api.post(`${conv(id)}/phone/hangup`),
  phoneConsult: (id: string, toAgentId: string, note: string) => api.post(`${conv(id)}/phone/consult`, { toAgentId, ...(note ? { note } : {}) }),
  /** Warm transfer to an outside number: the line's own number calls it (409 VOICE_CALLER_ID_MISSING without one). */
  phoneConsultNumber: (id: string, toNumber: string, note: string) => api.post(`${conv(id)}/phone/consult`, { toNumber, ...(note ? { note } : {}) }),
  /** `callerConsent` must be true to hand the caller to an outside number (400 TRANSFER_CONSENT_REQUIRED otherwise). */
  phoneConsultComplete: (id: string, callerConsent?: boolean) => api.post(`${conv(id)}/phone/consult/complete`, callerConsent ? { callerConsent: true } : {}),
  phoneConsultCancel: (id: string) => api.post(`${conv(id)}/phone/consult/cancel`),
  phoneTransfer: (id: string, target: PhoneTransferTarget, note: string) => api.post(`${conv(id)}/phone/transfer`, 'toNumber' in target ? target : { ...target, ...(note ? { note } : {}) }),
  close: (id: string, wrapUpCode: string | null) => api.post(`${conv(id)}/close`, wrapUpCode ? { wrapUpCode } : {}),
};

export const channelApi = {
  view: (id: string) => api.get<ChannelView>(`${conv(id)}/channel`),
  sendTemplate: (id: string, clientId: string, name: string, parameters: string[]) => api.post<{ seq: number }>(`${conv(id)}/templates`, { clientId, name, parameters }),
  /** Uploads a file for a conversation assigned to the agent (base64 in JSON, like inbound mail attachments). */
  upload: (id: string, file: { filename: string; contentType: string; contentBase64: string }) => api.post<AttachmentRef>(`${conv(id)}/attachments`, file),
  attachmentUrl: (id: string, attachmentId: string) => `${conv(id)}/attachments/${enc(attachmentId)}`,
};

export const supervisorApi = {
  overview: () => api.get<{ queues: QueueStats[]; agents: OverviewAgent[] }>('/api/supervisor/overview'),
  setStatus: (agentId: string, status: SettableStatus) => api.put<Me>(`/api/supervisor/agents/${enc(agentId)}/status`, { status }),
  setQueues: (agentId: string, queueIds: string[]) => api.put<Me>(`/api/supervisor/agents/${enc(agentId)}/queues`, { queueIds }),
};

export const safetyApi = {
  /** "End and review": opens an incident for Special Care, optionally ending the conversation. */
  flag: (id: string, input: FlagInput) => api.post<{ incidentId: string; ended: boolean }>(`${conv(id)}/flag`, input),
  /** Warn, time out or block by hand; the server checks it against the line's abuse policy. */
  action: (id: string, input: SafetyActionInput) => api.post<SafetyActionResult>(`${conv(id)}/safety-action`, input),
  incidents(filter: { status?: IncidentStatus | ''; escalatedTo?: IncidentTeam | '' }) {
    const query = new URLSearchParams();
    if (filter.status) query.set('status', filter.status);
    if (filter.escalatedTo) query.set('escalatedTo', filter.escalatedTo);
    const qs = query.toString();
    return api.get<{ incidents: Incident[] }>(`/api/incidents${qs ? `?${qs}` : ''}`);
  },
  updateIncident: (id: string, change: IncidentChange) => api.patch<Incident>(`/api/incidents/${enc(id)}`, change),
  /** A plain link: the browser downloads it with the session cookie. */
  exportUrl: (year: number) => `/api/incidents/export.csv?year=${year}`,
};

export interface KnowledgeSearchInput {
  lineId: string;
  q: string;
  language?: Language;
  topicId?: string;
  subtopicId?: string;
}

export const knowledgeApi = {
  /** Public and internal articles of the line, typo-tolerant, with topic and subtopic counts. */
  search(input: KnowledgeSearchInput) {
    const query = new URLSearchParams({ lineId: input.lineId, q: input.q });
    if (input.language) query.set('language', input.language);
    if (input.topicId) query.set('topicId', input.topicId);
    if (input.subtopicId) query.set('subtopicId', input.subtopicId);
    return api.get<KnowledgeSearchResult>(`/api/knowledge/search?${query.toString()}`);
  },
  article: (id: string) => api.get<KnowledgeArticleView>(`/api/knowledge/articles/${enc(id)}`),
  /** Suggestions for a live conversation: articles, the guided procedure and fraud warnings. */
  assist: (conversationId: string) => api.get<AssistSuggestions>(`${conv(conversationId)}/assist`),
};

export const complimentsApi = {
  mine: () => api.get<{ compliments: Compliment[] }>('/api/agent/compliments'),
  team: () => api.get<{ compliments: Compliment[] }>('/api/team/compliments'),
  share: (id: string, shareWithTeam: boolean) => api.put<Compliment>(`/api/agent/compliments/${enc(id)}`, { shareWithTeam }),
  give: (agentId: string, text: string) => api.post<Compliment>('/api/compliments', { agentId, text }),
};
