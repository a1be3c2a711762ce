import { visibilityOf, type EventType } from '../../core/events/event-catalogue.js';
import type { Actor, Conversation, ConversationEvent } from '../../core/model/index.js';
import type { ComplaintFollowUpRecord, OutboxDraft } from '../../storage/index.js';
import type { EventBus } from '../../realtime/event-bus.js';
import { topics } from '../../realtime/event-bus.js';
import type { Clock } from '../clock.js';
import type { Directory } from '../directory.js';
import type { CallStateWrite, Journal } from '../journal.js';
import type { LiveConversation, LiveConversations } from '../live-conversations.js';

export interface EventDraft {
  type: EventType;
  actor: Actor;
  data?: Record<string, unknown>;
  clientId?: string | null;
}

/** Which of these events must also go out on the conversation's channel (set by the channel layer). */
export type OutboundSelector = (conversation: Conversation, events: readonly ConversationEvent[]) => OutboxDraft[];

/** Rows that must commit in the same transaction as the events (or not at all). */
export interface RecordExtras {
  followUps?: ComplaintFollowUpRecord[];
}

/**
 * The browser calls' state (src/app/voice/call-registry.ts): what changed in a call goes into the
 * same transaction as the events that changed it.
 */
export interface CallStateSource {
  /** The call's state to store with these events, if it changed (or ended with the conversation). */
  pendingWrite(conversation: Conversation): CallStateWrite | undefined;
  /** The write failed: forget the call here, so it is read back from the database. */
  evict(conversationId: string): void;
}

/**
 * Numbers events, makes them durable (with the conversation row when it changed), and only
 * then publishes them. Call it inside `LiveConversations.withConversation`, which keeps
 * numbering, commit and publication in one order per conversation.
 */
export class EventRecorder {
  private outbound: OutboundSelector = () => [];
  private calls: CallStateSource | undefined;

  constructor(
    private readonly journal: Journal,
    private readonly live: LiveConversations,
    private readonly bus: EventBus,
    private readonly directory: Directory,
    private readonly clock: Clock,
  ) {}

  /** The channel layer says which events become outgoing mail or WhatsApp messages. */
  setOutboundSelector(selector: OutboundSelector): void {
    this.outbound = selector;
  }

  /** The voice layer hands over its call registry, so call state commits with the call's events. */
  setCallStates(calls: CallStateSource): void {
    this.calls = calls;
  }

  async record(entry: LiveConversation, drafts: EventDraft[], saveConversation: boolean, extras: RecordExtras = {}): Promise<ConversationEvent[]> {
    const { conversation } = entry;
    const at = this.clock.now();
    const events = drafts.map<ConversationEvent>((draft) => ({
      tenantId: conversation.tenantId,
      conversationId: conversation.id,
      seq: ++entry.lastSeq,
      type: draft.type,
      visibility: visibilityOf(draft.type),
      actor: draft.actor,
      data: draft.data ?? {},
      at,
      clientId: draft.clientId ?? null,
    }));
    try {
      // Outgoing channel messages commit in the same transaction as their events: durable first, delivered after.
      const outbox = this.outbound(conversation, events);
      const call = this.calls?.pendingWrite(conversation);
      await this.journal.write({
        events,
        conversation: saveConversation ? { ...conversation } : undefined,
        ...(outbox.length > 0 ? { outbox } : {}),
        ...(extras.followUps?.length ? { followUps: extras.followUps } : {}),
        ...(call ? { call } : {}),
      });
    } catch (error) {
      // Memory may now be ahead of the database: forget it and reload on next use.
      this.live.evict(conversation.id);
      this.calls?.evict(conversation.id);
      throw error;
    }
    for (const event of events) if (event.clientId) this.live.rememberClientId(entry, event.clientId, event.seq);
    const anonymous = this.directory.findLine(conversation.lineId)?.anonymous ?? true;
    for (const event of events) {
      this.bus.publish(topics.conversation(conversation.id), { kind: 'event', tenantId: conversation.tenantId, event, anonymous });
    }
    return events;
  }
}
