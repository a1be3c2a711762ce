import { z } from 'zod';
import { LANGUAGES } from '../model/channel.js';
import type { IvrProblemCode } from './ivr-problem-codes.js';

/**
 * The JSON shape of an IVR flow as an admin writes it. Structure only: the graph rules (every
 * referenced node exists, every node is reachable, no loop without caller input, every prompt in
 * every language of the flow) are checked by `parseIvrFlow`, which names each problem.
 */

/**
 * The schema's own rule texts, by problem code: the validator turns an issue with one of these
 * messages into that code, so the admin UI can translate it.
 */
export const SCHEMA_RULE_MESSAGES = {
  invalid_node_id: 'a node id is 1–64 letters, digits, "_" or "-"',
  invalid_choice_key: 'a choice key is one of 0-9, * or #',
  invalid_phone_number: 'a phone number in E.164 form, e.g. +3225550100',
  invalid_audio_url: 'an audio URL (http, https or a path starting with /)',
  invalid_variable_name: 'a variable name: a letter, then letters, digits or "_"',
  menu_without_choices: 'a menu needs at least one choice',
  language_menu_without_choices: 'a language choice needs at least one choice',
  invalid_pattern: 'not a valid regular expression',
} as const satisfies Partial<Record<IvrProblemCode, string>>;

const language = z.enum(LANGUAGES);
const nodeId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, SCHEMA_RULE_MESSAGES.invalid_node_id);
const dtmfKey = z.string().regex(/^[0-9*#]$/, SCHEMA_RULE_MESSAGES.invalid_choice_key);
const e164 = z.string().regex(/^\+[1-9][0-9]{6,14}$/, SCHEMA_RULE_MESSAGES.invalid_phone_number);

const textPerLanguage = z.strictObject({ nl: z.string().min(1).optional(), fr: z.string().min(1).optional(), en: z.string().min(1).optional() });
const audioUrl = z.string().regex(/^(https?:\/\/|\/)[^\s<>"]+$/, SCHEMA_RULE_MESSAGES.invalid_audio_url);
const audioPerLanguage = z.strictObject({ nl: audioUrl.optional(), fr: audioUrl.optional(), en: audioUrl.optional() });

/** Text-to-speech per language, or a recorded message per language (`{ "audio": { "nl": "https://…" } }`). */
export const ivrPromptSchema = z.union([textPerLanguage, z.strictObject({ audio: audioPerLanguage })]);

const timeoutSeconds = z.int().min(1).max(60).default(5).describe('Seconds of silence after the prompt before it counts as no input.');
const maxRetries = z.int().min(0).max(5).default(2).describe('Prompts repeated after invalid input or no input before the fallback.');

const messageNode = z.strictObject({ type: z.literal('message'), prompt: ivrPromptSchema, next: nodeId });

const menuNode = z.strictObject({
  type: z.literal('menu'),
  prompt: ivrPromptSchema,
  choices: z.record(dtmfKey, nodeId).refine((c) => Object.keys(c).length > 0, SCHEMA_RULE_MESSAGES.menu_without_choices),
  timeoutSeconds,
  maxRetries,
  invalidPrompt: ivrPromptSchema.optional(),
  noInputPrompt: ivrPromptSchema.optional(),
  fallback: nodeId.describe('Where the caller goes after the retries run out.'),
});

const languageNode = z.strictObject({
  type: z.literal('language'),
  /** Each language's text is spoken in its own voice: "Voor Nederlands, druk 1. Pour le français, …". */
  prompt: ivrPromptSchema,
  choices: z.record(dtmfKey, language).refine((c) => Object.keys(c).length > 0, SCHEMA_RULE_MESSAGES.language_menu_without_choices),
  timeoutSeconds,
  maxRetries,
  next: nodeId,
});

const hoursNode = z.strictObject({ type: z.literal('hours'), open: nodeId, closed: nodeId });

const collectNode = z.strictObject({
  type: z.literal('collect'),
  prompt: ivrPromptSchema,
  variable: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,31}$/, SCHEMA_RULE_MESSAGES.invalid_variable_name),
  minLength: z.int().min(1).max(32).default(1),
  maxLength: z.int().min(1).max(32).default(20),
  finishOnKey: z.enum(['#', '*']).default('#'),
  pattern: z
    .string()
    .refine((p) => {
      try {
        new RegExp(p);
        return true;
      } catch {
        return false;
      }
    }, SCHEMA_RULE_MESSAGES.invalid_pattern)
    .optional()
    .describe('The digits must match this whole (anchored) regular expression.'),
  timeoutSeconds,
  maxRetries,
  invalidPrompt: ivrPromptSchema.optional(),
  next: nodeId,
  fallback: nodeId,
});

const setNode = z.strictObject({
  type: z.literal('set'),
  skills: z.array(z.string().min(1).max(64)).max(10).optional(),
  priority: z.int().min(0).max(100).optional(),
  next: nodeId,
});

const enqueueNode = z.strictObject({
  type: z.literal('enqueue'),
  /** Absent: the line's default queue (or one set earlier). */
  queueId: z.string().min(1).optional(),
  prompt: ivrPromptSchema.optional(),
});

const voicemailNode = z.strictObject({
  type: z.literal('voicemail'),
  prompt: ivrPromptSchema,
  maxSeconds: z.int().min(5).max(600).default(120),
  next: nodeId,
});

const callbackNode = z.strictObject({
  type: z.literal('callback'),
  /** Said after the request is taken ("We bellen u terug op dit nummer."). */
  confirmation: ivrPromptSchema,
  /** Absent: the line's default queue. The callback waits there like a call. */
  queueId: z.string().min(1).optional(),
  /** Call back on digits collected earlier instead of the caller's number. */
  numberVariable: z.string().min(1).optional(),
  next: nodeId,
});

const transferNode = z.strictObject({ type: z.literal('transfer'), number: e164, prompt: ivrPromptSchema.optional(), timeoutSeconds: z.int().min(5).max(120).default(30) });

const hangupNode = z.strictObject({ type: z.literal('hangup'), prompt: ivrPromptSchema.optional() });

export const ivrNodeSchema = z.discriminatedUnion('type', [
  messageNode,
  menuNode,
  languageNode,
  hoursNode,
  collectNode,
  setNode,
  enqueueNode,
  voicemailNode,
  callbackNode,
  transferNode,
  hangupNode,
]);

export const ivrFlowSchema = z.strictObject({
  /** Languages every prompt must have. */
  languages: z.array(language).min(1).max(3),
  /** The caller's language until a language choice (or the call's context) says otherwise. */
  defaultLanguage: language,
  start: nodeId,
  /** Text-to-speech voice per language (e.g. "Polly.Lotte"); absent: the platform's default voice. */
  voices: z.strictObject({ nl: z.string().min(1).max(64).optional(), fr: z.string().min(1).max(64).optional(), en: z.string().min(1).max(64).optional() }).optional(),
  nodes: z.record(nodeId, ivrNodeSchema),
});

export type IvrPrompt = z.infer<typeof ivrPromptSchema>;
export type IvrNode = z.infer<typeof ivrNodeSchema>;
export type IvrNodeType = IvrNode['type'];
export type IvrFlow = z.infer<typeof ivrFlowSchema>;
/** A flow as written, before defaults are filled. */
export type IvrFlowInput = z.input<typeof ivrFlowSchema>;
