import type { Agent } from '../../core/model/index.js';
import type { ComplimentRecord } from '../../storage/index.js';
import { AppError } from '../../core/errors/app-error.js';
import { errors } from '../app.errors.js';
import type { ServiceDeps } from '../deps.js';
import { newId } from '../ids.js';
import { topics } from '../../realtime/event-bus.js';

export const MAX_COMPLIMENT_LENGTH = 2000;

/** What a colleague sees of a compliment: the agent's name, never the customer. */
export interface ComplimentView {
  id: string;
  agentId: string;
  agentName: string;
  conversationId: string | null;
  source: ComplimentRecord['source'];
  text: string;
  shareWithTeam: boolean;
  createdAt: number;
}

/** Pushes a stored compliment to its agent's sockets, so the feed grows without a reload. */
export function publishCompliment(deps: ServiceDeps, c: ComplimentRecord): void {
  deps.bus.publish(topics.agent(c.agentId), { kind: 'frame', frame: { t: 'compliment.received', compliment: view(deps, c) } });
}

function view(deps: ServiceDeps, c: ComplimentRecord): ComplimentView {
  const agentName = deps.directory.findAgent(c.tenantId, c.agentId)?.name ?? '';
  return { id: c.id, agentId: c.agentId, agentName, conversationId: c.conversationId, source: c.source, text: c.text, shareWithTeam: c.shareWithTeam, createdAt: c.createdAt };
}

export async function myCompliments(deps: ServiceDeps, me: Agent): Promise<ComplimentView[]> {
  return (await deps.repos.compliments.listForAgent(me.tenantId, me.id)).map((c) => view(deps, c));
}

export async function teamCompliments(deps: ServiceDeps, me: Agent): Promise<ComplimentView[]> {
  return (await deps.repos.compliments.listShared(me.tenantId)).map((c) => view(deps, c));
}

/** Only the agent who received a compliment decides whether the team sees it. */
export async function shareCompliment(deps: ServiceDeps, me: Agent, id: string, shareWithTeam: boolean): Promise<ComplimentView> {
  const compliment = await deps.repos.compliments.get(me.tenantId, id);
  if (!compliment) throw errors.notFound('compliment', id);
  if (compliment.agentId !== me.id) throw errors.forbidden('Only the agent who received this compliment may share it');
  await deps.repos.compliments.setShared(me.tenantId, id, shareWithTeam);
  return view(deps, { ...compliment, shareWithTeam });
}

/** An executive or supervisor compliments an agent of their own tenant. */
export async function giveCompliment(deps: ServiceDeps, from: Agent, agentId: string, text: string): Promise<ComplimentView> {
  const agent = deps.directory.findAgent(from.tenantId, agentId);
  if (!agent) throw errors.notFound('agent', agentId);
  if (agent.id === from.id) throw new AppError('COMPLIMENT_SELF', 'You cannot compliment yourself', { status: 422 });
  const compliment: ComplimentRecord = {
    id: newId('cp'),
    tenantId: from.tenantId,
    agentId: agent.id,
    conversationId: null,
    source: 'executive',
    text: text.trim().slice(0, MAX_COMPLIMENT_LENGTH),
    shareWithTeam: false,
    createdAt: deps.clock.now(),
  };
  await deps.repos.compliments.insert(compliment);
  publishCompliment(deps, compliment);
  return view(deps, compliment);
}
