import type { Channel, Language } from './channel.js';

export const ROLES = ['agent', 'supervisor', 'admin', 'content_manager', 'security', 'special_care', 'executive'] as const;
export type Role = (typeof ROLES)[number];

export const AGENT_STATUSES = ['available', 'busy', 'wrap_up', 'away', 'offline'] as const;
export type AgentStatus = (typeof AGENT_STATUSES)[number];

export type Capacity = Record<Channel, number>;

export const DEFAULT_CAPACITY: Capacity = { voice: 1, chat: 3, email: 5, whatsapp: 3 };

/** Every user is an agent record; roles say what else they may do. */
export interface Agent {
  id: string;
  tenantId: string;
  email: string;
  name: string;
  roles: Role[];
  /** Free-form skills plus languages as `lang:nl`, `lang:fr`, `lang:en`. */
  skills: string[];
  queueIds: string[];
  capacity: Capacity;
  team: string | null;
  status: AgentStatus;
  uiLanguage: Language;
}

export function languageSkill(language: Language): string {
  return `lang:${language}`;
}
