import { CALL_RESULTS, type CallResult } from './call-results.js';

/**
 * A campaign call's result is its conversation's wrap-up code, written `campaign:<result>`
 * (`campaign:reached`). The prefix keeps it apart from the line's own codes, which are
 * `[a-z0-9_-]` only (admin schema) and so can never contain the colon: a line may well have
 * its own `busy` or `reached` code, and reports and history must not mix the two up.
 */
export const CAMPAIGN_WRAP_UP_PREFIX = 'campaign:';

export function campaignWrapUpCode(result: CallResult): string {
  return `${CAMPAIGN_WRAP_UP_PREFIX}${result}`;
}

/** The campaign result a wrap-up code stands for, or null for a line's own code (or an unknown one). */
export function campaignResultOfWrapUp(code: string | null | undefined): CallResult | null {
  if (!code?.startsWith(CAMPAIGN_WRAP_UP_PREFIX)) return null;
  const result = code.slice(CAMPAIGN_WRAP_UP_PREFIX.length);
  return (CALL_RESULTS as readonly string[]).includes(result) ? (result as CallResult) : null;
}
