import type { WireEvent } from '../api/api-types.js';

/** One conversation's events, in sequence order, each seq once. */
export interface EventLog {
  readonly events: readonly WireEvent[];
  /** The highest seq held: what to resume after. 0 when empty. */
  readonly lastSeq: number;
}

export const EMPTY_LOG: EventLog = { events: [], lastSeq: 0 };

/**
 * Merges events from any source (HTTP page, live frame, resume replay) into a log.
 * An event whose seq is already held is dropped, so a replay after a reconnect never doubles a message.
 * Returns the same log object when nothing was new, so React can skip a render.
 */
export function mergeEvents(log: EventLog, incoming: readonly WireEvent[]): EventLog {
  const known = new Set(log.events.map((e) => e.seq));
  const fresh: WireEvent[] = [];
  for (const event of incoming) {
    if (known.has(event.seq)) continue;
    known.add(event.seq);
    fresh.push(event);
  }
  if (fresh.length === 0) return log;
  const inOrder = fresh.every((e, i) => e.seq > (i === 0 ? log.lastSeq : (fresh[i - 1]?.seq ?? 0)));
  const events = inOrder ? [...log.events, ...fresh] : [...log.events, ...fresh].sort((a, b) => a.seq - b.seq);
  return { events, lastSeq: Math.max(log.lastSeq, ...fresh.map((e) => e.seq)) };
}

/** Sequence numbers missing between 1 and lastSeq (a gap to fetch over HTTP). */
export function missingSeqs(log: EventLog): number[] {
  const held = new Set(log.events.map((e) => e.seq));
  const missing: number[] = [];
  for (let seq = 1; seq <= log.lastSeq; seq++) if (!held.has(seq)) missing.push(seq);
  return missing;
}
