import type { Channel, Language, LocalizedText } from './channel.js';

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

export interface OpeningSlot {
  /** 0 = Sunday … 6 = Saturday, in the line's time zone. */
  day: number;
  open: string;
  close: string;
}

export interface OpeningHours {
  timeZone: string;
  slots: OpeningSlot[];
  /** ISO dates (YYYY-MM-DD) on which the line is closed all day. */
  closedDates: string[];
}

export interface Line {
  id: string;
  tenantId: string;
  clientId: string;
  name: string;
  channels: Channel[];
  languages: Language[];
  anonymous: boolean;
  openingHours: OpeningHours | null;
  taxonomy: Topic[];
  phases: Phase[];
  wrapUpCodes: Array<{ id: string; label: LocalizedText }>;
  defaultQueueId: string;
  /** Queue per pre-chat topic choice; falls back to the default queue. */
  topicQueues: Record<string, string>;
  /** A helpline that does not judge its people on time hides per-agent handle times. */
  hideAgentHandleTime: boolean;
  /** The line's abuse policy as an admin saved it (validated by `parseAbusePolicy`); absent: the default policy. */
  abusePolicy?: Record<string, unknown>;
  /** Shared secret with which the host page signs a customer reference (HMAC-SHA256). */
  contextSecret: string | null;
  /** The customer bot that answers first on chat channels; absent or disabled: straight to the queue. */
  bot?: LineBot;
  /** How long closed conversations keep their transcripts and identifiers; absent: kept until erased. */
  retention?: LineRetention | null;
  /** The line's mailbox: mail to this address (or address+token) becomes its conversations. */
  email?: LineEmailSettings;
  /** The line's WhatsApp Business number in the Cloud API. */
  whatsapp?: LineWhatsAppSettings;
  /** The line's own voice-provider account (an outsourcer has one per brand); absent: the server-wide account. */
  voice?: LineVoiceSettings;
}

/** A line's voice-provider account and its own number, the caller id when the line dials out. */
export interface LineVoiceSettings {
  accountSid: string;
  /** The account's auth token, sealed (AES-256-GCM) under the tenant secret; never leaves the server. */
  authTokenSealed: string;
  /** The line's phone number in E.164. */
  callerId: string;
}

/** GDPR storage limitation per line: after `days`, closed conversations are deleted or anonymised. */
export interface LineRetention {
  days: number;
  mode: 'delete' | 'anonymise';
}

export interface LineEmailSettings {
  /** e.g. klantenservice@energienoord.example; replies come from it, plus-addressed replies return to it. */
  address: string;
  /** Shown as the sender's name on replies. */
  displayName?: string;
  /** Appended to every agent reply, in the conversation's language. */
  signature?: LocalizedText;
}

export interface WhatsAppTemplate {
  /** The template's name as approved in the WhatsApp Business Manager. */
  name: string;
  language: Language;
  /** The approved body with {{1}}, {{2}} … placeholders; used to show the agent what was sent. */
  body: string;
}

export interface LineWhatsAppSettings {
  /** The Cloud API phone-number id (not the phone number itself). */
  phoneNumberId: string;
  /** Shown to agents; the customer sees the number in WhatsApp anyway. */
  displayPhoneNumber?: string;
  templates?: WhatsAppTemplate[];
}

/** One question the bot recognises, with its examples per language and its answer. */
export interface BotIntent {
  id: string;
  /** Short name offered in a clarifying question ("Bedoel je Kaart blokkeren of Limiet wijzigen?"). */
  label?: LocalizedText;
  examples: Partial<Record<Language, string[]>>;
  answer: LocalizedText;
  /** The knowledge article (or guided procedure) about this question; shown with the answer to agents and in the test console. */
  articleId?: string;
  /** Where a handover goes once this intent was recognised (e.g. fraud: the fraud queue, sooner). */
  handover?: IntentHandover;
}

/** Routing of a handover after this intent: another queue, a higher priority, or at once after the answer. */
export interface IntentHandover {
  queueId?: string;
  /** Added to the conversation's priority (the queue's priority still counts on top). */
  priority?: number;
  /** Hand over right after answering, e.g. "I am connecting you with our fraud team". */
  immediate?: boolean;
}

/** A line's customer bot, as a content manager configures it. */
export interface LineBot {
  enabled: boolean;
  /** Shown to the customer as the bot's name. */
  name?: string;
  greeting: LocalizedText;
  intents: BotIntent[];
  /** Answer only when the top intent's calibrated confidence reaches this (default 0.6). */
  answerThreshold?: number;
  /** ... and beats the runner-up by at least this much; closer means a clarifying question (default 0.15). */
  clarifyMargin?: number;
  /** Bot replies before the conversation goes to an agent regardless (default 4). */
  maxBotTurns?: number;
}

export const DEFAULT_BOT_SETTINGS: Readonly<{ answerThreshold: number; clarifyMargin: number; maxBotTurns: number }> = { answerThreshold: 0.6, clarifyMargin: 0.15, maxBotTurns: 4 };

/** The default five phases of a helpline conversation. */
export const DEFAULT_PHASES: Phase[] = [
  { id: 'contact', label: { nl: 'Contact maken', fr: 'Prise de contact', en: 'Make contact' } },
  { id: 'explore', label: { nl: 'Situatie verkennen', fr: 'Explorer la situation', en: 'Explore the situation' } },
  { id: 'goal', label: { nl: 'Doel bepalen', fr: "Fixer l'objectif", en: 'Set the goal' } },
  { id: 'work', label: { nl: 'Doel uitwerken', fr: "Travailler l'objectif", en: 'Work out the goal' } },
  { id: 'close', label: { nl: 'Afsluiten', fr: 'Clôturer', en: 'Close' } },
];
