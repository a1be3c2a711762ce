/**
 * Shapes of the Centraal HTTP API as the web app uses them. The domain vocabulary comes from the
 * server's own model (type-only where possible), so the two cannot drift apart.
 */
import type { Agent, Line as ModelLine, Queue as ModelQueue } from '../../../src/core/model/index.js';

export type {
  Language,
  Channel,
  LocalizedText,
  Role,
  AgentStatus,
  Subtopic,
  Topic,
  Phase,
  OpeningSlot,
  OpeningHours,
  Registration,
  ConversationContext,
} from '../../../src/core/model/index.js';
export { LANGUAGES, CHANNELS, ROLES } from '../../../src/core/model/index.js';
import type { Channel, Language, AgentStatus, Registration, ConversationContext } from '../../../src/core/model/index.js';

export type SettableStatus = 'available' | 'away' | 'offline';
/** The logged-in user as `/api/me` returns it. */
export type Me = Agent;
/** Lines as `/api/lines` returns them: the context secret never leaves the server. */
/** A line's own voice-provider account as the admin API shows it: the auth token only as "set" / "not set". */
export interface LineVoiceView {
  accountSid: string;
  callerId: string;
  authToken: 'set' | 'not set';
}
export type Line = Omit<ModelLine, 'tenantId' | 'contextSecret' | 'voice'> & { voice?: LineVoiceView | null };
export type WrapUpCode = Line['wrapUpCodes'][number];
export type Queue = Omit<ModelQueue, 'tenantId'>;

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
  /** A call that came in on a phone line (the telephony adapter's call, not a browser call): its provider status. */
  phoneCall?: { status: string } | null;
  contact: { id: string; pseudonym: string; identifier?: string | null; identifierKind?: string; displayName?: string | null };
}

/** Where a transfer goes; an outside number only for a call on a phone line. */
export type PhoneTransferTarget = { toQueueId: string } | { toAgentId: string } | { toNumber: string };

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
export type { WireEvent } from '../../../src/realtime/protocol.js';

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

/** Agent protection (`/api/conversations/:id/flag`, `/safety-action`, `/api/incidents`). */
export type IncidentStatus = 'open' | 'in_review' | 'closed';
export type IncidentTeam = 'security' | 'special_care';
export type SafetyActionKind = 'warn' | 'time_out' | 'block';

export interface FlagInput {
  reason: string;
  endConversation: boolean;
}

export interface SafetyActionInput {
  kind: SafetyActionKind;
  reason: string;
  minutes?: number;
  hours?: number;
}

export interface SafetyActionResult {
  incidentId: string | null;
  blockId: string | null;
  until: string | null;
}

export interface IncidentFollowUp {
  agentCare: { reason: string; agentId: string | null; done: boolean } | null;
  customerContacted: boolean;
  policeReport: boolean;
}

/** An incident as `GET /api/incidents` returns it: nothing about the contact's identity. */
export interface Incident {
  id: string;
  lineId: string;
  conversationId: string | null;
  contactId: string | null;
  agentId: string | null;
  kind: string;
  status: IncidentStatus;
  escalatedTo: IncidentTeam | null;
  evidence: {
    eventSeqs: number[];
    reason: string;
    detector?: { label: string; score: number; terms: Array<{ term: string; ruleId: string; category: string }> };
  };
  actions: Array<{ kind: string; at: string; by: string; detail?: Record<string, unknown> }>;
  followUp: IncidentFollowUp;
  createdAt: string;
  updatedAt: string;
}

export interface IncidentChange {
  status?: IncidentStatus;
  followUp?: { agentCare?: { done: boolean }; customerContacted?: boolean; policeReport?: boolean };
}

/** One step of a guided procedure. */
export interface ProcedureStep {
  title: string;
  body: string;
  screen?: string;
  tip?: string;
  warning?: string;
}

export type FraudSignalId = 'caller_posing_as_bank' | 'code_shared' | 'asked_for_code' | 'link_in_message' | 'safe_account' | 'remote_access';

/** A knowledge search hit; `snippet` is plain text. */
export interface KnowledgeHit {
  id: string;
  title: string;
  snippet: string;
  language: Language;
  topicId: string;
  subtopicId: string | null;
  visibility: 'public' | 'internal';
  procedure: boolean;
}

export interface KnowledgeSearchResult {
  hits: KnowledgeHit[];
  total: number;
  facets: { topics: Array<{ id: string; count: number }>; subtopics: Array<{ id: string; topicId: string; count: number }> };
}

export interface KnowledgeArticleView {
  id: string;
  lineId: string;
  language: Language;
  title: string;
  /** Plain text: render as text, never as HTML. */
  body: string;
  topicId: string;
  subtopicId: string | null;
  visibility: 'public' | 'internal';
  version: number;
  updatedAt: string;
  tags: string[];
  steps: ProcedureStep[];
  warnings: string[];
}

export interface AssistSuggestions {
  conversationId: string;
  language: Language;
  intents: string[];
  warnings: Array<{ id: FraudSignalId; severity: 'high' | 'medium'; evidence: string; advice: Record<Language, string> }>;
  articles: Array<KnowledgeHit & { reason: 'intent' | 'search' | 'fraud' }>;
  procedure: { articleId: string; title: string; steps: ProcedureStep[]; warnings: string[] } | null;
}

/** A compliment as `/api/agent/compliments` and `/api/team/compliments` return it. */
export interface Compliment {
  id: string;
  agentId: string;
  agentName: string;
  conversationId: string | null;
  source: 'survey' | 'customer' | 'executive';
  text: string;
  shareWithTeam: boolean;
  createdAt: number;
}
