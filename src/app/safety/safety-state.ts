import { NO_STRIKES, type ConversationStrikes } from '../../core/policy/index.js';
import type { ServiceDeps } from '../deps.js';
import type { LiveConversation } from '../live-conversations.js';

/** Abuse seen in one open conversation: strike counts, the flagged messages, a running time-out. */
export interface SafetyState {
  strikes: ConversationStrikes;
  flaggedSeqs: number[];
  /** The last label the detector gave (for the kind of an incident an agent opens). */
  lastLabel: string | null;
  timedOutUntil: number | null;
}

const STRIKE_LABELS = ['swearing', 'discrimination', 'sexual', 'spam'] as const;
type StrikeLabel = (typeof STRIKE_LABELS)[number];
const LOG_LIMIT = 10_000;

// Kept beside the live entry rather than in it: an evicted entry takes its state with it,
// and a reloaded one rebuilds it from the log.
const states = new WeakMap<LiveConversation, SafetyState>();

export function peekSafetyState(entry: LiveConversation): SafetyState | undefined {
  return states.get(entry);
}

/** The conversation's safety state, derived from its log the first time it is needed. */
export async function safetyStateOf(deps: ServiceDeps, entry: LiveConversation): Promise<SafetyState> {
  const known = states.get(entry);
  if (known) return known;
  const state: SafetyState = { strikes: { ...NO_STRIKES }, flaggedSeqs: [], lastLabel: null, timedOutUntil: null };
  for (const event of await deps.repos.events.listAfter(entry.conversation.id, 0, LOG_LIMIT)) {
    if (event.type === 'message.flagged') {
      const label = String(event.data.label ?? '');
      if (event.data.counted === true) countStrike(state, label);
      if (typeof event.data.messageSeq === 'number') state.flaggedSeqs.push(event.data.messageSeq);
      if (label !== 'ok') state.lastLabel = label;
    } else if (event.type === 'safety.timed_out') {
      state.strikes.timeOuts += 1;
      state.timedOutUntil = Date.parse(String(event.data.until));
    } else if (event.type === 'safety.time_out_ended') {
      state.timedOutUntil = null;
    }
  }
  return states.get(entry) ?? (states.set(entry, state), state);
}

export function countStrike(state: SafetyState, label: string): void {
  if ((STRIKE_LABELS as readonly string[]).includes(label)) state.strikes = { ...state.strikes, [label as StrikeLabel]: state.strikes[label as StrikeLabel] + 1 };
}
