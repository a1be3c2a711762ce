/**
 * A small gesture for a customer (flowers, a card) from the team's yearly budget: an agent asks
 * with an amount and a reason, a supervisor approves it only within what is left of the budget
 * (or rejects it), and records when it was sent. Amounts are whole cents.
 */

export const GESTURE_STATUSES = ['requested', 'approved', 'rejected', 'sent'] as const;
export type GestureStatus = (typeof GESTURE_STATUSES)[number];

const NEXT: Record<GestureStatus, readonly GestureStatus[]> = {
  requested: ['approved', 'rejected'],
  approved: ['sent', 'rejected'],
  rejected: [],
  sent: [],
};

/** Approved and sent gestures spend the budget; requested and rejected ones do not. */
export function spends(status: GestureStatus): boolean {
  return status === 'approved' || status === 'sent';
}

export type GestureDecision = { ok: true } | { ok: false; reason: 'invalid_transition' | 'over_budget' | 'no_budget'; leftCents?: number };

/**
 * Whether a gesture may go from `from` to `to`. Approving needs a budget for the team and year
 * with at least `amountCents` left after what approved and sent gestures already spend.
 */
export function decideGesture(from: GestureStatus, to: GestureStatus, amountCents: number, budgetCents: number | null, spentCents: number): GestureDecision {
  if (!NEXT[from].includes(to)) return { ok: false, reason: 'invalid_transition' };
  if (to !== 'approved') return { ok: true };
  if (budgetCents === null) return { ok: false, reason: 'no_budget' };
  const left = budgetCents - spentCents;
  return amountCents <= left ? { ok: true } : { ok: false, reason: 'over_budget', leftCents: Math.max(0, left) };
}
