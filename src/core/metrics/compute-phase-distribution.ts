import { figure } from './figure.js';
import type { ContactRecord, Figure } from './metrics.types.js';

export interface PhaseShare extends Figure {
  phaseId: string;
}

export interface PhaseDistribution {
  /** Conversations with a recorded phase: the denominator of every share. */
  recorded: number;
  notRecorded: number;
  phases: PhaseShare[];
}

export interface PhaseDistributionOptions {
  /**
   * The line's phase model in order (e.g. contact, explore, goal, work, close). Listed
   * phases come first in that order, with 0 where none reached them; phases outside the
   * model follow, most frequent first.
   */
  phaseOrder?: readonly string[];
}

/**
 * Phase-reached distribution: per phase, the conversations whose furthest phase was that
 * one / the conversations with a recorded phase. Each conversation has one furthest phase,
 * so the shares add up to 100%.
 */
export function computePhaseDistribution(records: readonly ContactRecord[], options: PhaseDistributionOptions = {}): PhaseDistribution {
  const counts = new Map<string, number>();
  let recorded = 0;
  for (const record of records) {
    if (!record.phaseReached) continue;
    recorded += 1;
    counts.set(record.phaseReached, (counts.get(record.phaseReached) ?? 0) + 1);
  }
  const order = options.phaseOrder ?? [];
  const inModel = order.map((phaseId) => ({ phaseId, ...figure(counts.get(phaseId) ?? 0, recorded) }));
  const outside = [...counts]
    .filter(([phaseId]) => !order.includes(phaseId))
    .map(([phaseId, count]) => ({ phaseId, ...figure(count, recorded) }))
    .sort((a, b) => b.numerator - a.numerator || a.phaseId.localeCompare(b.phaseId));
  return { recorded, notRecorded: records.length - recorded, phases: [...inModel, ...outside] };
}
