import { z } from 'zod';
import { AGENT_STATUSES, CHANNELS, LANGUAGES, ROLES } from '../../core/model/index.js';

/** Shapes an admin may write; tenant ids always come from the session, never from the body. */
const id = z.string().trim().regex(/^[a-z0-9_-]{2,64}$/i, 'use 2–64 letters, digits, _ or -');
const text = z.object({ nl: z.string().max(200).optional(), fr: z.string().max(200).optional(), en: z.string().max(200).optional() })
  .refine((t) => Boolean(t.nl || t.fr || t.en), 'give a label in at least one language');
const longText = z.object({ nl: z.string().max(2000).optional(), fr: z.string().max(2000).optional(), en: z.string().max(2000).optional() })
  .refine((t) => Boolean(t.nl || t.fr || t.en), 'give a text in at least one language');
const examples = z.array(z.string().trim().min(1).max(500)).max(500).optional();
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM');

/** Per-line channel settings; the mailbox address and the WhatsApp number id are unique across lines (checked on save). */
const lineEmail = z.object({
  address: z.string().trim().toLowerCase().email().max(254).refine((a) => !a.split('@')[0]!.includes('+'), 'the address may not contain "+": plus-addressing carries the reply token'),
  displayName: z.string().trim().min(1).max(120).optional(),
  signature: longText.optional(),
});
const lineWhatsApp = z.object({
  phoneNumberId: z.string().trim().regex(/^\d{5,20}$/, 'the Cloud API phone-number id is 5–20 digits'),
  displayPhoneNumber: z.string().trim().regex(/^\+?[\d ]{6,20}$/).optional(),
  templates: z.array(z.object({ name: z.string().regex(/^[a-z0-9_]{1,512}$/, 'template names are lower case letters, digits and _'), language: z.enum(LANGUAGES), body: z.string().min(1).max(1024) })).max(100).optional(),
});

/** E.164: +, country code, up to 15 digits. */
export const e164 = z.string().trim().regex(/^\+[1-9]\d{6,14}$/, 'a phone number in E.164, e.g. +3225550100');
/**
 * The line's own voice-provider account. `authToken` is write-only: absent on a change keeps the stored one;
 * the admin API answers only whether one is set.
 */
const lineVoice = z
  .object({
    accountSid: z.string().trim().regex(/^AC[0-9a-fA-F]{32}$/, 'an account SID (AC + 32 hex digits)'),
    // A line read from the admin API and saved back carries "set" / "not set": that keeps the stored token.
    authToken: z.preprocess((v) => (v === 'set' || v === 'not set' ? undefined : v), z.string().trim().min(8).max(200).optional()),
    callerId: e164,
  })
  .strict();

export const lineInput = z.object({
  id: id.optional(),
  clientId: id.optional(),
  name: z.string().trim().min(1).max(120),
  channels: z.array(z.enum(CHANNELS)).min(1),
  languages: z.array(z.enum(LANGUAGES)).min(1),
  anonymous: z.boolean(),
  openingHours: z
    .object({
      timeZone: z.string().min(1).max(64).refine((zone) => isTimeZone(zone), 'unknown time zone'),
      slots: z.array(z.object({ day: z.number().int().min(0).max(6), open: time, close: time }).refine((s) => s.open < s.close, 'opening must be before closing')).max(50),
      closedDates: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).max(366),
    })
    .nullable(),
  taxonomy: z.array(z.object({ id, label: text, subtopics: z.array(z.object({ id, label: text })).max(100) })).max(200),
  phases: z.array(z.object({ id, label: text })).min(1).max(20),
  wrapUpCodes: z.array(z.object({ id, label: text })).max(100),
  defaultQueueId: id,
  topicQueues: z.record(z.string(), id).default({}),
  hideAgentHandleTime: z.boolean().default(false),
  contextSecret: z.string().min(16).max(200).nullable().default(null),
  /** The line's own voice-provider account and number. Absent: kept; null: the line uses the server-wide account. */
  voice: lineVoice.nullable().optional(),
  /** The line's abuse policy (validated by the policy's own schema). Absent: the line keeps what it has. */
  abusePolicy: z.record(z.string(), z.unknown()).optional(),
  /** Days after closing, then delete or anonymise transcripts, recordings and identifiers. Absent: kept; null: no retention. */
  retention: z.object({ days: z.number().int().min(1).max(36_500), mode: z.enum(['delete', 'anonymise']) }).strict().nullable().optional(),
  /** Absent: the line keeps the bot it has. */
  bot: z
    .object({
      enabled: z.boolean(),
      name: z.string().trim().min(1).max(60).optional(),
      greeting: longText,
      intents: z
        .array(z.object({ id, label: text.optional(), examples: z.object({ nl: examples, fr: examples, en: examples }), answer: longText }))
        .max(500),
      answerThreshold: z.number().min(0).max(1).optional(),
      clarifyMargin: z.number().min(0).max(1).optional(),
      maxBotTurns: z.number().int().min(1).max(50).optional(),
    })
    .optional(),
  /** Absent: the line keeps its mailbox; null removes it. */
  email: lineEmail.nullable().optional(),
  /** Absent: the line keeps its WhatsApp number; null removes it. */
  whatsapp: lineWhatsApp.nullable().optional(),
});

export const queueInput = z.object({
  id: id.optional(),
  lineId: id,
  name: z.string().trim().min(1).max(120),
  skills: z.array(z.string().trim().min(1).max(64)).max(50),
  priority: z.number().int().min(-10).max(10),
  serviceLevelSeconds: z.number().int().min(1).max(86_400),
  serviceLevelPercent: z.number().min(1).max(100),
  overflow: z.object({ afterSeconds: z.number().int().min(1).max(86_400), toQueueId: id }).nullable(),
});

export const agentInput = z.object({
  id: id.optional(),
  email: z.string().trim().toLowerCase().email().max(254),
  name: z.string().trim().min(1).max(120),
  roles: z.array(z.enum(ROLES)).min(1),
  skills: z.array(z.string().trim().min(1).max(64)).max(100),
  queueIds: z.array(id).max(100),
  capacity: z.object({ voice: z.number().int().min(0).max(1), chat: z.number().int().min(0).max(20), email: z.number().int().min(0).max(50), whatsapp: z.number().int().min(0).max(20) }),
  team: z.string().trim().max(64).nullable().default(null),
  uiLanguage: z.enum(LANGUAGES).default('nl'),
  status: z.enum(AGENT_STATUSES).optional(),
  password: z.string().min(10, 'passwords need at least 10 characters').max(200).optional(),
});

export type LineInput = z.infer<typeof lineInput>;
export type QueueInput = z.infer<typeof queueInput>;
export type AgentInput = z.infer<typeof agentInput>;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
