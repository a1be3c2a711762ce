import { z } from 'zod';
import { LANGUAGES } from '../../core/model/index.js';

/** What content managers may write; the tenant always comes from the session. */
const id = z.string().trim().regex(/^[a-z0-9_-]{2,64}$/i, 'use 2–64 letters, digits, _ or -');
const localized = (max: number) =>
  z
    .object({ nl: z.string().trim().max(max).optional(), fr: z.string().trim().max(max).optional(), en: z.string().trim().max(max).optional() })
    .refine((t) => Boolean(t.nl || t.fr || t.en), 'give a text in at least one language');
const examples = z.array(z.string().trim().min(1).max(500)).max(500).optional();
export const language = z.enum(LANGUAGES as unknown as ['nl', 'fr', 'en']);

export const intentBody = z.object({
  label: localized(200).optional(),
  examples: z.object({ nl: examples, fr: examples, en: examples }),
  answer: localized(2_000),
  articleId: id.optional(),
  handover: z
    .object({ queueId: id.optional(), priority: z.number().int().min(0).max(10).optional(), immediate: z.boolean().optional() })
    .optional(),
});

export const botSettingsBody = z.object({
  enabled: z.boolean(),
  name: z.string().trim().min(1).max(60).optional(),
  greeting: localized(2_000),
  answerThreshold: z.number().min(0).max(1).optional(),
  clarifyMargin: z.number().min(0).max(1).optional(),
  maxBotTurns: z.number().int().min(1).max(50).optional(),
});

export const botTestBody = z.object({ language, text: z.string().trim().min(1).max(2_000) });

export const importBody = z.object({
  format: z.enum(['csv', 'json']),
  language,
  content: z.string().min(1).max(4 * 1024 * 1024),
});

export const intentId = id;
