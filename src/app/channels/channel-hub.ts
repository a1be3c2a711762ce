import type { ChannelAdapter } from '../../channels/channel-contract.js';
import type { Channel, Conversation, ConversationEvent } from '../../core/model/index.js';
import type { OutboxDraft, Repositories } from '../../storage/index.js';
import type { Clock } from '../clock.js';
import { channelErrors } from './channel.errors.js';
import { KeyedTurns } from './keyed-turns.js';

/**
 * The application's view of the outside channels: which adapter serves a conversation's channel,
 * which recorded events must go out on it, and whether free text may be sent now. Use cases ask
 * the hub instead of testing the channel kind; a channel without an adapter (chat, voice) has
 * nothing to deliver and no window.
 */
/** Public events whose text is written for the customer (in their language): they go out on the channel too. */
const CUSTOMER_NOTICES: ReadonlySet<string> = new Set(['conversation.handed_over', 'safety.warning', 'safety.timed_out']);

export class ChannelHub {
  private readonly adapters = new Map<Channel, ChannelAdapter>();
  /** Inbound messages of one sender on one line are handled one at a time (see receiveInbound). */
  readonly senderTurns = new KeyedTurns();

  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
  ) {}

  register(adapter: ChannelAdapter): void {
    this.adapters.set(adapter.channel, adapter);
  }

  adapterFor(channel: Channel): ChannelAdapter | undefined {
    return this.adapters.get(channel);
  }

  /** Agent and bot messages (and the customer notices) on a channel with an adapter become outbox rows, committed with the event. */
  readonly selectOutbound = (conversation: Conversation, events: readonly ConversationEvent[]): OutboxDraft[] => {
    if (!this.adapters.has(conversation.channel)) return [];
    return events
      .filter((e) => (e.type === 'message.created' && (e.actor.kind === 'agent' || e.actor.kind === 'bot')) || (CUSTOMER_NOTICES.has(e.type) && typeof e.data.text === 'string' && e.data.text !== ''))
      .map((e) => ({
        tenantId: conversation.tenantId,
        conversationId: conversation.id,
        seq: e.seq,
        channel: conversation.channel,
        payload: {
          text: String(e.data.text ?? ''),
          ...(e.data.template ? { template: e.data.template } : {}),
          // References only: the worker reads the bytes when it sends, so the outbox row stays small.
          ...(Array.isArray(e.data.attachments) && e.data.attachments.length > 0 ? { attachmentIds: (e.data.attachments as Array<{ id: string }>).map((a) => a.id) } : {}),
          ...(e.actor.kind !== 'agent' ? { automatic: true } : {}),
          ...(e.actor.kind === 'agent' && e.actor.name ? { senderName: e.actor.name.split(/\s+/)[0] } : {}),
        },
      }));
  };

  /** Free text is refused outside the channel's reply window (WhatsApp: 24 h after the customer's last message). */
  async assertFreeTextAllowed(conversation: Conversation): Promise<void> {
    const windowMs = this.adapters.get(conversation.channel)?.capabilities.replyWindowMs ?? null;
    if (windowMs === null) return;
    const thread = await this.repos.channels.threadOf(conversation.id);
    const last = thread?.last_inbound_at ?? null;
    if (last === null || this.clock.now() - last > windowMs) throw channelErrors.windowClosed(conversation.channel, last, windowMs);
  }

  /** The reply window of a conversation for the desktop: null when the channel has none. */
  async replyWindow(conversation: Conversation): Promise<{ closesAt: string | null; open: boolean } | null> {
    const windowMs = this.adapters.get(conversation.channel)?.capabilities.replyWindowMs ?? null;
    if (windowMs === null) return null;
    const thread = await this.repos.channels.threadOf(conversation.id);
    const last = thread?.last_inbound_at ?? null;
    if (last === null) return { closesAt: null, open: false };
    return { closesAt: new Date(last + windowMs).toISOString(), open: this.clock.now() - last <= windowMs };
  }

  async close(): Promise<void> {
    for (const adapter of this.adapters.values()) await adapter.close();
  }
}
