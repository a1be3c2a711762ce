import type { AbusePolicy } from './abuse-policy.schema.js';
import type { AbuseAction, ContactHistory } from './abuse-decision.types.js';

export interface RuleOutcome {
  actions: AbuseAction[];
  reasons: string[];
}

/**
 * Prank lines repeat: the same key calls again and again and each call is wrapped up as prank
 * or test. The agent gets a suggestion, never an automatic time-out: a prankster today may be a
 * child who finally dares to talk tomorrow.
 */
export function prankSuggestion(policy: AbusePolicy, history: ContactHistory): RuleOutcome {
  const { minPrankWrapUps, minPrankShare, floodConversations, floodMaxAverageSeconds, suggestedTimeOutMinutes } = policy.prank;
  const share = history.conversations > 0 ? history.prankWrapUps / history.conversations : 0;
  const none: RuleOutcome = { actions: [], reasons: [] };
  let reason: string | null = null;
  if (history.prankWrapUps >= minPrankWrapUps && share >= minPrankShare) {
    reason = `repeat prank: ${history.prankWrapUps} of ${history.conversations} conversations in ${history.windowDays} days wrapped up as prank or test (threshold ${minPrankWrapUps} and ${Math.round(minPrankShare * 100)}%)`;
  } else if (history.conversations >= floodConversations && history.averageDurationSeconds <= floodMaxAverageSeconds) {
    reason = `repeat prank: ${history.conversations} conversations in ${history.windowDays} days averaging ${history.averageDurationSeconds} s (threshold ${floodConversations} conversations under ${floodMaxAverageSeconds} s)`;
  }
  if (reason === null) return none;
  return { actions: [{ kind: 'suggest_time_out', minutes: suggestedTimeOutMinutes, reason }], reasons: [reason] };
}

/** After N contacts without a solution, Special Care calls the contact back instead of another agent trying. */
export function specialCareRouting(policy: AbusePolicy, history: ContactHistory): RuleOutcome {
  const threshold = policy.specialCare.unresolvedContacts;
  if (history.unresolvedContacts < threshold) return { actions: [], reasons: [] };
  const reason = `${history.unresolvedContacts} unresolved contacts by this contact key (threshold ${threshold}): route to special care`;
  return { actions: [{ kind: 'escalate', target: 'special_care', reason }], reasons: [reason] };
}
