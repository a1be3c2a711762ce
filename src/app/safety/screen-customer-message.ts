import { classifyMessage, type Classification } from '../../ai/safety/index.js';
import { isTerminal } from '../../core/conversation/lifecycle.js';
import type { ConversationEvent } from '../../core/model/index.js';
import { decideAbuseResponse, type AbusePolicy } from '../../core/policy/index.js';
import type { ServiceDeps } from '../deps.js';
import { carryOutActions, type CarriedOut } from './carry-out-actions.js';
import { finishSafetyEnd } from './finish-safety-end.js';
import { abusePolicyOf } from './line-abuse-policy.js';
import { loadContactHistory } from './load-contact-history.js';
import { countStrike, safetyStateOf } from './safety-state.js';

/**
 * Classifies a stored customer message and carries out what the line's policy decides.
 * Runs after the message was acknowledged (its own turn on the conversation's lock), so the
 * detector never delays the ack. A clean message costs one classification and nothing else.
 */
export async function screenCustomerMessage(deps: ServiceDeps, message: ConversationEvent): Promise<void> {
  const conversation = deps.live.peek(message.conversationId)?.conversation;
  if (!conversation || message.type !== 'message.created' || message.actor.kind !== 'customer') return;
  const line = deps.directory.line(conversation.lineId);
  const policy = abusePolicyOf(deps, line);
  const classification = classifyMessage(String(message.data.text ?? ''), { language: conversation.language });
  const abusive = classification.label !== 'ok' && classification.score >= policy.minScore;
  if (!abusive && classification.careSignals.length === 0) return;
  // History is read before taking the lock: the lock is held for writes only.
  const known = abusive ? await loadContactHistory(deps, conversation) : null;
  const outcome = await deps.live.withConversation(message.conversationId, async (entry): Promise<CarriedOut | null> => {
    const c = entry.conversation;
    if (isTerminal(c.state)) return null;
    const state = await safetyStateOf(deps, entry);
    const decision = decideAbuseResponse({
      policy,
      classification: { label: classification.label, score: classification.score, careSignals: classification.careSignals },
      conversationStrikes: state.strikes,
      contactHistory: known?.history ?? null,
      channel: c.channel,
      language: c.language,
      now: deps.clock.now(),
    });
    if (abusive) {
      countStrike(state, classification.label);
      state.flaggedSeqs.push(message.seq);
      state.lastLabel = classification.label;
    }
    const actions = withTimeOutOverride(deps, policy, decision.actions, c.language);
    const flagged = {
      type: 'message.flagged' as const,
      actor: { kind: 'system' as const },
      data: { messageSeq: message.seq, label: classification.label, score: classification.score, counted: abusive, careSignals: classification.careSignals, terms: terms(classification), reason: decision.reason, actions: actions.map((a) => a.kind) },
    };
    return carryOutActions(deps, entry, {
      actions,
      actor: { kind: 'system' },
      decidedBy: { by: 'policy' },
      leadingDrafts: [flagged],
      evidence: { eventSeqs: [...state.flaggedSeqs], reason: decision.reason, detector: { label: classification.label, score: classification.score, terms: terms(classification) } },
      incidentKind: classification.label === 'spam' ? 'prank' : classification.label,
      contact: known?.contact,
      state,
    });
  });
  if (outcome?.ended) await finishSafetyEnd(deps, message.conversationId, outcome.ended);
}

function terms(classification: Classification) {
  return classification.evidence.map((e) => ({ term: e.term, ruleId: e.ruleId, category: e.category }));
}

/** SAFETY_TIMEOUT_MINUTES_OVERRIDE (tests, demos) shortens the policy's automatic time-outs. */
function withTimeOutOverride(deps: ServiceDeps, policy: AbusePolicy, actions: ReturnType<typeof decideAbuseResponse>['actions'], language: 'nl' | 'fr' | 'en') {
  const minutes = deps.config.SAFETY_TIMEOUT_MINUTES_OVERRIDE;
  if (minutes === undefined) return actions;
  return actions.map((action) => {
    if (action.kind !== 'time_out') return action;
    const recordedMessage = action.recordedMessage.kind === 'text' ? { kind: 'text' as const, text: policy.messages.timeOut[language].replace('{minutes}', String(minutes)) } : action.recordedMessage;
    return { ...action, minutes, until: deps.clock.now() + Math.round(minutes * 60_000), recordedMessage };
  });
}
