import { campaignResultOfWrapUp } from '../campaign/wrap-up-code.js';
import { figure } from './figure.js';
import type { ContactRecord, Figure } from './metrics.types.js';

export interface WrapUpShare extends Figure {
  code: string;
  /** `campaign`: the result of a campaign call (`campaign:<result>`), shown as its own group. */
  source: 'line' | 'campaign';
}

export interface WrapUpDistribution {
  /** Conversations closed with a wrap-up code: the denominator of every share. */
  coded: number;
  /** Answered conversations closed without one (a line without codes, or before codes were required). */
  uncoded: number;
  /** The line's own codes first, then campaign results; each group most frequent first, ties by code. */
  codes: WrapUpShare[];
}

/**
 * How conversations were wrapped up: per code, the conversations closed with it / all closed with
 * a code. Campaign results (`campaign:reached`) are counted apart from the line's codes, so a
 * line's own `busy` and a campaign's "busy" never add up.
 */
export function computeWrapUpDistribution(records: readonly ContactRecord[]): WrapUpDistribution {
  const counts = new Map<string, number>();
  let coded = 0;
  let uncoded = 0;
  for (const record of records) {
    if (record.wrapUpCode) {
      coded += 1;
      counts.set(record.wrapUpCode, (counts.get(record.wrapUpCode) ?? 0) + 1);
    } else if (record.outcome === 'answered' && record.closedAt != null) {
      uncoded += 1;
    }
  }
  const codes = [...counts]
    .map(([code, count]): WrapUpShare => ({ code, source: campaignResultOfWrapUp(code) ? 'campaign' : 'line', ...figure(count, coded) }))
    .sort((a, b) => (a.source === b.source ? 0 : a.source === 'line' ? -1 : 1) || b.numerator - a.numerator || a.code.localeCompare(b.code));
  return { coded, uncoded, codes };
}
