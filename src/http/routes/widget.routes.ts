import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { LANGUAGES } from '../../core/model/index.js';
import { isOpen } from '../../core/line/opening-hours.js';
import { errors } from '../../app/app.errors.js';
import { conversationIdOfToken, verifyWidgetToken } from '../../app/auth/widget-token.js';
import { readAttachmentForCustomer } from '../../app/channels/agent-attachments.js';
import { contentDisposition } from './channel.routes.js';
import { endByCustomer } from '../../app/conversation/close.js';
import { postMessage } from '../../app/conversation/post-message.js';
import { loadConversation, readEvents } from '../../app/conversation/read-conversation.js';
import { startConversation } from '../../app/conversation/start-conversation.js';
import { MAX_SURVEY_COMMENT_LENGTH, submitSurvey, surveyStatus } from '../../app/surveys/survey.service.js';
import type { ServiceDeps } from '../../app/deps.js';
import { MAX_MESSAGE_LENGTH } from '../../realtime/protocol.js';
import { typed, type RouteContext } from './route-context.js';

const lineParams = z.object({ lineId: z.string().min(1).max(64) });
const conversationParams = z.object({ conversationId: z.string().min(1).max(64) });
const startBody = z.object({
  /** `voice`: a call from the browser (signalling over the WebSocket; docs/realtime-protocol.md). */
  channel: z.enum(['chat', 'voice']).default('chat'),
  language: z.enum(LANGUAGES).optional(),
  topicId: z.string().max(64).optional(),
  /** A random id the widget keeps in the browser, so a returning visitor has one history. */
  visitorId: z.string().min(8).max(128).optional(),
  name: z.string().trim().max(100).optional(),
  context: z
    .object({
      page: z.string().max(2000).optional(),
      selfServiceSteps: z.array(z.string().max(200)).max(20).optional(),
      customerRef: z.string().max(200).optional(),
      customerRefSignature: z.string().max(200).optional(),
    })
    .optional(),
});
const messageBody = z.object({ clientId: z.string().min(1).max(64), text: z.string().trim().min(1).max(MAX_MESSAGE_LENGTH) });
/** Ranges are checked by the use case, so an out-of-range score is a clear 422, not a schema 400. */
const surveyBody = z.object({
  nps: z.number().nullable().optional(),
  helpfulness: z.number().nullable().optional(),
  comment: z.string().max(MAX_SURVEY_COMMENT_LENGTH).nullable().optional(),
});
const eventsQuery = z.object({ after: z.coerce.number().int().min(0).default(0) });

/** Returns the conversation id the bearer token opens; the token is the only proof the widget has. */
async function widgetConversation(deps: ServiceDeps, request: FastifyRequest, conversationId: string): Promise<string> {
  const header = request.headers.authorization ?? '';
  const token = header.startsWith('Bearer ') ? header.slice(7) : '';
  if (!token || conversationIdOfToken(token) !== conversationId) throw errors.badToken();
  const conversation = await loadConversation(deps, conversationId).catch(() => undefined);
  if (!conversation || !verifyWidgetToken(deps.directory.tenant(conversation.tenantId).secret, token)) throw errors.badToken();
  return conversationId;
}

/** The public widget API: no session, a per-conversation token, rate limits per IP or token. */
export async function widgetRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const r = typed(app);
  const { deps } = ctx;
  r.get('/api/widget/v1/lines/:lineId', { schema: { tags: ['widget'], summary: 'Pre-chat choices of a line', params: lineParams } }, async (request) => {
    const line = deps.directory.findLine(request.params.lineId);
    if (!line) throw errors.notFound('line', request.params.lineId);
    return {
      id: line.id,
      name: line.name,
      languages: line.languages,
      channels: line.channels,
      anonymous: line.anonymous,
      open: isOpen(line.openingHours, deps.clock.now()),
      topics: line.taxonomy.map((t) => ({ id: t.id, label: t.label })),
    };
  });
  r.post(
    '/api/widget/v1/lines/:lineId/conversations',
    {
      schema: { tags: ['widget'], summary: 'Start a chat; returns the conversation token', params: lineParams, body: startBody },
      config: { rateLimit: { max: deps.config.WIDGET_STARTS_PER_MINUTE, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const { body } = request;
      const identifier = body.visitorId ? { kind: 'visitor' as const, value: body.visitorId } : { kind: 'ip' as const, value: request.ip };
      const started = await startConversation(deps, {
        lineId: request.params.lineId,
        channel: body.channel,
        identifier,
        ...(body.language ? { language: body.language } : {}),
        ...(body.topicId ? { topicId: body.topicId } : {}),
        ...(body.name ? { displayName: body.name } : {}),
        ...(body.context ? { context: body.context } : {}),
      });
      return reply.status(201).send(started);
    },
  );
  r.post(
    '/api/widget/v1/conversations/:conversationId/messages',
    {
      schema: { tags: ['widget'], summary: 'Post a customer message (stored before it is acknowledged)', params: conversationParams, body: messageBody },
      config: { rateLimit: { max: deps.config.WIDGET_MESSAGES_PER_MINUTE, timeWindow: '1 minute', keyGenerator: (req: FastifyRequest) => req.headers.authorization ?? req.ip } },
    },
    async (request, reply) => {
      const conversationId = await widgetConversation(deps, request, request.params.conversationId);
      const result = await postMessage(deps, { kind: 'customer', conversationId }, { conversationId, ...request.body });
      return reply.status(result.duplicate ? 200 : 201).send(result);
    },
  );
  r.get(
    '/api/widget/v1/conversations/:conversationId/events',
    { schema: { tags: ['widget'], summary: 'Events after a sequence number', params: conversationParams, querystring: eventsQuery } },
    async (request) => {
      const conversationId = await widgetConversation(deps, request, request.params.conversationId);
      return { events: await readEvents(deps, { kind: 'customer', conversationId }, conversationId, request.query.after) };
    },
  );
  r.get(
    '/api/widget/v1/conversations/:conversationId/attachments/:attachmentId',
    {
      schema: { tags: ['widget'], summary: 'Download a file an agent sent in this conversation', params: conversationParams.extend({ attachmentId: z.string().min(1).max(64) }) },
      config: { rateLimit: { max: 120, timeWindow: '1 minute', keyGenerator: (req: FastifyRequest) => req.headers.authorization ?? req.ip } },
    },
    async (request, reply) => {
      const conversationId = await widgetConversation(deps, request, request.params.conversationId);
      const file = await readAttachmentForCustomer(deps, conversationId, request.params.attachmentId);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', contentDisposition(file.filename))
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(file.content);
    },
  );
  r.post(
    '/api/widget/v1/conversations/:conversationId/end',
    { schema: { tags: ['widget'], summary: 'The customer leaves the conversation', params: conversationParams } },
    async (request) => {
      const conversationId = await widgetConversation(deps, request, request.params.conversationId);
      await endByCustomer(deps, conversationId);
      return { ok: true };
    },
  );
  r.get(
    '/api/widget/v1/conversations/:conversationId/survey',
    { schema: { tags: ['widget'], summary: 'Whether the survey of this conversation is open (closed and not yet answered)', params: conversationParams } },
    async (request) => {
      const conversationId = await widgetConversation(deps, request, request.params.conversationId);
      return surveyStatus(deps, conversationId);
    },
  );
  r.post(
    '/api/widget/v1/conversations/:conversationId/survey',
    {
      schema: { tags: ['widget'], summary: 'The customer rates a closed conversation, once (NPS 0–10, helpfulness 1–10, comment)', params: conversationParams, body: surveyBody },
      config: { rateLimit: { max: 10, timeWindow: '1 minute', keyGenerator: (req: FastifyRequest) => req.headers.authorization ?? req.ip } },
    },
    async (request, reply) => {
      const conversationId = await widgetConversation(deps, request, request.params.conversationId);
      await submitSurvey(deps, conversationId, request.body);
      return reply.status(201).send({ ok: true });
    },
  );
}
