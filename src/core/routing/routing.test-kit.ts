import { RoutingEngine } from './routing-engine.js';
import type { ContactInput, RoutingAgent, RoutingOptions, RoutingQueue } from './routing.types.js';

/** Builders shared by the routing tests; every default is the simplest valid value. */

export const T0 = 1_700_000_000_000;

export function queue(id: string, extra: Partial<RoutingQueue> = {}): RoutingQueue {
  return { id, skills: [], priority: 0, ...extra };
}

export function agent(id: string, extra: Partial<RoutingAgent> = {}): RoutingAgent {
  return { id, skills: [], queueIds: ['q'], capacity: { chat: 1 }, ...extra };
}

export function contact(conversationId: string, extra: Partial<ContactInput> = {}): ContactInput {
  return { conversationId, queueId: 'q', channel: 'chat', requiredSkills: [], priority: 0, enqueuedAt: T0, ...extra };
}

/** An engine with queue `q` (plus `queues`) and the given agents, none available yet. */
export function engineWith(agents: RoutingAgent[], queues: RoutingQueue[] = [], options: RoutingOptions = {}): RoutingEngine {
  const engine = new RoutingEngine(options);
  engine.upsertQueue(queue('q'), T0);
  for (const q of queues) engine.upsertQueue(q, T0);
  for (const a of agents) engine.upsertAgent(a, T0);
  return engine;
}

/** Makes agents available one millisecond apart, so the first listed has idled longest. */
export function makeAvailable(engine: RoutingEngine, agentIds: string[], from = T0): void {
  agentIds.forEach((id, index) => engine.setAgentStatus(id, 'available', from + index));
}

export function offeredTo(decisions: { offers: readonly { conversationId: string; agentId: string }[] }): string[] {
  return decisions.offers.map((offer) => `${offer.conversationId}->${offer.agentId}`);
}
