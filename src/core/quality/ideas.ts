/**
 * The ideas board: agents propose improvements, colleagues support them (one vote each, not on
 * one's own idea), managers move them through their statuses with a reply. Pure rules.
 */

export const IDEA_STATUSES = ['new', 'under_review', 'planned', 'done', 'declined'] as const;
export type IdeaStatus = (typeof IDEA_STATUSES)[number];

const NEXT: Record<IdeaStatus, readonly IdeaStatus[]> = {
  new: ['under_review', 'planned', 'declined'],
  under_review: ['planned', 'declined', 'new'],
  planned: ['done', 'under_review', 'declined'],
  done: [],
  declined: ['under_review'],
};

export type IdeaTransitionCheck = { ok: true } | { ok: false; reason: 'invalid_transition' | 'reply_required' };

/** A declined idea always gets a reply: the person who proposed it deserves the reason. */
export function checkIdeaTransition(from: IdeaStatus, to: IdeaStatus, reply: string | null | undefined): IdeaTransitionCheck {
  if (from === to) return { ok: true };
  if (!NEXT[from].includes(to)) return { ok: false, reason: 'invalid_transition' };
  if (to === 'declined' && !(reply ?? '').trim()) return { ok: false, reason: 'reply_required' };
  return { ok: true };
}

/** Voting is open while the idea is still being weighed. */
export function ideaAcceptsVotes(status: IdeaStatus): boolean {
  return status === 'new' || status === 'under_review';
}
