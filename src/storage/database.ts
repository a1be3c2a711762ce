import type { Generated } from 'kysely';

/**
 * Table shapes shared by SQLite and PostgreSQL. Times are epoch milliseconds (bigint),
 * booleans are 0/1 integers and nested settings are JSON text, so one schema fits both.
 */
export interface TenantTable {
  id: string;
  name: string;
  secret: string;
  created_at: number;
}

export interface ClientTable {
  id: string;
  tenant_id: string;
  name: string;
}

export interface LineTable {
  id: string;
  tenant_id: string;
  client_id: string;
  name: string;
  anonymous: number;
  /** JSON: channels, languages, openingHours, taxonomy, phases, wrapUpCodes, defaultQueueId, … */
  settings: string;
}

export interface QueueTable {
  id: string;
  tenant_id: string;
  line_id: string;
  name: string;
  /** JSON: skills, priority, serviceLevelSeconds, serviceLevelPercent, overflow */
  settings: string;
}

export interface UserTable {
  id: string;
  tenant_id: string;
  email: string;
  name: string;
  password_hash: string;
  roles: string;
  skills: string;
  queue_ids: string;
  capacity: string;
  team: string | null;
  status: string;
  ui_language: string;
  failed_logins: number;
  locked_until: number | null;
  created_at: number;
}

export interface SessionTable {
  /** SHA-256 of the session token; the token itself only lives in the cookie. */
  id: string;
  user_id: string;
  tenant_id: string;
  csrf_token: string;
  expires_at: number;
  created_at: number;
}

export interface ContactTable {
  id: string;
  tenant_id: string;
  key: string;
  pseudonym: string;
  identifier_kind: string;
  identifier: string | null;
  display_name: string | null;
  created_at: number;
}

export interface ConversationTable {
  id: string;
  tenant_id: string;
  line_id: string;
  queue_id: string;
  contact_id: string;
  channel: string;
  language: string;
  state: string;
  priority: number;
  assigned_agent_id: string | null;
  offered_agent_id: string | null;
  offer_expires_at: number | null;
  created_at: number;
  enqueued_at: number | null;
  accepted_at: number | null;
  closed_at: number | null;
  registration: string;
  context: string;
}

export interface EventTable {
  id: Generated<number>;
  tenant_id: string;
  conversation_id: string;
  seq: number;
  type: string;
  visibility: string;
  actor_kind: string;
  actor_id: string | null;
  actor_name: string | null;
  data: string;
  client_id: string | null;
  created_at: number;
}

export interface IncidentTable {
  id: string;
  tenant_id: string;
  line_id: string;
  conversation_id: string | null;
  contact_id: string | null;
  agent_id: string | null;
  kind: string;
  /** open | in_review | closed */
  status: string;
  /** JSON: event seqs, detector evidence, reason */
  evidence: string;
  /** JSON: the actions taken, in order */
  actions: string;
  /** security | special_care | null */
  escalated_to: string | null;
  /** JSON: { agentCare, customerContacted, policeReport } */
  follow_up: string;
  created_at: number;
  updated_at: number;
}

export interface ContactBlockTable {
  id: string;
  tenant_id: string;
  /** The pseudonymous contact key, never the raw identifier. */
  contact_key: string;
  /** null: the block holds on every line of the tenant. */
  line_id: string | null;
  reason: string;
  /** JSON: { by: 'policy' } or { by: 'user', userId, role } */
  decided_by: string;
  created_at: number;
  /** Required unless `permanent` is 1 (a check constraint enforces it). */
  expires_at: number | null;
  permanent: number;
}

export interface KnowledgeArticleTable {
  id: string;
  tenant_id: string;
  line_id: string;
  /** nl | fr | en */
  language: string;
  title: string;
  /** Plain text. */
  body: string;
  topic_id: string;
  subtopic_id: string | null;
  /** public | internal */
  visibility: string;
  version: number;
  updated_at: number;
  /** JSON: string[] */
  tags: string;
  /** JSON: [{ title, body, screen?, tip?, warning? }] for a guided procedure; [] otherwise */
  steps: string;
  /** JSON: string[], shown above the article */
  warnings: string;
}

export interface SurveyResponseTable {
  id: string;
  tenant_id: string;
  line_id: string;
  /** One survey per conversation (unique). */
  conversation_id: string;
  /** The agent who handled the conversation; null when none did. */
  agent_id: string | null;
  /** 0–10 or null (not answered). */
  nps: number | null;
  /** 1–10 or null (not answered). */
  helpfulness: number | null;
  comment: string | null;
  /** nl | fr | en */
  language: string;
  created_at: number;
}

export interface ComplimentTable {
  id: string;
  tenant_id: string;
  agent_id: string;
  conversation_id: string | null;
  /** survey | customer | executive */
  source: string;
  text: string;
  /** 0 or 1: the agent chose to show it in the team feed. */
  share_with_team: number;
  created_at: number;
}

/** Several nodes: which node runs a tenant's routing, until when, with which fencing token. */
export interface RoutingLeaseTable {
  tenant_id: string;
  holder: string;
  token: number;
  /** Epoch ms on the database's clock. */
  expires_at: number;
}

export interface Database {
  tenants: TenantTable;
  clients: ClientTable;
  lines: LineTable;
  queues: QueueTable;
  users: UserTable;
  sessions: SessionTable;
  contacts: ContactTable;
  conversations: ConversationTable;
  events: EventTable;
  incidents: IncidentTable;
  contact_blocks: ContactBlockTable;
  knowledge_articles: KnowledgeArticleTable;
  survey_responses: SurveyResponseTable;
  compliments: ComplimentTable;
  routing_leases: RoutingLeaseTable;
}
