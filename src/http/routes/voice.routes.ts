import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { holdMusicWav } from '../../channels/voice/hold-music.js';
import { renderTwiml, type TwimlVerb } from '../../channels/voice/index.js';
import { verifyTwilioSignature } from '../../channels/voice/twilio-signature.js';
import { voiceCallsOf, type CallParams } from '../../app/voice/voice-call.service.js';
import { voiceErrors } from '../../app/voice/voice.errors.js';
import { webhookTokenFor } from '../../app/voice/line-voice-credentials.js';
import { typed, type RouteContext } from './route-context.js';

const lineParams = z.object({ lineId: z.string().min(1).max(64) });
/** Twilio posts many more fields; the adapter reads these and keeps the rest out. */
const callBody = z
  .object({
    CallSid: z.string().regex(/^CA[0-9a-fA-F]{32}$/, 'a call sid (CA + 32 hex digits)'),
    From: z.string().max(64).optional(),
    To: z.string().max(64).optional(),
    CallStatus: z.string().max(32).optional(),
    Digits: z.string().max(64).optional(),
    RecordingUrl: z.string().max(2000).optional(),
    RecordingDuration: z.string().max(16).optional(),
    QueueResult: z.string().max(32).optional(),
  })
  .loose();
const gatherQuery = z.object({ timeout: z.literal('1').optional() });

function sendTwiml(reply: FastifyReply, verbs: TwimlVerb[]) {
  return reply.type('text/xml; charset=utf-8').send(renderTwiml(verbs));
}

/**
 * The Twilio-style voice webhooks of a line. Bodies are form-encoded; every request must carry a valid
 * `X-Twilio-Signature` computed over PUBLIC_BASE_URL + the path and query it was sent to.
 */
export async function voiceRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const { deps } = ctx;
  const calls = voiceCallsOf(deps);

  app.get('/voice/hold-music.wav', { schema: { hide: true } }, async (_request, reply) => reply.type('audio/wav').header('cache-control', 'public, max-age=86400').send(holdMusicWav()));

  await app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });
    scope.addHook('preValidation', async (request: FastifyRequest) => {
      // A line with its own provider account signs with that account's token; the server's token is refused for it.
      const lineId = (request.params as { lineId?: unknown } | undefined)?.lineId;
      const line = typeof lineId === 'string' ? deps.directory.findLine(lineId) : undefined;
      const token = webhookTokenFor(line, line ? deps.directory.tenant(line.tenantId).secret : undefined, deps.config);
      if (!token) throw voiceErrors.notConfigured();
      const params = Object.entries((request.body ?? {}) as Record<string, string>);
      const url = `${deps.config.PUBLIC_BASE_URL}${request.url}`;
      const signature = request.headers['x-twilio-signature'];
      if (!verifyTwilioSignature(token, url, params, typeof signature === 'string' ? signature : undefined)) throw voiceErrors.signatureInvalid();
    });
    const r = typed(scope);
    const route = { tags: ['voice'], params: lineParams, body: callBody };
    r.post('/api/voice/twilio/:lineId/incoming', { schema: { ...route, summary: 'Incoming call: TwiML of the line\'s IVR' } }, async (request, reply) =>
      sendTwiml(reply, await calls.incoming(request.params.lineId, request.body as CallParams)),
    );
    r.post('/api/voice/twilio/:lineId/gather', { schema: { ...route, querystring: gatherQuery, summary: 'Keys pressed (or silence) at an IVR prompt' } }, async (request, reply) =>
      sendTwiml(reply, await calls.gather(request.params.lineId, request.body as CallParams, request.query.timeout === '1')),
    );
    r.post('/api/voice/twilio/:lineId/record', { schema: { ...route, summary: 'A voicemail recording finished' } }, async (request, reply) =>
      sendTwiml(reply, await calls.recorded(request.params.lineId, request.body as CallParams)),
    );
    r.post('/api/voice/twilio/:lineId/hold', { schema: { ...route, summary: 'Hold loop of a waiting caller (Enqueue waitUrl)' } }, async (request, reply) =>
      sendTwiml(reply, await calls.hold(request.params.lineId, request.body as CallParams)),
    );
    r.post('/api/voice/twilio/:lineId/hold-input', { schema: { ...route, summary: 'A key pressed while waiting (1: callback)' } }, async (request, reply) =>
      sendTwiml(reply, await calls.holdInput(request.params.lineId, request.body as CallParams)),
    );
    r.post('/api/voice/twilio/:lineId/queue-result', { schema: { ...route, summary: 'The caller left the queue (Enqueue action)' } }, async (request, reply) =>
      sendTwiml(reply, await calls.queueResult(request.params.lineId, request.body as CallParams)),
    );
    r.post('/api/voice/twilio/:lineId/dial-result', { schema: { ...route, summary: 'The agent leg ended (Dial action)' } }, async (request, reply) =>
      sendTwiml(reply, await calls.dialResult(request.params.lineId, request.body as CallParams)),
    );
    r.post(
      '/api/voice/twilio/outbound',
      {
        schema: {
          tags: ['voice'],
          summary: "An agent's softphone calls out: a callback it accepted or a campaign contact it holds",
          body: callBody.extend({ ConversationId: z.string().max(64).optional(), CampaignId: z.string().max(64).optional(), ContactId: z.string().max(64).optional() }),
        },
      },
      async (request, reply) => sendTwiml(reply, await calls.outbound(request.body as CallParams)),
    );
    r.post('/api/voice/twilio/:lineId/status', { schema: { ...route, summary: 'Call status callback' } }, async (request, reply) => {
      await calls.status(request.params.lineId, request.body as CallParams);
      return reply.status(204).send();
    });
  });
}
