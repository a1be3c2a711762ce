import type { Hit } from './hit.types.js';
import { ABUSE_CATEGORIES, LABEL_PRIORITY, type AbuseCategory, type AbuseLabel } from './safety.types.js';

/** A category at or above this score labels the message. */
export const FLAG_THRESHOLD = 0.5;

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

export function isAbuseCategory(kind: string): kind is AbuseCategory {
  return (ABUSE_CATEGORIES as readonly string[]).includes(kind);
}

/**
 * Per category, hits combine like independent pieces of evidence (noisy-or): two mild swear
 * words weigh more than one, but no pile of them ever reaches certainty.
 */
export function scoreCategories(hits: readonly Hit[]): Record<AbuseCategory, number> {
  const miss: Record<AbuseCategory, number> = { swearing: 1, threat: 1, discrimination: 1, sexual: 1, spam: 1 };
  for (const hit of hits) if (isAbuseCategory(hit.kind)) miss[hit.kind] *= 1 - Math.min(1, Math.max(0, hit.severity));
  return { swearing: round(1 - miss.swearing), threat: round(1 - miss.threat), discrimination: round(1 - miss.discrimination), sexual: round(1 - miss.sexual), spam: round(1 - miss.spam) };
}

/** The most serious category over the threshold; a threat outranks the swear word in it. */
export function pickLabel(categories: Record<AbuseCategory, number>): { label: AbuseLabel; score: number } {
  const label = LABEL_PRIORITY.find((category) => categories[category] >= FLAG_THRESHOLD);
  if (label) return { label, score: categories[label] };
  return { label: 'ok', score: Math.max(...ABUSE_CATEGORIES.map((category) => categories[category])) };
}
