/** Shapes of the Centraal HTTP API as the web app uses them (mirrors src/core/model and the routes). */
export type Language = 'nl' | 'fr' | 'en';
export type Channel = 'chat' | 'voice' | 'email' | 'whatsapp';
export type LocalizedText = Partial<Record<Language, string>>;
export type Role = 'agent' | 'supervisor' | 'admin' | 'content_manager' | 'security' | 'special_care' | 'executive';
export type AgentStatus = 'available' | 'busy' | 'wrap_up' | 'away' | 'offline';
export type SettableStatus = 'available' | 'away' | 'offline';

export const LANGUAGES: readonly Language[] = ['nl', 'fr', 'en'];
export const CHANNELS: readonly Channel[] = ['chat', 'voice', 'email', 'whatsapp'];
export const ROLES: readonly Role[] = ['agent', 'supervisor', 'admin', 'content_manager', 'security', 'special_care', 'executive'];

export interface Me {
  id: string;
  tenantId: string;
  email: string;
  name: string;
  roles: Role[];
  skills: string[];
  queueIds: string[];
  capacity: Record<Channel, number>;
  team: string | null;
  status: AgentStatus;
  uiLanguage: Language;
}

export interface Subtopic {
  id: string;
  label: LocalizedText;
}
export interface Topic {
  id: string;
  label: LocalizedText;
  subtopics: Subtopic[];
}
export interface Phase {
  id: string;
  label: LocalizedText;
}
export interface WrapUpCode {
  id: string;
  label: LocalizedText;
}
export interface OpeningSlot {
  day: number;
  open: string;
  close: string;
}
export interface OpeningHours {
  timeZone: string;
  slots: OpeningSlot[];
  closedDates: string[];
}

export interface Line {
  id: string;
  clientId: string;
  name: string;
  channels: Channel[];
  languages: Language[];
  anonymous: boolean;
  openingHours: OpeningHours | null;
  taxonomy: Topic[];
  phases: Phase[];
  wrapUpCodes: WrapUpCode[];
  defaultQueueId: string;
  topicQueues: Record<string, string>;
  hideAgentHandleTime: boolean;
}

export interface Queue {
  id: string;
  lineId: string;
  name: string;
  skills: string[];
  priority: number;
  serviceLevelSeconds: number;
  serviceLevelPercent: number;
  overflow: { afterSeconds: number; toQueueId: string } | null;
}

export interface Registration {
  topics: Array<{ topicId: string; subtopicId: string | null }>;
  phaseId: string | null;
  wrapUpCode: string | null;
  notes: string;
}

export interface ConversationContext {
  page?: string;
  selfServiceSteps?: string[];
  customerRef?: string;
  customerRefVerified?: boolean;
  topicChoice?: string;
}

export interface ConversationDetails {
  id: string;
  state: string;
  channel: Channel;
  language: Language;
  line: { id: string; name: string; anonymous: boolean };
  queue: { id: string; name: string } | null;
  assignedAgentId: string | null;
  createdAt: string;
  registration: Registration;
  context: ConversationContext;
  contact: { id: string; pseudonym: string; identifier?: string | null; identifierKind?: string; displayName?: string | null };
}

export interface HistoryEntry {
  id: string;
  channel: Channel;
  state: string;
  createdAt: string;
  closedAt: string | null;
  topics: Array<{ topicId: string; subtopicId: string | null }>;
  phaseId: string | null;
  wrapUpCode: string | null;
  agentId: string | null;
}

/** A conversation event as an agent receives it (HTTP and WebSocket alike). */
export interface WireEvent {
  conversationId: string;
  seq: number;
  type: string;
  at: string;
  actor: { kind: 'customer' | 'agent' | 'bot' | 'system'; id?: string; name?: string };
  data: Record<string, unknown>;
}

export interface Colleague {
  id: string;
  name: string;
  status: AgentStatus;
  queueIds: string[];
}

export interface QueueStats {
  queueId: string;
  waiting: number;
  offered: number;
  longestWaitSeconds: number;
}

export interface RoutingAgentState {
  agentId: string;
  status: AgentStatus;
  load: Record<Channel, number>;
  capacity: Record<Channel, number>;
  missedOffers: number;
  offeredConversationIds: string[];
  assignedConversationIds: string[];
}

export interface OverviewAgent extends Me {
  routing: RoutingAgentState | null;
}
