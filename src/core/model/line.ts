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
}

/** The default five phases of a helpline conversation. */
export const DEFAULT_PHASES: Phase[] = [
  { id: 'contact', label: { nl: 'Contact maken', fr: 'Prise de contact', en: 'Make contact' } },
  { id: 'explore', label: { nl: 'Situatie verkennen', fr: 'Explorer la situation', en: 'Explore the situation' } },
  { id: 'goal', label: { nl: 'Doel bepalen', fr: "Fixer l'objectif", en: 'Set the goal' } },
  { id: 'work', label: { nl: 'Doel uitwerken', fr: "Travailler l'objectif", en: 'Work out the goal' } },
  { id: 'close', label: { nl: 'Afsluiten', fr: 'Clôturer', en: 'Close' } },
];
