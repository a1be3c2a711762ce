import { type z } from 'zod';
import { AbusePolicyError } from './abuse-policy.errors.js';
import { abusePolicySchema, type AbusePolicy } from './abuse-policy.schema.js';

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.');
  return path === '' ? issue.message : `${path}: ${issue.message}`;
}

/**
 * Validates a policy as an admin saved it, fills the defaults and freezes it. Throws one error
 * listing every problem with its path ("swearing.timeOutAt: Too small: expected number to be >=1").
 */
export function parseAbusePolicy(input: unknown): AbusePolicy {
  const result = abusePolicySchema.safeParse(input ?? {});
  if (!result.success) {
    const issues = result.error.issues.map(describeIssue);
    throw new AbusePolicyError('ABUSE_POLICY_INVALID', `Invalid abuse policy: ${issues.join('; ')}`, issues);
  }
  return deepFreeze(result.data);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

export const DEFAULT_ABUSE_POLICY: AbusePolicy = parseAbusePolicy({});
