export { abusePolicySchema, ESCALATION_TARGETS, type AbusePolicy, type AbusePolicyInput, type EscalationTarget } from './abuse-policy.schema.js';
export { AbusePolicyError, ABUSE_POLICY_ERROR_CODES, type AbusePolicyErrorCode } from './abuse-policy.errors.js';
export { parseAbusePolicy, DEFAULT_ABUSE_POLICY } from './parse-abuse-policy.js';
export { decideAbuseResponse } from './decide-abuse-response.js';
export { manualAction, manualActionRequestSchema, MANUAL_ACTION_ROLES, type ManualActionInput, type ManualActionRequest, type ManualActionResult } from './manual-action.js';
export * from './abuse-decision.types.js';
