import { isTerminal } from '../../core/conversation/lifecycle.js';
import type { Agent } from '../../core/model/index.js';
import type { AbuseAction } from '../../core/policy/index.js';
import type { ServiceDeps } from '../deps.js';
import { loadConversation } from '../conversation/read-conversation.js';
import { carryOutActions, type CarriedOut } from './carry-out-actions.js';
import { finishSafetyEnd } from './finish-safety-end.js';
import { abusePolicyOf } from './line-abuse-policy.js';
import { assertCanSanction } from './safety-access.js';
import { safetyStateOf } from './safety-state.js';

export interface FlagInput {
  reason: string;
  endConversation?: boolean;
  /** The incident kind when the agent knows it; otherwise the detector's last label, or `flagged`. */
  kind?: string;
}

/**
 * The agent's "end and review" button: opens an incident in review for Special Care, with the
 * conversation's flagged messages as evidence, and optionally ends the conversation.
 */
export async function flagConversation(deps: ServiceDeps, agent: Agent, conversationId: string, input: FlagInput): Promise<{ incidentId: string; ended: boolean }> {
  const conversation = await loadConversation(deps, conversationId);
  assertCanSanction(conversation, agent);
  const policy = abusePolicyOf(deps, deps.directory.line(conversation.lineId));
  const wasTerminal = isTerminal(conversation.state);
  const outcome = await deps.live.withConversation(conversationId, async (entry): Promise<CarriedOut> => {
    const c = entry.conversation;
    const state = await safetyStateOf(deps, entry);
    const actions: AbuseAction[] = [{ kind: 'escalate', target: 'special_care', reason: input.reason }];
    if (input.endConversation && !isTerminal(c.state)) actions.push({ kind: 'end', message: policy.messages.end[c.language] });
    const actor = { kind: 'agent' as const, id: agent.id, name: agent.name };
    return carryOutActions(deps, entry, {
      actions,
      actor,
      decidedBy: { by: 'user', userId: agent.id, role: agent.roles[0] ?? 'agent' },
      leadingDrafts: [{ type: 'conversation.flagged', actor, data: { reason: input.reason, endConversation: input.endConversation === true } }],
      evidence: { eventSeqs: [...state.flaggedSeqs], reason: `flagged by ${agent.name}: ${input.reason}` },
      incidentKind: input.kind ?? state.lastLabel ?? 'flagged',
      incidentStatus: 'in_review',
      contact: undefined,
      state,
    });
  });
  if (outcome.ended) await finishSafetyEnd(deps, conversationId, outcome.ended);
  else if (wasTerminal) deps.live.evict(conversationId);
  return { incidentId: outcome.incident!.id, ended: outcome.ended !== null };
}
