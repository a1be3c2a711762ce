import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AGENT_STATUSES } from '../../core/model/index.js';
import { setAgentQueues, setAgentStatus } from '../../app/agent/agent-status.js';
import { conversationDetails } from '../../app/conversation/read-conversation.js';
import { requireRoles, sessionOf } from '../auth-hooks.js';
import { publicAgent } from './auth.routes.js';
import { typed, type RouteContext } from './route-context.js';

const settableStatus = z.enum(AGENT_STATUSES);

/** The agent's own status and work, the lines they serve, and the supervisor's first view. */
export async function agentRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const r = typed(app);
  const { deps } = ctx;
  const anyone = { preValidation: requireRoles(ctx.auth, deps.directory, 'any') };
  const supervisors = { preValidation: requireRoles(ctx.auth, deps.directory, ['supervisor', 'admin']) };

  r.put('/api/agent/status', { ...anyone, schema: { tags: ['agent'], summary: 'Set my status', body: z.object({ status: settableStatus }) } }, async (request) => {
    const { agent } = sessionOf(request);
    return publicAgent(await setAgentStatus(deps, agent, agent.id, request.body.status));
  });
  r.get('/api/agent/work', { ...anyone, schema: { tags: ['agent'], summary: 'My assigned and offered conversations' } }, async (request) => {
    const { agent } = sessionOf(request);
    const state = deps.routing.engine(agent.tenantId).agentState(agent.id);
    return { assigned: state.assignedConversationIds, offered: state.offeredConversationIds, load: state.load };
  });
  r.get('/api/agents', { ...anyone, schema: { tags: ['agent'], summary: 'Colleagues (for transfers): name, status, queues' } }, async (request) => {
    const { agent } = sessionOf(request);
    return {
      agents: deps.directory.agentsOf(agent.tenantId).filter((a) => a.queueIds.length > 0).map((a) => ({ id: a.id, name: a.name, status: a.status, queueIds: a.queueIds })),
    };
  });
  r.get('/api/agent/conversations', { ...anyone, schema: { tags: ['agent'], summary: 'Details of my assigned and offered conversations' } }, async (request) => {
    const { agent } = sessionOf(request);
    const state = deps.routing.engine(agent.tenantId).agentState(agent.id);
    const current = deps.directory.agent(agent.tenantId, agent.id);
    const ids = [...state.assignedConversationIds, ...state.offeredConversationIds];
    return { conversations: await Promise.all(ids.map((id) => conversationDetails(deps, { kind: 'agent', agent: current }, id))) };
  });
  r.get('/api/lines', { ...anyone, schema: { tags: ['agent'], summary: 'Lines of my tenant with taxonomy, phases and wrap-up codes' } }, async (request) => {
    const { agent } = sessionOf(request);
    return {
      lines: deps.directory.linesOf(agent.tenantId).map(({ contextSecret: _secret, voice: _voice, ...line }) => line),
      queues: deps.directory.queuesOf(agent.tenantId),
    };
  });
  r.get('/api/supervisor/overview', { ...supervisors, schema: { tags: ['supervisor'], summary: 'Queues with waiting contacts and agents with status and load' } }, async (request) => {
    const { agent } = sessionOf(request);
    const engine = deps.routing.engine(agent.tenantId);
    return {
      queues: engine.queueStats(deps.clock.now()),
      agents: deps.directory.agentsOf(agent.tenantId).map((a) => ({ ...publicAgent(a), routing: engine.agentState(a.id) })),
    };
  });
  r.put(
    '/api/supervisor/agents/:agentId/status',
    { ...supervisors, schema: { tags: ['supervisor'], summary: "Change an agent's status", params: z.object({ agentId: z.string().max(64) }), body: z.object({ status: settableStatus }) } },
    async (request) => publicAgent(await setAgentStatus(deps, sessionOf(request).agent, request.params.agentId, request.body.status)),
  );
  r.put(
    '/api/supervisor/agents/:agentId/queues',
    { ...supervisors, schema: { tags: ['supervisor'], summary: "Change an agent's queues", params: z.object({ agentId: z.string().max(64) }), body: z.object({ queueIds: z.array(z.string().max(64)).max(100) }) } },
    async (request) => publicAgent(await setAgentQueues(deps, sessionOf(request).agent, request.params.agentId, request.body.queueIds)),
  );
}
