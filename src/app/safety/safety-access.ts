import type { Agent, Conversation, Role } from '../../core/model/index.js';
import { MANUAL_ACTION_ROLES } from '../../core/policy/index.js';
import { errors } from '../app.errors.js';
import { isSupervising } from '../conversation/access.js';

/** Security first: it may go beyond the policy's block limits, so its role is the one that counts. */
const ROLE_WEIGHT: readonly Role[] = ['security', 'admin', 'supervisor', 'special_care', 'agent'];

/** The agent handling the conversation, or a supervisor, security or special care member of its tenant. */
export function assertCanSanction(conversation: Conversation, agent: Agent): void {
  if (conversation.tenantId !== agent.tenantId) throw errors.notFound('conversation', conversation.id);
  if (!agent.roles.some((r) => MANUAL_ACTION_ROLES.includes(r))) throw errors.forbidden(`Role ${agent.roles.join(', ')} may not take abuse actions`);
  if (conversation.assignedAgentId !== agent.id && !isSupervising(agent)) throw errors.notParticipant();
}

/** The role an agent acts in for `manualAction`. */
export function actingRole(agent: Agent): Role {
  return ROLE_WEIGHT.find((r) => agent.roles.includes(r)) ?? agent.roles[0] ?? 'agent';
}
