export const CALL_RESULTS = ['reached', 'no_answer', 'busy', 'voicemail', 'wrong_number', 'callback_requested', 'do_not_call'] as const;
export type CallResult = (typeof CALL_RESULTS)[number];

export const CAMPAIGN_CONTACT_STATUSES = ['pending', 'in_progress', 'done'] as const;
export type CampaignContactStatus = (typeof CAMPAIGN_CONTACT_STATUSES)[number];

export interface CampaignSettings {
  /** Calls after which a contact that was never reached is given up. */
  maxAttempts: number;
  /** Wait before the next try after no answer, busy or voicemail. */
  retryDelayMinutes: number;
}

export interface ContactProgress {
  status: CampaignContactStatus;
  attempts: number;
  nextAttemptAt: number;
  lastResult: CallResult | null;
}

/** Results that are worth another try later. */
const RETRY: ReadonlySet<CallResult> = new Set(['no_answer', 'busy', 'voicemail']);

/**
 * What a call's result does to the contact: reached, wrong number and do-not-call end it; no answer,
 * busy and voicemail try again after the delay until `maxAttempts` calls were made; a callback request
 * comes back at the time asked for (or after the delay) and does not use up the attempts.
 */
export function applyCallResult(before: ContactProgress, result: CallResult, settings: CampaignSettings, now: number, callbackAt?: number): ContactProgress {
  const attempts = before.attempts + 1;
  if (result === 'callback_requested') {
    const at = callbackAt !== undefined && callbackAt > now ? callbackAt : now + settings.retryDelayMinutes * 60_000;
    return { status: 'pending', attempts: before.attempts, nextAttemptAt: at, lastResult: result };
  }
  if (RETRY.has(result) && attempts < settings.maxAttempts) {
    return { status: 'pending', attempts, nextAttemptAt: now + settings.retryDelayMinutes * 60_000, lastResult: result };
  }
  return { status: 'done', attempts, nextAttemptAt: before.nextAttemptAt, lastResult: result };
}
