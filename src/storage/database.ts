import type { QualityTables } from './quality-tables.js';
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
  /** Last request of this session (idle time-out); null until the first request after login. */
  last_seen_at?: number | null;
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
  /** When retention anonymised it (texts and identifiers gone); null before. */
  anonymised_at?: number | null;
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

export interface IvrFlowTable {
  line_id: string;
  tenant_id: string;
  /** JSON IvrFlow as the admin saved it (validated before it is stored). */
  flow: string;
  updated_by: string | null;
  updated_at: number;
}

export interface VoiceCallTable {
  call_sid: string;
  tenant_id: string;
  line_id: string;
  conversation_id: string | null;
  /** inbound | outbound */
  direction: string;
  caller_number: string | null;
  status: string;
  ivr_state: string | null;
  created_at: number;
  updated_at: number;
}

/** A running browser call's state beyond the conversation row (see migration 0011). */
export interface CallStateTable {
  conversation_id: string;
  tenant_id: string;
  /** JSON IvrState while the IVR waits for keys. */
  ivr_state: string | null;
  /** When the IVR's no-input timer fires (epoch ms). */
  ivr_deadline: number | null;
  /** A chat that became a call rings its agent since then (epoch ms); null once answered. */
  ringing_since: number | null;
  /** The channel the conversation had before it became a call (it falls back to it when nobody answers). */
  ringing_from: string | null;
  consult_agent_id: string | null;
  consult_agent_name: string | null;
  /** A phone-line call's consult: the colleague's leg at the provider (migration 0017). */
  consult_call_sid: string | null;
  updated_at: number;
}

export interface AuditLogTable {
  id: string;
  tenant_id: string;
  /** The user who acted; null for the system (the retention job). */
  actor_id: string | null;
  /** JSON: the actor's roles at the time. */
  actor_roles: string;
  /** conversation.opened | contact.exported | contact.erased | incidents.exported | report.exported | retention.ran | … */
  action: string;
  target_kind: string;
  target_id: string | null;
  /** JSON: counts and filters; never message texts or raw identifiers. */
  detail: string;
  request_id: string | null;
  ip: string | null;
  created_at: number;
}

export interface ConsentRecordTable {
  id: string;
  tenant_id: string;
  conversation_id: string;
  contact_id: string;
  /** referral | recording */
  kind: string;
  /** 0 or 1 */
  granted: number;
  /** The user who noted the customer's answer. */
  recorded_by: string;
  note: string | null;
  created_at: number;
}

export interface JobLeaseTable {
  name: string;
  holder: string | null;
  expires_at: number;
  last_run_at: number | null;
}


export interface CampaignTable {
  id: string;
  tenant_id: string;
  line_id: string;
  name: string;
  /** draft | running | paused | done */
  status: string;
  max_attempts: number;
  retry_delay_minutes: number;
  default_country: string;
  created_by: string | null;
  created_at: number;
}

export interface CampaignContactTable {
  id: string;
  campaign_id: string;
  tenant_id: string;
  /** The CSV line the contact came from (header = 1). */
  row_number: number;
  phone: string;
  name: string | null;
  reference: string | null;
  /** pending | in_progress | done */
  status: string;
  attempts: number;
  next_attempt_at: number;
  last_result: string | null;
  /** The agent previewing or calling it (in_progress), or who called it last. */
  agent_id: string | null;
  updated_at: number;
  /** The outbound voice conversation of the call in progress (migration 0016); null between calls. */
  conversation_id: string | null;
}

export interface CampaignAttemptTable {
  id: string;
  campaign_id: string;
  contact_id: string;
  agent_id: string;
  result: string;
  note: string | null;
  at: number;
  /** The outbound voice conversation of this call (migration 0016). */
  conversation_id: string | null;
}

export interface DoNotCallTable {
  tenant_id: string;
  phone: string;
  reason: string;
  created_at: number;
}

export interface ThankYouCallTable {
  id: string;
  tenant_id: string;
  executive_id: string;
  agent_id: string;
  conversation_id: string;
  /** ringing | answered | missed | ended */
  status: string;
  compliment_id: string | null;
  created_at: number;
  answered_at: number | null;
  ended_at: number | null;
}

export interface PopupSeatSettingsTable {
  tenant_id: string;
  reveal_caller_before_answer: number;
  updated_at: number;
}


export interface ChannelThreadTable {
  conversation_id: string;
  tenant_id: string;
  line_id: string;
  contact_id: string;
  /** email | whatsapp */
  channel: string;
  /** The customer's routable address, AES-256-GCM sealed with a key derived from the tenant secret. */
  sealed_address: string;
  /** Carried in plus-addressing and the subject, so a reply without headers still finds its thread. */
  reply_token: string;
  subject: string | null;
  /** When the customer last wrote (the provider's time): WhatsApp's 24-hour window runs from it. */
  last_inbound_at: number | null;
  created_at: number;
}

export interface ChannelMessageTable {
  id: Generated<number>;
  tenant_id: string;
  conversation_id: string;
  channel: string;
  /** Email Message-ID (without <>) or WhatsApp wamid. */
  external_id: string;
  /** in | out */
  direction: string;
  /** The conversation event it belongs to. */
  seq: number | null;
  created_at: number;
}

export interface ChannelOutboxTable {
  id: Generated<number>;
  tenant_id: string;
  conversation_id: string;
  /** The `message.created` event to deliver. */
  seq: number;
  channel: string;
  /** JSON: { text, template? } */
  payload: string;
  /** pending | sent | failed */
  status: string;
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  created_at: number;
  updated_at: number;
}

export interface ChannelAttachmentTable {
  id: string;
  tenant_id: string;
  conversation_id: string;
  filename: string;
  content_type: string;
  size: number;
  content_base64: string;
  created_at: number;
}


/** A customer's WhatsApp media to fetch from the provider (migration 0019). */
export interface ChannelMediaFetchTable {
  id: Generated<number>;
  tenant_id: string;
  conversation_id: string;
  seq: number;
  media_id: string;
  kind: string;
  mime_type: string | null;
  filename: string | null;
  /** pending | fetched | refused | failed */
  status: string;
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  attachment_id: string | null;
  created_at: number;
  updated_at: number;
}

/** Every saved version of a knowledge article (migration 0013); rows are never changed. */
export interface KnowledgeArticleVersionTable {
  tenant_id: string;
  article_id: string;
  version: number;
  line_id: string;
  language: string;
  title: string;
  body: string;
  topic_id: string;
  subtopic_id: string | null;
  visibility: string;
  /** JSON, as in knowledge_articles */
  tags: string;
  steps: string;
  warnings: string;
  saved_at: number;
  /** Staff user id; null for versions from before the history was kept. */
  saved_by: string | null;
  note: string | null;
  /** The version this one restored, when it was a restore. */
  restored_from: number | null;
}

/** Several nodes: which node runs a tenant's routing, until when, with which fencing token. */
/** Several nodes: a tenant's configuration counter (migration 0012). */
export interface ConfigVersionTable {
  tenant_id: string;
  version: number;
  updated_at: number;
}

export interface RoutingLeaseTable {
  tenant_id: string;
  holder: string;
  token: number;
  /** Epoch ms on the database's clock. */
  expires_at: number;
}

export interface Database extends QualityTables {
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
  knowledge_article_versions: KnowledgeArticleVersionTable;
  survey_responses: SurveyResponseTable;
  compliments: ComplimentTable;
  ivr_flows: IvrFlowTable;
  voice_calls: VoiceCallTable;
  bot_unanswered: BotUnansweredTable;
  training_utterances: TrainingUtteranceTable;
  audit_log: AuditLogTable;
  consent_records: ConsentRecordTable;
  job_leases: JobLeaseTable;
  campaigns: CampaignTable;
  campaign_contacts: CampaignContactTable;
  campaign_attempts: CampaignAttemptTable;
  do_not_call: DoNotCallTable;
  thank_you_calls: ThankYouCallTable;
  popup_seat_settings: PopupSeatSettingsTable;
  channel_threads: ChannelThreadTable;
  channel_messages: ChannelMessageTable;
  channel_outbox: ChannelOutboxTable;
  channel_attachments: ChannelAttachmentTable;
  channel_media_fetches: ChannelMediaFetchTable;
  routing_leases: RoutingLeaseTable;
  config_versions: ConfigVersionTable;
  call_states: CallStateTable;
}

/** A customer message the bot handed over because it was not sure; anonymised. */
export interface BotUnansweredTable {
  id: string;
  tenant_id: string;
  line_id: string;
  conversation_id: string;
  language: string;
  text: string;
  /** low_confidence | out_of_scope | repeat | max_turns */
  reason: string;
  top_intent: string | null;
  top_confidence: number | null;
  /** open | resolved | dismissed */
  status: string;
  resolved_intent: string | null;
  created_at: number;
  resolved_at: number | null;
}

/** A customer turn of an imported chat log; anonymised; labelled by a content manager or not yet. */
export interface TrainingUtteranceTable {
  id: string;
  tenant_id: string;
  line_id: string;
  batch_id: string;
  transcript_ref: string;
  turn: number;
  language: string;
  text: string;
  intent: string | null;
  suggested_intent: string | null;
  suggested_confidence: number | null;
  created_at: number;
}
