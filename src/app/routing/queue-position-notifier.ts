import type { EventBus } from '../../realtime/event-bus.js';
import { topics } from '../../realtime/event-bus.js';
import type { LiveConversations } from '../live-conversations.js';
import type { RoutingCoordinator } from './routing-coordinator.js';

/**
 * Tells waiting customers their place in line and expected wait. Computing a position costs
 * time proportional to the place, so each round updates a bounded slice of the waiting
 * conversations, round-robin; a customer hears of a change within a few rounds.
 */
export class QueuePositionNotifier {
  private cursor = 0;
  private readonly lastSent = new Map<string, string>();

  constructor(
    private readonly live: LiveConversations,
    private readonly routing: RoutingCoordinator,
    private readonly bus: EventBus,
    private readonly perRound = 250,
  ) {}

  notify(conversationId: string): void {
    const c = this.live.peek(conversationId)?.conversation;
    if (!c || c.state !== 'queued') {
      this.lastSent.delete(conversationId);
      return;
    }
    const engine = this.routing.engine(c.tenantId);
    if (engine.conversationState(conversationId)?.phase !== 'waiting') return;
    const { position, expectedWaitSeconds } = engine.positionOf(conversationId);
    const key = `${position}:${Math.round(expectedWaitSeconds)}`;
    if (this.lastSent.get(conversationId) === key) return;
    this.lastSent.set(conversationId, key);
    this.bus.publish(topics.conversation(conversationId), { kind: 'frame', frame: { t: 'queue', conversationId, position, expectedWaitSeconds: Math.round(expectedWaitSeconds) } });
  }

  round(): void {
    const waiting = this.live.idsInState('queued');
    for (const id of this.lastSent.keys()) if (!this.live.peek(id)) this.lastSent.delete(id);
    if (waiting.length === 0) return;
    const count = Math.min(this.perRound, waiting.length);
    for (let i = 0; i < count; i++) this.notify(waiting[(this.cursor + i) % waiting.length]!);
    this.cursor = (this.cursor + count) % waiting.length;
  }
}
