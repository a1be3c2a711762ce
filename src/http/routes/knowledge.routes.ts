import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { errors } from '../../app/app.errors.js';
import { askHelpdesk } from '../../app/knowledge/ask-helpdesk.js';
import { draftHelpdeskAnswer } from '../../app/knowledge/draft-helpdesk-answer.js';
import { suggestAssist } from '../../app/knowledge/index.js';
import type { Agent, Role } from '../../core/model/index.js';
import { LANGUAGES } from '../../core/model/index.js';
import type { StoredArticle } from '../../storage/index.js';
import { requireRoles, sessionOf } from '../auth-hooks.js';
import { typed, type RouteContext } from './route-context.js';

const id = z.string().min(1).max(64);
const language = z.enum(LANGUAGES as unknown as ['nl', 'fr', 'en']);
const STAFF: Role[] = ['agent', 'supervisor', 'admin', 'security', 'special_care', 'executive'];
const EDITORS: Role[] = ['content_manager', 'admin'];
const text = (max: number) => z.string().trim().min(1).max(max);
const step = z.object({ title: text(200), body: text(5_000), screen: text(1_000).optional(), tip: text(1_000).optional(), warning: text(1_000).optional() });
const articleBody = z.object({
  lineId: id,
  language,
  title: text(500),
  body: z.string().max(100_000),
  topicId: id,
  subtopicId: id.nullable().default(null),
  visibility: z.enum(['public', 'internal']),
  version: z.number().int().min(1),
  tags: z.array(z.string().max(100)).max(50).default([]),
  steps: z.array(step).max(30).default([]),
  warnings: z.array(text(1_000)).max(10).default([]),
});

/** What a staff member reads of an article: everything but the tenant, with an ISO time. */
function articleView(article: StoredArticle) {
  const { tenantId: _tenant, updatedAt, ...rest } = article;
  return { ...rest, updatedAt: new Date(updatedAt).toISOString() };
}

/** The knowledge base for staff (search with facets, one article), editing, and the assist panel's suggestions. */
export async function knowledgeRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const r = typed(app);
  const { deps } = ctx;
  const readers = { preValidation: requireRoles(ctx.auth, deps.directory, [...STAFF, 'content_manager']) };
  const staff = { preValidation: requireRoles(ctx.auth, deps.directory, STAFF) };
  const editors = { preValidation: requireRoles(ctx.auth, deps.directory, EDITORS) };
  const agentOf = (request: Parameters<typeof sessionOf>[0]): Agent => {
    const { agent } = sessionOf(request);
    return deps.directory.agent(agent.tenantId, agent.id);
  };
  /** A line of the caller's tenant; another tenant's line is as unknown as a missing one. */
  const lineOf = (agent: Agent, lineId: string) => {
    const line = deps.directory.findLine(lineId);
    if (!line || line.tenantId !== agent.tenantId) throw errors.notFound('line', lineId);
    return line;
  };
  const tags = ['knowledge'];

  r.get(
    '/api/knowledge/search',
    {
      ...readers,
      schema: {
        tags,
        summary: "Search a line's public and internal articles (typo-tolerant), with topic and subtopic counts",
        querystring: z.object({ lineId: id, q: z.string().max(500).default(''), topicId: id.optional(), subtopicId: id.optional(), language: language.optional(), limit: z.coerce.number().int().min(1).max(50).default(20) }),
      },
    },
    async (request) => {
      const agent = agentOf(request);
      const { lineId, q, limit, ...filters } = request.query;
      lineOf(agent, lineId);
      return deps.knowledge.search({ tenantId: agent.tenantId, lineId, text: q, visibility: 'all', limit, ...filters });
    },
  );
  r.post(
    '/api/knowledge/helpdesk',
    {
      ...readers,
      schema: { tags, summary: "Ask the helpdesk bot: the line's best article with its confidence, or not sure with the top three search results", body: z.object({ lineId: id, language, question: z.string().trim().min(1).max(1_000) }) },
    },
    async (request) => {
      const agent = agentOf(request);
      const line = lineOf(agent, request.body.lineId);
      const { language, question } = request.body;
      const found = askHelpdesk(deps.knowledge, line, language, question);
      const draft = await draftHelpdeskAnswer(deps, line, language, question, found.answer ? [found.answer.id] : found.results.map((r) => r.id));
      return { ...found, draft };
    },
  );
  r.get('/api/knowledge/articles/:articleId', { ...readers, schema: { tags, summary: 'One article with its procedure steps and warnings', params: z.object({ articleId: id }) } }, async (request) => {
    const article = deps.knowledge.get(agentOf(request).tenantId, request.params.articleId);
    if (!article) throw errors.notFound('knowledge_article', request.params.articleId);
    return articleView(article);
  });
  r.put(
    '/api/knowledge/articles/:articleId',
    { ...editors, schema: { tags, summary: 'Create an article or save a newer version (content managers)', params: z.object({ articleId: id }), body: articleBody } },
    async (request) => {
      const agent = agentOf(request);
      lineOf(agent, request.body.lineId);
      const article: StoredArticle = { ...request.body, id: request.params.articleId, tenantId: agent.tenantId, updatedAt: deps.clock.now() };
      if (!(await deps.knowledge.save(article))) throw errors.staleArticle(article.id, article.version);
      return articleView(article);
    },
  );
  r.get(
    '/api/conversations/:conversationId/assist',
    { ...staff, schema: { tags, summary: 'Suggested articles, guided procedure and fraud warnings for a live conversation', params: z.object({ conversationId: id }) } },
    async (request) => suggestAssist(deps, agentOf(request), request.params.conversationId),
  );
}
