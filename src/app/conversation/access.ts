import type { Agent, Conversation } from '../../core/model/index.js';
import { isTerminal } from '../../core/conversation/lifecycle.js';
import { errors } from '../app.errors.js';

/** Who acts on a conversation: its customer (widget token) or a logged-in user. */
export type Participant = { kind: 'customer'; conversationId: string } | { kind: 'agent'; agent: Agent };

const SUPERVISING_ROLES = new Set(['supervisor', 'admin', 'security', 'special_care']);

export function isSupervising(agent: Agent): boolean {
  return agent.roles.some((r) => SUPERVISING_ROLES.has(r));
}

/** The assigned agent handles the conversation; nobody else writes in it. */
export function assertAssigned(conversation: Conversation, agent: Agent): void {
  if (conversation.tenantId !== agent.tenantId) throw errors.notFound('conversation', conversation.id);
  if (conversation.assignedAgentId !== agent.id) throw errors.notParticipant();
}

/** Reading: the customer of this conversation, the agent it is assigned or offered to, or a supervisor of the tenant. */
export function assertCanRead(conversation: Conversation, who: Participant): void {
  if (who.kind === 'customer') {
    if (who.conversationId !== conversation.id) throw errors.badToken();
    return;
  }
  const agent = who.agent;
  if (conversation.tenantId !== agent.tenantId) throw errors.notFound('conversation', conversation.id);
  if (conversation.assignedAgentId === agent.id || conversation.offeredAgentId === agent.id || isSupervising(agent)) return;
  throw errors.notParticipant();
}

export function assertOpen(conversation: Conversation): void {
  if (isTerminal(conversation.state)) throw errors.conversationEnded(conversation.id);
}
