import type { Role } from '../model/agent.js';
import type { Channel, Language } from '../model/channel.js';
import type { AbusePolicy, EscalationTarget } from './abuse-policy.schema.js';

/** What the core needs from the classifier; `src/ai/safety` returns a superset of it. */
export type AbuseLabel = 'ok' | 'swearing' | 'threat' | 'discrimination' | 'sexual' | 'spam';
export interface AbuseClassificationInput {
  label: AbuseLabel;
  score: number;
  careSignals?: readonly string[];
}

/** Abuse already seen in this conversation, before the current message. */
export interface ConversationStrikes {
  swearing: number;
  discrimination: number;
  sexual: number;
  spam: number;
  timeOuts: number;
}

export const NO_STRIKES: ConversationStrikes = Object.freeze({ swearing: 0, discrimination: 0, sexual: 0, spam: 0, timeOuts: 0 });

/** Pseudonymous history of one contact key on this line: counts only, never content or identity. */
export interface ContactHistory {
  contactKey: string;
  /** The period the counts cover. */
  windowDays: number;
  conversations: number;
  /** Conversations wrapped up as prank or test call. */
  prankWrapUps: number;
  incidents: number;
  averageDurationSeconds: number;
  /** Contacts that ended without a solution: the trigger for Special Care. */
  unresolvedContacts: number;
  /** Earlier blocks of this key: a repeat gets the longer block. */
  previousBlocks: number;
}

export type IncidentKind = 'swearing' | 'threat' | 'discrimination' | 'prank' | 'sexual';

export type Decider = { by: 'policy' } | { by: 'user'; userId: string; role: Role };

export type RecordedMessage = { kind: 'text'; text: string } | { kind: 'audio'; audioRef: string };

export type AbuseAction =
  | { kind: 'warn'; message: string }
  | { kind: 'time_out'; minutes: number; until: number; pauseConversation: true; recordedMessage: RecordedMessage }
  | { kind: 'end'; message: string }
  | { kind: 'block'; contactKey: string | null; hours: number | null; until: number | null; reason: string; decidedBy: Decider }
  | { kind: 'escalate'; target: EscalationTarget; reason: string }
  | { kind: 'open_incident'; incidentKind: IncidentKind; reason: string }
  | { kind: 'suggest_time_out'; minutes: number; reason: string }
  | { kind: 'agent_care_task'; reason: string };

export type AbuseActionKind = AbuseAction['kind'];

export interface AbuseDecisionInput {
  policy: AbusePolicy;
  classification: AbuseClassificationInput;
  conversationStrikes?: ConversationStrikes;
  contactHistory?: ContactHistory | null;
  channel: Channel;
  language: Language;
  /** Epoch milliseconds. */
  now: number;
}

export interface AbuseDecision {
  actions: AbuseAction[];
  /** One sentence per rule that fired, in the order the actions appear. */
  reason: string;
}
