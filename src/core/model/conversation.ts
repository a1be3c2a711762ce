import type { Channel, Language } from './channel.js';

export const CONVERSATION_STATES = [
  'bot',
  'queued',
  'offered',
  'active',
  'on_hold',
  'wrap_up',
  'closed',
  'timed_out',
  'transferred',
  'abandoned',
] as const;
export type ConversationState = (typeof CONVERSATION_STATES)[number];

export interface TopicRegistration {
  topicId: string;
  subtopicId: string | null;
}

export interface Registration {
  topics: TopicRegistration[];
  phaseId: string | null;
  wrapUpCode: string | null;
  notes: string;
}

export const EMPTY_REGISTRATION: Registration = { topics: [], phaseId: null, wrapUpCode: null, notes: '' };

/** What the host page told us about the customer's visit; shown to the agent. */
export interface ConversationContext {
  page?: string;
  selfServiceSteps?: string[];
  /** Present only when the host's signature over it verified. */
  customerRef?: string;
  customerRefVerified?: boolean;
  topicChoice?: string;
  /** The customer left while only the bot had talked with them: the bot resolved it. */
  botResolved?: boolean;
  /** Voice: who started the call. A callback is an outbound call the agent makes. Absent: inbound. */
  direction?: 'inbound' | 'outbound';
  /** Skills the IVR asked for (a `set` node), on top of the queue's and the language. */
  ivrSkills?: string[];
  /** Voice: digits the caller keyed in the IVR (collect nodes), by variable name; never on an anonymous line. */
  ivrVariables?: Record<string, string>;
  /** A thank-you call from an executive (pop-up seat): the tracked call's id. */
  thankYouCallId?: string;
  /** A callback: the inbound conversation it replaces (and whose place in the queue it keeps). */
  callbackFor?: string;
  /** A callback: the number to call (never on an anonymous line). */
  callbackNumber?: string;
  /** A call in the browser (WebRTC from the widget): rings and is answered through the softphone's signalling. */
  browserCall?: boolean;
  /** An outbound campaign call: the campaign and its contact list entry (src/app/campaigns/campaign-call.ts). */
  campaignId?: string;
  campaignContactId?: string;
  /** An outbound campaign call: the attempt recorded with its result (set when the call is closed). */
  campaignAttemptId?: string;
}

export interface Conversation {
  id: string;
  tenantId: string;
  lineId: string;
  queueId: string;
  contactId: string;
  channel: Channel;
  language: Language;
  state: ConversationState;
  priority: number;
  assignedAgentId: string | null;
  offeredAgentId: string | null;
  offerExpiresAt: number | null;
  createdAt: number;
  enqueuedAt: number | null;
  acceptedAt: number | null;
  closedAt: number | null;
  registration: Registration;
  context: ConversationContext;
}
