import type { ContactOutcome, ContactRecord } from '../../core/metrics/index.js';
import { CHANNELS, CONVERSATION_STATES, type ConversationState } from '../../core/model/index.js';
import type { RegistrationReader } from './registration-reader.js';

/**
 * The narrow row the report query selects. Channel and state travel as their index in
 * `CHANNELS` / `CONVERSATION_STATES`, and the later timestamps as milliseconds after
 * `created_at`: small integers that the drivers hand over without allocating a string
 * or a heap number per value, which is most of the cost of reading 250,000 rows.
 */
export interface ReportRow {
  id: string;
  queue_id: string;
  channel_index: number;
  state_index: number;
  /** Selected only when per-agent figures may be shown; otherwise always null. */
  agent_id: string | null;
  created_at: number;
  enqueued_after: number | null;
  accepted_after: number | null;
  closed_after: number | null;
  /** Registration JSON without notes. */
  registration: string | null;
  /** 1 for an outbound call dialled by an agent (never queued), else 0. */
  outbound: number;
}

/** `timed_out` is the safety pause of a live conversation, not an end. */
const OPEN_STATES: ReadonlySet<ConversationState> = new Set(['bot', 'queued', 'offered', 'active', 'on_hold', 'wrap_up', 'timed_out']);

/**
 * Flattens a conversation row for the figures. The row keeps no separate end of talk, so
 * `endedAt` is `closed_at`: handle time is closed − accepted, with wrap-up inside talk.
 * An abandon ends at `closed_at`, so its wait is closed − enqueued.
 */
export function toContactRecord(row: ReportRow, lineId: string, registrations: RegistrationReader): ContactRecord {
  const created = row.created_at;
  const at = (after: number | null): number | null => (after === null ? null : created + after);
  const closedAt = at(row.closed_after);
  const answeredAt = at(row.accepted_after);
  const outcome = outcomeOf(CONVERSATION_STATES[row.state_index], row);
  const registration = registrations.read(row.registration);
  return {
    conversationId: row.id,
    lineId,
    queueId: row.queue_id,
    channel: CHANNELS[row.channel_index] ?? 'chat',
    createdAt: created,
    enqueuedAt: at(row.enqueued_after),
    answeredAt,
    endedAt: answeredAt === null ? null : closedAt,
    abandonedAt: outcome === 'abandoned' ? closedAt : null,
    closedAt,
    agentId: answeredAt === null ? null : row.agent_id,
    outcome,
    topics: registration.topics,
    phaseReached: registration.phaseId,
    wrapUpCode: registration.wrapUpCode,
    botResolved: outcome === 'bot_resolved',
    ...(Number(row.outbound) === 1 ? { direction: 'outbound' as const } : {}),
  };
}

function outcomeOf(state: ConversationState | undefined, row: ReportRow): ContactOutcome {
  if (row.accepted_after !== null) return 'answered';
  if (state === 'abandoned') return 'abandoned';
  if (state === 'transferred') return 'transferred_out';
  if (state === undefined || OPEN_STATES.has(state)) return 'in_progress';
  // Closed unanswered: before the queue the bot (or IVR) ended it; after, the line did
  // (queue closed), which the figures count as unresolved, not as an abandon.
  return row.enqueued_after === null ? 'bot_resolved' : 'timed_out';
}
