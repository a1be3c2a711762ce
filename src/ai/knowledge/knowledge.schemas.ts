import { z } from 'zod';
import { LANGUAGES } from '../text/index.js';
import { articleInvalid, queryInvalid } from './knowledge.errors.js';
import type { KnowledgeArticle, KnowledgeQuery } from './knowledge.types.js';

/** The most hits one search returns; a list longer than this helps nobody at a desk. */
export const MAX_SEARCH_LIMIT = 100;
const language = z.enum(LANGUAGES as ['nl', 'fr', 'en']);
const id = z.string().min(1).max(200);

export const knowledgeArticleSchema = z.object({
  id,
  lineId: id,
  language,
  title: z.string().max(500),
  body: z.string().max(200_000),
  topicId: id,
  subtopicId: id.nullable(),
  visibility: z.enum(['public', 'internal']),
  version: z.number().int().nonnegative(),
  updatedAt: z.string().min(1),
  tags: z.array(z.string().max(100)).max(100),
});

export const knowledgeQuerySchema = z.object({
  text: z.string().max(1_000),
  lineId: id,
  language: language.optional(),
  visibility: z.enum(['public', 'all']),
  topicId: id.optional(),
  subtopicId: id.optional(),
  limit: z.number().int().min(1).max(MAX_SEARCH_LIMIT),
});

function describe(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
}

export function parseArticle(input: unknown): KnowledgeArticle {
  const parsed = knowledgeArticleSchema.safeParse(input);
  if (!parsed.success) throw articleInvalid(describe(parsed.error));
  return parsed.data;
}

export function parseQuery(input: unknown): KnowledgeQuery {
  const parsed = knowledgeQuerySchema.safeParse(input);
  if (!parsed.success) throw queryInvalid(describe(parsed.error));
  return parsed.data;
}
