import type { Channel, Line, Me, Queue, Role } from '../api/api-types.js';
import { api } from '../api/http-client.js';

/** An agent as the admin edits it; `password` only on create or to reset it. */
export interface AgentInput {
  email: string;
  name: string;
  roles: Role[];
  skills: string[];
  queueIds: string[];
  capacity: Record<Channel, number>;
  team: string | null;
  uiLanguage: 'nl' | 'fr' | 'en';
  password?: string;
}

/** The line's own voice-provider account as written: without `authToken` the stored token is kept. */
export interface LineVoiceInput {
  accountSid: string;
  authToken?: string;
  callerId: string;
}
/** `email` / `whatsapp` / `voice`: absent keeps what the line has, null removes it. */
export type LineInput = Omit<Line, 'id' | 'clientId' | 'email' | 'whatsapp' | 'voice'> & {
  id?: string;
  clientId?: string;
  contextSecret?: string | null;
  email?: Line['email'] | null;
  whatsapp?: Line['whatsapp'] | null;
  voice?: LineVoiceInput | null;
};
export type QueueInput = Omit<Queue, 'id'> & { id?: string };

export interface AdminConfig {
  lines: Line[];
  queues: Queue[];
  agents: Me[];
}

const enc = encodeURIComponent;

export const adminApi = {
  config: () => api.get<AdminConfig>('/api/admin/config'),
  saveLine: (line: LineInput, id: string | null) => (id ? api.put<Line>(`/api/admin/lines/${enc(id)}`, line) : api.post<Line>('/api/admin/lines', line)),
  saveQueue: (queue: QueueInput, id: string | null) => (id ? api.put<Queue>(`/api/admin/queues/${enc(id)}`, queue) : api.post<Queue>('/api/admin/queues', queue)),
  saveAgent: (agent: AgentInput, id: string | null) => (id ? api.put<Me>(`/api/admin/agents/${enc(id)}`, agent) : api.post<Me>('/api/admin/agents', agent)),
};
