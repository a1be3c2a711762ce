import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { channelErrors } from '../../app/channels/channel.errors.js';
import { uploadAttachment } from '../../app/channels/agent-attachments.js';
import { channelView, readAttachment } from '../../app/channels/channel-view.js';
import { receiveItems } from '../../app/channels/receive-inbound.js';
import { sendTemplate } from '../../app/channels/send-template.js';
import { InboundRefusal, type ChannelAdapter } from '../../channels/channel-contract.js';
import type { EmailRaw } from '../../channels/email/email-adapter.js';
import type { WhatsAppRaw } from '../../channels/whatsapp/whatsapp-adapter.js';
import { AppError } from '../../core/errors/app-error.js';
import { requireRoles, sessionOf } from '../auth-hooks.js';
import { typed, type RouteContext } from './route-context.js';

const params = z.object({ conversationId: z.string().min(1).max(64) });
const id = z.string().min(1).max(64);

/**
 * Provider webhooks (WhatsApp Cloud API, parsed inbound mail) and the desktop's channel extras
 * (template send, reply window and summary, attachments). Webhooks answer only after what they
 * carried is durable, so a provider that gets an error sends again.
 */
export async function channelRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const { deps } = ctx;
  const tags = ['channels'];

  // The signature covers the exact bytes: this scope keeps JSON bodies as raw buffers.
  await app.register(async (raw) => {
    raw.removeContentTypeParser('application/json');
    raw.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: 1024 * 1024 }, (_request, body, done) => done(null, body));
    const r = typed(raw);
    r.get(
      '/api/channels/whatsapp/webhook',
      { schema: { tags, summary: 'WhatsApp webhook verification handshake (hub.challenge)', querystring: z.object({ 'hub.mode': z.string().optional(), 'hub.verify_token': z.string().optional(), 'hub.challenge': z.string().max(200).optional() }) } },
      async (request, reply) => {
        const expected = deps.config.WHATSAPP_VERIFY_TOKEN;
        const q = request.query;
        if (!expected || q['hub.mode'] !== 'subscribe' || !q['hub.verify_token'] || !sameSecret(q['hub.verify_token'], expected) || q['hub.challenge'] === undefined) {
          throw channelErrors.verifyTokenInvalid();
        }
        return reply.type('text/plain').send(q['hub.challenge']);
      },
    );
    r.post('/api/channels/whatsapp/webhook', { schema: { tags, summary: 'WhatsApp Cloud API webhook (messages and statuses; X-Hub-Signature-256 checked)' } }, async (request) => {
      const adapter = deps.channels.adapterFor('whatsapp') as ChannelAdapter<WhatsAppRaw>;
      const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const signature = request.headers['x-hub-signature-256'];
      const items = await refusalsAsErrors(() => adapter.parseInbound({ rawBody, signature: typeof signature === 'string' ? signature : undefined }));
      const outcomes = await receiveItems(deps, items);
      return { received: items.length, conversations: [...new Set(outcomes.flatMap((o) => (o.conversationId ? [o.conversationId] : [])))] };
    });
  });

  await app.register(async (scope) => {
    const r = typed(scope);
    r.post(
      '/api/channels/email/inbound',
      { bodyLimit: Math.ceil(deps.config.EMAIL_MAX_MESSAGE_BYTES * 1.4), schema: { tags, summary: 'Inbound mail already parsed by a provider (bearer EMAIL_INBOUND_WEBHOOK_SECRET)', body: z.unknown() } },
      async (request, reply) => {
        const secret = deps.config.EMAIL_INBOUND_WEBHOOK_SECRET;
        if (!secret) throw channelErrors.inboundWebhookOff();
        const given = (request.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
        if (!given || !sameSecret(given, secret)) throw channelErrors.inboundWebhookUnauthorised();
        const adapter = deps.channels.adapterFor('email') as ChannelAdapter<EmailRaw>;
        const items = await refusalsAsErrors(() => adapter.parseInbound({ kind: 'webhook', body: request.body }));
        const [outcome] = await receiveItems(deps, items);
        return reply.status(outcome?.outcome === 'new_conversation' ? 201 : 200).send(outcome ?? {});
      },
    );

    const staff = { preValidation: requireRoles(ctx.auth, deps.directory, ['agent', 'supervisor', 'admin', 'security', 'special_care', 'executive']) };
    const agentOf = (request: Parameters<typeof sessionOf>[0]) => {
      const { agent } = sessionOf(request);
      return deps.directory.agent(agent.tenantId, agent.id);
    };
    r.get('/api/conversations/:conversationId/channel', { ...staff, schema: { tags, summary: 'Subject, reply window, templates and (for long threads) a summary of an email/WhatsApp conversation', params } }, async (request) =>
      channelView(deps, agentOf(request), request.params.conversationId),
    );
    r.post(
      '/api/conversations/:conversationId/templates',
      { ...staff, schema: { tags, summary: "Send one of the line's approved WhatsApp templates", params, body: z.object({ clientId: id, name: z.string().min(1).max(512), parameters: z.array(z.string().min(1).max(1000)).max(20).default([]) }) } },
      async (request, reply) => {
        const result = await sendTemplate(deps, agentOf(request), { conversationId: request.params.conversationId, ...request.body });
        return reply.status(result.duplicate ? 200 : 201).send(result);
      },
    );
    r.post(
      '/api/conversations/:conversationId/attachments',
      {
        ...staff,
        // Base64 is 4/3 of the file; the slack lets a file just over the limit get ATTACHMENT_TOO_LARGE with its name.
        bodyLimit: Math.ceil((deps.config.EMAIL_MAX_ATTACHMENT_BYTES * 4) / 3) + 64 * 1024,
        schema: {
          tags,
          summary: 'Upload a file (base64) for a conversation assigned to you; send it with attachmentIds on a message',
          params,
          body: z.object({ filename: z.string().min(1).max(255), contentType: z.string().min(3).max(255), contentBase64: z.base64() }),
        },
      },
      async (request, reply) => {
        const { filename, contentType, contentBase64 } = request.body;
        const ref = await uploadAttachment(deps, agentOf(request), { conversationId: request.params.conversationId, filename, contentType, content: Buffer.from(contentBase64, 'base64') });
        return reply.status(201).send(ref);
      },
    );
    r.get(
      '/api/conversations/:conversationId/attachments/:attachmentId',
      { ...staff, schema: { tags, summary: 'Download an attachment of the conversation (inbound mail, or a file an agent uploaded)', params: params.extend({ attachmentId: id }) } },
      async (request, reply) => {
        const file = await readAttachment(deps, agentOf(request), request.params.conversationId, request.params.attachmentId);
        // Always a download, never rendered in the app's origin.
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', contentDisposition(file.filename))
          .header('content-security-policy', "default-src 'none'; sandbox")
          .header('x-content-type-options', 'nosniff')
          .send(file.content);
      },
    );
  });
}

/** Always a download; the ASCII fallback name plus the exact (UTF-8) name for browsers that read it. */
export function contentDisposition(filename: string): string {
  return `attachment; filename="${filename.replace(/[^\w.\- ]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

async function refusalsAsErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof InboundRefusal) throw new AppError(error.code, error.message, { status: error.status });
    throw error;
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
