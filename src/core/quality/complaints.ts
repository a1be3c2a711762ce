/**
 * Complaints that need a person to call the customer back: a conversation closed with a
 * complaint wrap-up code (or registered under a complaint topic), or a survey answer with a low
 * NPS and a comment. Pure rules; the app stores the follow-up and walks it through its statuses.
 */

export const FOLLOW_UP_STATUSES = ['open', 'in_progress', 'done'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/** Wrap-up codes and topic ids that mark a conversation as a complaint, in the three UI languages. */
export const COMPLAINT_CODES: readonly string[] = ['klacht', 'plainte', 'complaint'];

/** NPS 0–6 is a detractor; with a comment there is something to follow up on. */
export const FOLLOW_UP_MAX_NPS = 6;

export function surveyNeedsFollowUp(answer: { nps: number | null; comment: string | null }): boolean {
  return answer.nps !== null && answer.nps <= FOLLOW_UP_MAX_NPS && (answer.comment ?? '').trim() !== '';
}

export function isComplaintRegistration(registration: { wrapUpCode?: string | null; topics?: ReadonlyArray<{ topicId: string }> }): boolean {
  if (registration.wrapUpCode && COMPLAINT_CODES.includes(registration.wrapUpCode)) return true;
  return (registration.topics ?? []).some((t) => COMPLAINT_CODES.includes(t.topicId));
}

/** Who picks it up moves it to in progress; done needs an outcome; a done one can be reopened. */
const NEXT: Record<FollowUpStatus, readonly FollowUpStatus[]> = {
  open: ['in_progress'],
  in_progress: ['done', 'open'],
  done: ['in_progress'],
};

export type TransitionCheck = { ok: true } | { ok: false; reason: 'invalid_transition' | 'outcome_required' };

export function checkFollowUpTransition(from: FollowUpStatus, to: FollowUpStatus, outcome: string | null | undefined): TransitionCheck {
  if (from === to) return { ok: true };
  if (!NEXT[from].includes(to)) return { ok: false, reason: 'invalid_transition' };
  if (to === 'done' && !(outcome ?? '').trim()) return { ok: false, reason: 'outcome_required' };
  return { ok: true };
}
