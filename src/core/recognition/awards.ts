/**
 * Awards such as "customer-minded adviser of the year": colleagues nominate (with a reason),
 * everyone votes once per award and never for themselves, and the result is known when a
 * manager closes the award. Pure rules and the tally.
 */

export type AwardStatus = 'open' | 'closed';

export type VoteCheck = { ok: true } | { ok: false; reason: 'award_closed' | 'self_vote' | 'not_nominated' };

export function checkVote(award: { status: AwardStatus }, voterId: string, nomineeId: string, nominees: ReadonlySet<string>): VoteCheck {
  if (award.status !== 'open') return { ok: false, reason: 'award_closed' };
  if (voterId === nomineeId) return { ok: false, reason: 'self_vote' };
  if (!nominees.has(nomineeId)) return { ok: false, reason: 'not_nominated' };
  return { ok: true };
}

export interface AwardResult {
  nomineeId: string;
  votes: number;
  /** 1 for the winner(s); equal votes share a rank. */
  rank: number;
}

/** Votes per nominee, most first (ties share the rank, then by id for a stable order); nominees without votes included. */
export function tallyAward(nomineeIds: readonly string[], votes: ReadonlyArray<{ nomineeId: string }>): AwardResult[] {
  const counts = new Map<string, number>(nomineeIds.map((id) => [id, 0]));
  for (const vote of votes) if (counts.has(vote.nomineeId)) counts.set(vote.nomineeId, counts.get(vote.nomineeId)! + 1);
  const sorted = [...counts.entries()].sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  let rank = 0;
  let previous = Number.NaN;
  return sorted.map(([nomineeId, n], index) => {
    if (n !== previous) rank = index + 1;
    previous = n;
    return { nomineeId, votes: n, rank };
  });
}
