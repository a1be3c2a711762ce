import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { errors } from '../../app/app.errors.js';
import { askHelpdesk } from '../../app/knowledge/ask-helpdesk.js';
import { draftHelpdeskAnswer } from '../../app/knowledge/draft-helpdesk-answer.js';
import { suggestAssist } from '../../app/knowledge/index.js';
import type { Agent, Role } from '../../core/model/index.js';
import { LANGUAGES } from '../../core/model/index.js';
import type { ArticleVersionRecord, ArticleVersionSummary, StoredArticle } from '../../storage/index.js';
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
  // The same ceiling as a version in a path: nine digits stay inside PostgreSQL's integer column.
  version: z.number().int().min(1).max(999_999_999),
  tags: z.array(z.string().max(100)).max(50).default([]),
  steps: z.array(step).max(30).default([]),
  warnings: z.array(text(1_000)).max(10).default([]),
  /** Why this version was saved, shown in the article's history. */
  changeNote: z.string().trim().max(500).optional(),
});
/** A version in a path or query: plain digits only (no `1e3`, `0x1` or `1.0`). */
const versionNumber = z.string().regex(/^[1-9][0-9]{0,8}$/, 'a version number (1 or more)').transform(Number);
const versionParams = z.object({ articleId: id, version: versionNumber });

/** What a staff member reads of an article: everything but the tenant, with an ISO time. */
function articleView(article: StoredArticle) {
  const { tenantId: _tenant, updatedAt, ...rest } = article;
  return { ...rest, updatedAt: new Date(updatedAt).toISOString() };
}

/** A history entry with the author's name as the directory knows it now (an id when the user is gone). */
function authored(deps: RouteContext['deps'], tenantId: string, entry: Pick<ArticleVersionSummary, 'savedAt' | 'savedBy'>) {
  const author = entry.savedBy ? deps.directory.findAgent(tenantId, entry.savedBy) : undefined;
  return { savedAt: new Date(entry.savedAt).toISOString(), savedBy: entry.savedBy ? { id: entry.savedBy, name: author?.name ?? entry.savedBy } : null };
}

function versionView(deps: RouteContext['deps'], tenantId: string, record: ArticleVersionRecord) {
  const { updatedAt: _saved, ...article } = articleView(record.article);
  return { ...article, ...authored(deps, tenantId, record), note: record.note, restoredFrom: record.restoredFrom };
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
      const { changeNote, ...content } = request.body;
      const article: StoredArticle = { ...content, id: request.params.articleId, tenantId: agent.tenantId, updatedAt: deps.clock.now() };
      if (!(await deps.knowledge.save(article, { savedBy: agent.id, note: changeNote || null }))) throw errors.staleArticle(article.id, article.version);
      return articleView(article);
    },
  );
  r.get(
    '/api/knowledge/articles/:articleId/versions',
    { ...editors, schema: { tags, summary: "An article's saved versions, newest first: who saved each, when, and the change note (content managers)", params: z.object({ articleId: id }) } },
    async (request) => {
      const { tenantId } = agentOf(request);
      const { current, versions } = await deps.knowledge.history(tenantId, request.params.articleId);
      return {
        articleId: current.id,
        currentVersion: current.version,
        versions: versions.map((v) => ({ version: v.version, title: v.title, visibility: v.visibility, ...authored(deps, tenantId, v), note: v.note, restoredFrom: v.restoredFrom })),
      };
    },
  );
  r.get(
    '/api/knowledge/articles/:articleId/versions/:version',
    { ...editors, schema: { tags, summary: 'One saved version of an article with its full content (content managers)', params: versionParams } },
    async (request) => {
      const { tenantId } = agentOf(request);
      return versionView(deps, tenantId, await deps.knowledge.version(tenantId, request.params.articleId, request.params.version));
    },
  );
  r.get(
    '/api/knowledge/articles/:articleId/diff',
    {
      ...editors,
      schema: {
        tags,
        summary: 'What changed between two versions, field by field as kept, removed and added lines; `to` defaults to the current version (content managers)',
        params: z.object({ articleId: id }),
        querystring: z.object({ from: versionNumber, to: versionNumber.optional() }),
      },
    },
    async (request) => deps.knowledge.diff(agentOf(request).tenantId, request.params.articleId, request.query.from, request.query.to),
  );
  r.post(
    '/api/knowledge/articles/:articleId/versions/:version/restore',
    {
      ...editors,
      schema: {
        tags,
        summary: "Restore an old version: saves its content as a new version (history is kept); refused as stale when the article is no longer at `currentVersion`",
        params: versionParams,
        body: z.object({ currentVersion: z.number().int().min(1).max(999_999_999), note: z.string().trim().max(500).optional() }),
      },
    },
    async (request) => {
      const agent = agentOf(request);
      const { articleId, version } = request.params;
      const old = await deps.knowledge.version(agent.tenantId, articleId, version);
      lineOf(agent, old.article.lineId);
      const restored = await deps.knowledge.restore({
        tenantId: agent.tenantId, articleId, version, expectedVersion: request.body.currentVersion, savedBy: agent.id, note: request.body.note || null, now: deps.clock.now(),
      });
      return articleView(restored);
    },
  );
  r.get(
    '/api/conversations/:conversationId/assist',
    { ...staff, schema: { tags, summary: 'Suggested articles, guided procedure and fraud warnings for a live conversation', params: z.object({ conversationId: id }) } },
    async (request) => suggestAssist(deps, agentOf(request), request.params.conversationId),
  );
}
