import type { AbusePolicy } from './abuse-policy.schema.js';
import { hoursFrom, minutesFrom, policyBlockHours } from './block-expiry.js';
import { prankSuggestion, specialCareRouting, type RuleOutcome } from './contact-history-rules.js';
import { NO_STRIKES, type AbuseAction, type AbuseDecision, type AbuseDecisionInput, type ConversationStrikes } from './abuse-decision.types.js';

interface RuleContext {
  policy: AbusePolicy;
  strikes: ConversationStrikes;
  input: AbuseDecisionInput;
}

function outcome(reason: string, ...actions: AbuseAction[]): RuleOutcome {
  return { actions, reasons: [reason] };
}

function fill(template: string, minutes: number): string {
  return template.replace('{minutes}', String(minutes));
}

function timeOut({ policy, input }: RuleContext, minutes: number): AbuseAction {
  const { channel, language, now } = input;
  // A caller hears a recorded message; a chat, WhatsApp or email contact reads one.
  const recordedMessage = channel === 'voice' ? { kind: 'audio' as const, audioRef: policy.messages.timeOutAudio[language] } : { kind: 'text' as const, text: fill(policy.messages.timeOut[language], minutes) };
  return { kind: 'time_out', minutes, until: minutesFrom(now, minutes), pauseConversation: true, recordedMessage };
}

function end(context: RuleContext): AbuseAction {
  return { kind: 'end', message: context.policy.messages.end[context.input.language] };
}

function swearingRule(context: RuleContext): RuleOutcome {
  const { policy, strikes, input } = context;
  const { timeOutAt, timeOutMinutes, endAfterTimeOuts } = policy.swearing;
  const count = strikes.swearing + 1;
  if (strikes.timeOuts >= endAfterTimeOuts) {
    const reason = `swearing again after ${strikes.timeOuts} time-out(s) (limit ${endAfterTimeOuts}): end the conversation`;
    return outcome(reason, end(context), { kind: 'open_incident', incidentKind: 'swearing', reason });
  }
  if (count >= timeOutAt) return outcome(`swearing message ${count} in this conversation (time-out at ${timeOutAt}): ${timeOutMinutes}-minute time-out`, timeOut(context, timeOutMinutes));
  return outcome(`swearing message ${count} in this conversation (time-out at ${timeOutAt}): warning`, { kind: 'warn', message: policy.messages.swearingWarning[input.language] });
}

function threatRule(context: RuleContext): RuleOutcome {
  const { escalateTo, agentCareTask } = context.policy.threat;
  const reason = `threat: end the conversation, escalate to ${escalateTo}, open an incident`;
  const actions: AbuseAction[] = [end(context), { kind: 'escalate', target: escalateTo, reason: 'threat against an agent or the organisation' }, { kind: 'open_incident', incidentKind: 'threat', reason: 'threat' }];
  if (agentCareTask) actions.push({ kind: 'agent_care_task', reason: 'agent received a threat' });
  return { actions, reasons: [reason] };
}

function discriminationRule(context: RuleContext): RuleOutcome {
  const { policy, strikes, input } = context;
  const { endAt, agentCareTask } = policy.discrimination;
  const count = strikes.discrimination + 1;
  if (count < endAt) return outcome(`discriminating message ${count} in this conversation (end at ${endAt}): warning`, { kind: 'warn', message: policy.messages.discriminationWarning[input.language] });
  const reason = `discriminating message ${count} in this conversation (end at ${endAt}): end the conversation, open an incident`;
  const actions: AbuseAction[] = [end(context), { kind: 'open_incident', incidentKind: 'discrimination', reason: 'discrimination after a warning' }];
  if (agentCareTask) actions.push({ kind: 'agent_care_task', reason: 'agent received discriminating remarks' });
  return { actions, reasons: [reason] };
}

function sexualRule(context: RuleContext): RuleOutcome {
  const { policy, input } = context;
  const history = input.contactHistory ?? null;
  const actions: AbuseAction[] = [end(context), { kind: 'open_incident', incidentKind: 'sexual', reason: 'sexual caller or explicit content' }];
  if (!policy.sexual.block) return { actions, reasons: ['sexual content: end the conversation, open an incident (blocking is off)'] };
  const previous = history?.previousBlocks ?? 0;
  const hours = policyBlockHours(policy, previous);
  const reason = `sexual content: end the conversation, block the contact key for ${hours} h (${previous > 0 ? `repeat: ${previous} earlier block(s)` : 'first block'})`;
  actions.push({ kind: 'block', contactKey: history?.contactKey ?? null, hours, until: hoursFrom(input.now, hours), reason: 'sexual caller or explicit content', decidedBy: { by: 'policy' } });
  return { actions, reasons: [reason] };
}

function spamRule(context: RuleContext): RuleOutcome {
  const { timeOutAt, timeOutMinutes } = context.policy.spam;
  const count = context.strikes.spam + 1;
  if (count < timeOutAt) return { actions: [], reasons: [`spam message ${count} in this conversation (time-out at ${timeOutAt}): no action yet`] };
  return outcome(`spam message ${count} in this conversation (time-out at ${timeOutAt}): ${timeOutMinutes}-minute time-out`, timeOut(context, timeOutMinutes));
}

function messageRule(context: RuleContext): RuleOutcome {
  const { label, score, careSignals = [] } = context.input.classification;
  const care = careSignals.length > 0 ? `; care signal ${careSignals.join(', ')}: alert the agent, no sanction` : '';
  if (label === 'ok') return { actions: [], reasons: [`no abuse${care}`] };
  if (score < context.policy.minScore) return { actions: [], reasons: [`${label} score ${score} below ${context.policy.minScore}: no action${care}`] };
  const rules = { swearing: swearingRule, threat: threatRule, discrimination: discriminationRule, sexual: sexualRule, spam: spamRule } as const;
  return rules[label](context);
}

function historyRules(context: RuleContext, sanctioned: boolean): RuleOutcome {
  const history = context.input.contactHistory;
  if (!history) return { actions: [], reasons: [] };
  const care = specialCareRouting(context.policy, history);
  // A conversation that is already ended or paused needs no suggestion to pause it.
  const prank = sanctioned ? { actions: [], reasons: [] } : prankSuggestion(context.policy, history);
  return { actions: [...care.actions, ...prank.actions], reasons: [...care.reasons, ...prank.reasons] };
}

/**
 * Decides what the line does about one classified customer message, from the line's policy, the
 * abuse already seen in this conversation and the contact key's history. Pure and deterministic:
 * the same input always gives the same actions, and `reason` says which rule gave each.
 *
 * @example
 * decideAbuseResponse({ policy: DEFAULT_ABUSE_POLICY, classification: { label: 'swearing', score: 0.7 },
 *   conversationStrikes: NO_STRIKES, channel: 'chat', language: 'nl', now: Date.now() }).actions[0]?.kind // 'warn'
 */
export function decideAbuseResponse(input: AbuseDecisionInput): AbuseDecision {
  const context: RuleContext = { policy: input.policy, strikes: input.conversationStrikes ?? NO_STRIKES, input };
  const message = messageRule(context);
  const sanctioned = message.actions.some((action) => action.kind === 'end' || action.kind === 'time_out');
  const history = historyRules(context, sanctioned);
  return { actions: [...message.actions, ...history.actions], reason: [...message.reasons, ...history.reasons].join('; ') };
}
