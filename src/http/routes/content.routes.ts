import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { deleteIntent, lineOfTenant, saveBotSettings, saveIntent } from '../../app/content/bot-content.js';
import { botSettingsBody, botTestBody, importBody, intentBody, intentId } from '../../app/content/content.schemas.js';
import { importChatLogs, labelUtterance } from '../../app/content/import-chat-logs.js';
import { testBot } from '../../app/content/test-bot.js';
import { dismissQuestion, listUnanswered, resolveAsExample } from '../../app/content/unanswered-questions.js';
import type { Role } from '../../core/model/index.js';
import { UNANSWERED_REASONS } from '../../storage/index.js';
import { requireRoles, sessionOf } from '../auth-hooks.js';
import { typed, type RouteContext } from './route-context.js';

const id = z.string().min(1).max(64);
const EDITORS: Role[] = ['content_manager', 'admin'];
const lineParams = z.object({ lineId: id });

/**
 * The content managers' screens: the customer bot's intents per line, the bot test console,
 * unanswered questions and chat-log import. Content managers and admins; every id is checked
 * against the caller's tenant.
 */
export async function contentRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const r = typed(app);
  const { deps } = ctx;
  const editors = { preValidation: requireRoles(ctx.auth, deps.directory, EDITORS) };
  const tenantOf = (request: Parameters<typeof sessionOf>[0]) => sessionOf(request).agent.tenantId;
  const tags = ['content'];

  r.get('/api/content/lines', { ...editors, schema: { tags, summary: 'My tenant\'s lines with their customer bot, queues and articles' } }, async (request) => {
    const tenantId = tenantOf(request);
    return {
      lines: deps.directory.linesOf(tenantId).map((line) => ({
        id: line.id,
        name: line.name,
        languages: line.languages,
        taxonomy: line.taxonomy,
        bot: line.bot ?? null,
        queues: deps.directory.queuesOf(tenantId).filter((q) => q.lineId === line.id).map((q) => ({ id: q.id, name: q.name })),
        articles: deps.knowledge.ofLine(tenantId, line.id).map((a) => ({ id: a.id, title: a.title, language: a.language, visibility: a.visibility, version: a.version, topicId: a.topicId, subtopicId: a.subtopicId, tags: a.tags, procedure: a.steps.length > 0 })),
        importedExamples: deps.botModels.importedCount(line.id),
      })),
    };
  });
  r.put('/api/content/lines/:lineId/bot', { ...editors, schema: { tags, summary: 'Create the line\'s bot or change its settings (intents stay)', params: lineParams, body: botSettingsBody } }, async (request) =>
    saveBotSettings(deps, tenantOf(request), request.params.lineId, request.body),
  );
  r.put(
    '/api/content/lines/:lineId/bot/intents/:intentId',
    { ...editors, schema: { tags, summary: 'Add or change an intent: examples and answer per language, linked article, handover routing', params: z.object({ lineId: id, intentId }), body: intentBody } },
    async (request) => saveIntent(deps, tenantOf(request), request.params.lineId, { id: request.params.intentId, ...request.body }),
  );
  r.delete('/api/content/lines/:lineId/bot/intents/:intentId', { ...editors, schema: { tags, summary: 'Remove an intent', params: z.object({ lineId: id, intentId: id }) } }, async (request) =>
    deleteIntent(deps, tenantOf(request), request.params.lineId, request.params.intentId),
  );
  r.post('/api/content/lines/:lineId/bot/test', { ...editors, schema: { tags, summary: 'What the bot would answer for a question, and why', params: lineParams, body: botTestBody } }, async (request) =>
    testBot(deps, tenantOf(request), request.params.lineId, request.body.language, request.body.text),
  );
  r.get(
    '/api/content/lines/:lineId/unanswered',
    {
      ...editors,
      schema: {
        tags,
        summary: 'Customer questions the bot handed over (anonymised): unsure, out of scope, asked again, or at the turn limit; filterable by reason',
        params: lineParams,
        querystring: z.object({ status: z.enum(['open', 'resolved', 'dismissed']).default('open'), reason: z.enum(UNANSWERED_REASONS).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }),
      },
    },
    async (request) => ({
      questions: (await listUnanswered(deps, tenantOf(request), request.params.lineId, request.query.status, request.query.limit, request.query.reason)).map(({ tenantId: _t, ...q }) => q),
    }),
  );
  r.post('/api/content/unanswered/:id/resolve', { ...editors, schema: { tags, summary: 'Make the question an example of an intent', params: z.object({ id }), body: z.object({ intentId: id }) } }, async (request) => {
    const { tenantId: _t, ...question } = await resolveAsExample(deps, tenantOf(request), request.params.id, request.body.intentId);
    return question;
  });
  r.post('/api/content/unanswered/:id/dismiss', { ...editors, schema: { tags, summary: 'Leave the question out (no content needed)', params: z.object({ id }) } }, async (request, reply) => {
    await dismissQuestion(deps, tenantOf(request), request.params.id);
    return reply.status(204).send();
  });
  r.post(
    '/api/content/lines/:lineId/imports',
    { ...editors, bodyLimit: 5 * 1024 * 1024, schema: { tags, summary: 'Import chat logs (CSV or JSON) as anonymised training utterances', params: lineParams, body: importBody } },
    async (request, reply) => reply.status(201).send(await importChatLogs(deps, tenantOf(request), request.params.lineId, request.body)),
  );
  r.get(
    '/api/content/lines/:lineId/utterances',
    { ...editors, schema: { tags, summary: 'Imported utterances with their label or the engine\'s suggestion', params: lineParams, querystring: z.object({ labelled: z.enum(['true', 'false']).optional(), limit: z.coerce.number().int().min(1).max(1_000).default(200) }) } },
    async (request) => {
      const tenantId = tenantOf(request);
      lineOfTenant(deps, tenantId, request.params.lineId);
      const labelled = request.query.labelled === undefined ? undefined : request.query.labelled === 'true';
      const list = await deps.repos.utterances.list(tenantId, request.params.lineId, { limit: request.query.limit, ...(labelled === undefined ? {} : { labelled }) });
      return { utterances: list.map(({ tenantId: _t, ...u }) => u) };
    },
  );
  r.put('/api/content/utterances/:id', { ...editors, schema: { tags, summary: 'Label an imported utterance with an intent (null clears it)', params: z.object({ id }), body: z.object({ intent: id.nullable() }) } }, async (request) => {
    const { tenantId: _t, ...utterance } = await labelUtterance(deps, tenantOf(request), request.params.id, request.body.intent);
    return utterance;
  });
}
