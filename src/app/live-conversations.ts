import type { Conversation } from '../core/model/index.js';
import type { Repositories } from '../storage/index.js';
import { errors } from './app.errors.js';
import { SINGLE_NODE, type TenantOwnership } from './tenant-ownership.js';

/** A conversation held in memory while it is open: state, next sequence number, recent client ids. */
export interface LiveConversation {
  conversation: Conversation;
  lastSeq: number;
  /** clientId → seq of the event it produced, so a retried send is acknowledged, not stored twice. */
  recentClientIds: Map<string, number>;
  /** Serialises the operations on one conversation (state checks then writes). */
  tail: Promise<unknown>;
}

const RECENT_CLIENT_IDS = 500;

/**
 * The node's working set of conversations. Loading happens once per conversation (concurrent
 * loads share one promise); every change to a conversation runs through `withConversation`,
 * one at a time, so two agents accepting at once cannot both win.
 */
export class LiveConversations {
  private readonly live = new Map<string, LiveConversation>();
  private readonly loading = new Map<string, Promise<LiveConversation | undefined>>();

  constructor(
    private readonly repos: Repositories,
    private readonly ownership: TenantOwnership = SINGLE_NODE,
  ) {}

  /** Registers a conversation that was just created (its first events not yet numbered). */
  add(conversation: Conversation): LiveConversation {
    const entry: LiveConversation = { conversation, lastSeq: 0, recentClientIds: new Map(), tail: Promise.resolve() };
    this.live.set(conversation.id, entry);
    return entry;
  }

  peek(id: string): LiveConversation | undefined {
    return this.live.get(id);
  }

  async get(id: string): Promise<LiveConversation> {
    const entry = this.live.get(id) ?? (await this.load(id));
    if (!entry) throw errors.notFound('conversation', id);
    return entry;
  }

  /** Runs `work` with exclusive access to the conversation; the result of `work` is returned. */
  async withConversation<T>(id: string, work: (entry: LiveConversation) => Promise<T> | T): Promise<T> {
    const entry = await this.get(id);
    const tenantId = entry.conversation.tenantId;
    if (this.ownership.clustered && this.ownership.token(tenantId) === undefined) {
      // Only the lease holder changes a tenant's conversations; its memory is the one that is current.
      this.evict(id);
      throw errors.tenantMoving(tenantId, 'this node does not hold the routing lease');
    }
    const run = entry.tail.then(() => work(entry));
    entry.tail = run.catch(() => undefined);
    return run;
  }

  idsInState(state: Conversation['state']): string[] {
    const ids: string[] = [];
    for (const [id, entry] of this.live) if (entry.conversation.state === state) ids.push(id);
    return ids;
  }

  /** Forgets a conversation (closed, or its state is no longer trusted after a failed write). */
  evict(id: string): void {
    this.live.delete(id);
  }

  /** Forgets every conversation of a tenant (this node took over or gave up the tenant's lease). */
  evictTenant(tenantId: string): void {
    for (const [id, entry] of this.live) if (entry.conversation.tenantId === tenantId) this.live.delete(id);
  }

  rememberClientId(entry: LiveConversation, clientId: string, seq: number): void {
    entry.recentClientIds.set(clientId, seq);
    if (entry.recentClientIds.size > RECENT_CLIENT_IDS) {
      const oldest = entry.recentClientIds.keys().next().value;
      if (oldest !== undefined) entry.recentClientIds.delete(oldest);
    }
  }

  private load(id: string): Promise<LiveConversation | undefined> {
    let pending = this.loading.get(id);
    if (!pending) {
      pending = this.fetch(id).finally(() => this.loading.delete(id));
      this.loading.set(id, pending);
    }
    return pending;
  }

  private async fetch(id: string): Promise<LiveConversation | undefined> {
    const conversation = await this.repos.conversations.getAnyTenant(id);
    if (!conversation) return undefined;
    const [lastSeq, clientIds] = await Promise.all([
      this.repos.events.lastSeq(id),
      this.repos.events.recentClientIds(id, RECENT_CLIENT_IDS),
    ]);
    const existing = this.live.get(id);
    if (existing) return existing;
    const entry: LiveConversation = { conversation, lastSeq, recentClientIds: new Map(), tail: Promise.resolve() };
    for (const { clientId, seq } of clientIds.reverse()) entry.recentClientIds.set(clientId, seq);
    this.live.set(id, entry);
    return entry;
  }
}
