import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { endThankYouCall, hangUpLineCall, lineCallStatus, pressKeys, startLineCall, startThankYouCall, thankYouCallStatus, thankYouList, thankYouNote } from '../../app/popup-seat/popup-seat.service.js';
import { MAX_COMPLIMENT_LENGTH } from '../../app/surveys/compliments.js';
import type { ThankYouCallRecord } from '../../storage/index.js';
import { requireRoles, sessionOf } from '../auth-hooks.js';
import { typed, type RouteContext } from './route-context.js';

const callParams = z.object({ callId: z.string().min(1).max(64) });
const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());
const callView = (c: ThankYouCallRecord) => ({ id: c.id, agentId: c.agentId, conversationId: c.conversationId, status: c.status, complimentId: c.complimentId, createdAt: iso(c.createdAt), answeredAt: iso(c.answeredAt), endedAt: iso(c.endedAt) });

/** Thank-you day's pop-up seat: executives call their own line as a customer, and call agents to thank them. */
export async function popupSeatRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const r = typed(app);
  const { deps } = ctx;
  const executives = { preValidation: requireRoles(ctx.auth, deps.directory, ['executive']) };
  const settingsRoles = { preValidation: requireRoles(ctx.auth, deps.directory, ['executive', 'admin']) };
  const tags = ['popup-seat'];
  const me = (request: Parameters<typeof sessionOf>[0]) => {
    const { agent } = sessionOf(request);
    return deps.directory.agent(agent.tenantId, agent.id);
  };

  r.get('/api/popup-seat/lines', { ...executives, schema: { tags, summary: 'The voice lines of my tenant an executive can call' } }, async (request) => ({
    lines: deps.directory
      .linesOf(me(request).tenantId)
      .filter((l) => l.channels.includes('voice'))
      .map((l) => ({ id: l.id, name: l.name, languages: l.languages })),
  }));
  r.post('/api/popup-seat/line-calls', { ...executives, schema: { tags, summary: 'Call a line as a customer: the real IVR, queue and routing', body: z.object({ lineId: z.string().min(1).max(64) }) } }, async (request, reply) =>
    reply.status(201).send(await startLineCall(deps, me(request), request.body.lineId)),
  );
  r.post('/api/popup-seat/line-calls/:callId/keys', { ...executives, schema: { tags, summary: 'Keys pressed (null: let the prompt time out)', params: callParams, body: z.object({ digits: z.string().regex(/^[0-9*#]{1,32}$/).nullable() }) } }, async (request) =>
    pressKeys(deps, me(request), request.params.callId, request.body.digits),
  );
  r.get('/api/popup-seat/line-calls/:callId', { ...executives, schema: { tags, summary: 'Place in the queue, or the agent the call is connected to', params: callParams } }, async (request) =>
    lineCallStatus(deps, me(request), request.params.callId),
  );
  r.post('/api/popup-seat/line-calls/:callId/hang-up', { ...executives, schema: { tags, summary: 'Hang up', params: callParams } }, async (request, reply) => {
    await hangUpLineCall(deps, me(request), request.params.callId);
    return reply.status(204).send();
  });

  r.get('/api/popup-seat/thank-you-list', { ...executives, schema: { tags, summary: 'Agents to thank, with their status and calls today' } }, async (request) => ({ agents: await thankYouList(deps, me(request)) }));
  r.get('/api/popup-seat/thank-you-calls', { ...executives, schema: { tags, summary: 'Thank-you calls made today' } }, async (request) => {
    const since = new Date(deps.clock.now());
    since.setUTCHours(0, 0, 0, 0);
    const calls = await deps.repos.thankYou.list(me(request).tenantId, since.getTime());
    return { calls: calls.filter((c) => c.executiveId === me(request).id).map(callView) };
  });
  r.post('/api/popup-seat/thank-you-calls', { ...executives, schema: { tags, summary: 'Call an agent directly (offered to that agent only)', body: z.object({ agentId: z.string().min(1).max(64) }) } }, async (request, reply) =>
    reply.status(201).send(callView(await startThankYouCall(deps, me(request), request.body.agentId))),
  );
  r.get('/api/popup-seat/thank-you-calls/:callId', { ...executives, schema: { tags, summary: 'Ringing, answered, missed or ended', params: callParams } }, async (request) =>
    callView(await thankYouCallStatus(deps, me(request), request.params.callId)),
  );
  r.post('/api/popup-seat/thank-you-calls/:callId/end', { ...executives, schema: { tags, summary: 'Hang up the thank-you call', params: callParams } }, async (request) =>
    callView(await endThankYouCall(deps, me(request), request.params.callId)),
  );
  r.post(
    '/api/popup-seat/thank-you-calls/:callId/note',
    { ...executives, schema: { tags, summary: 'The thank-you words: a compliment the agent may share with the team', params: callParams, body: z.object({ text: z.string().trim().min(1).max(MAX_COMPLIMENT_LENGTH) }) } },
    async (request, reply) => reply.status(201).send(await thankYouNote(deps, me(request), request.params.callId, request.body.text)),
  );
  r.get('/api/popup-seat/settings', { ...settingsRoles, schema: { tags, summary: 'Whether agents see the caller before answering' } }, async (request) => ({
    revealCallerBeforeAnswer: await deps.repos.thankYou.revealCallerBeforeAnswer(me(request).tenantId),
  }));
  r.put('/api/popup-seat/settings', { ...settingsRoles, schema: { tags, summary: 'Set whether agents see the caller before answering', body: z.object({ revealCallerBeforeAnswer: z.boolean() }) } }, async (request) => {
    await deps.repos.thankYou.setRevealCallerBeforeAnswer(me(request).tenantId, request.body.revealCallerBeforeAnswer, deps.clock.now());
    return { revealCallerBeforeAnswer: request.body.revealCallerBeforeAnswer };
  });
}
