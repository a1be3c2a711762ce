import { isTerminal } from '../../core/conversation/lifecycle.js';
import type { Agent } from '../../core/model/index.js';
import { manualAction } from '../../core/policy/index.js';
import type { ServiceDeps } from '../deps.js';
import { loadConversation } from '../conversation/read-conversation.js';
import { errors } from '../app.errors.js';
import { carryOutActions, type CarriedOut } from './carry-out-actions.js';
import { finishSafetyEnd } from './finish-safety-end.js';
import { abusePolicyOf } from './line-abuse-policy.js';
import { safetyErrors } from './safety.errors.js';
import { actingRole, assertCanSanction } from './safety-access.js';
import { safetyStateOf } from './safety-state.js';

export interface SafetyActionInput {
  kind: 'warn' | 'time_out' | 'end' | 'block';
  reason: string;
  minutes?: number;
  hours?: number;
  /** Security only, and only when the line's policy allows it. */
  permanent?: boolean;
}

export interface SafetyActionResult {
  incidentId: string | null;
  blockId: string | null;
  until: string | null;
}

/**
 * A step an agent takes by hand from the desktop, checked against the line's policy with
 * `manualAction`. Ending or blocking opens an incident; a block may also follow a conversation
 * that already ended (the prank is often recognised afterwards).
 */
export async function takeSafetyAction(deps: ServiceDeps, agent: Agent, conversationId: string, input: SafetyActionInput): Promise<SafetyActionResult> {
  const conversation = await loadConversation(deps, conversationId);
  assertCanSanction(conversation, agent);
  if (input.kind !== 'block' && isTerminal(conversation.state)) throw errors.conversationEnded(conversationId);
  const line = deps.directory.line(conversation.lineId);
  const policy = abusePolicyOf(deps, line);
  const contact = await deps.repos.contacts.get(conversation.tenantId, conversation.contactId);
  const request = toRequest(input, contact?.key ?? '', policy.block.prankHours);
  const checked = manualAction({ policy, request, actor: { userId: agent.id, role: actingRole(agent) }, channel: conversation.channel, language: conversation.language, now: deps.clock.now() });
  if (!checked.ok) throw safetyErrors.actionInvalid(checked.errors);
  const outcome = await deps.live.withConversation(conversationId, async (entry): Promise<CarriedOut> => {
    if (input.kind !== 'block' && isTerminal(entry.conversation.state)) throw errors.conversationEnded(conversationId);
    const state = await safetyStateOf(deps, entry);
    const opensIncident = input.kind === 'end' || input.kind === 'block';
    return carryOutActions(deps, entry, {
      actions: [checked.action],
      actor: { kind: 'agent', id: agent.id, name: agent.name },
      decidedBy: { by: 'user', userId: agent.id, role: actingRole(agent) },
      leadingDrafts: [],
      evidence: { eventSeqs: [...state.flaggedSeqs], reason: `${input.kind} by ${agent.name}: ${input.reason}` },
      incidentKind: state.lastLabel ?? 'flagged',
      ...(opensIncident ? { incidentStatus: 'open' as const } : {}),
      contact,
      state,
    });
  });
  if (outcome.ended) await finishSafetyEnd(deps, conversationId, outcome.ended);
  else if (isTerminal(conversation.state)) deps.live.evict(conversationId);
  return {
    incidentId: outcome.incident?.id ?? null,
    blockId: outcome.block?.id ?? null,
    until: outcome.timedOutUntil !== null ? new Date(outcome.timedOutUntil).toISOString() : outcome.block?.expiresAt ? new Date(outcome.block.expiresAt).toISOString() : null,
  };
}

function toRequest(input: SafetyActionInput, contactKey: string, defaultBlockHours: number): Record<string, unknown> {
  switch (input.kind) {
    case 'warn':
      return { kind: 'warn' };
    case 'time_out':
      return { kind: 'time_out', ...(input.minutes !== undefined ? { minutes: input.minutes } : {}) };
    case 'end':
      return { kind: 'end', reason: input.reason };
    case 'block':
      return { kind: 'block', contactKey, reason: input.reason, hours: input.permanent ? null : (input.hours ?? defaultBlockHours) };
  }
}
