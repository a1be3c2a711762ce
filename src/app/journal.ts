import type { Conversation, ConversationEvent } from '../core/model/index.js';
import { OPEN_STATES, type ComplaintFollowUpRecord, type Db, type OutboxDraft, type Repositories, type StoredCallState } from '../storage/index.js';
import { isAppError } from '../core/errors/app-error.js';
import { errors } from './app.errors.js';
import { SINGLE_NODE, type TenantOwnership } from './tenant-ownership.js';

export interface JournalEntry {
  events: ConversationEvent[];
  /** The conversation row as it must be after these events. */
  conversation?: Conversation;
  /** Messages to deliver on the conversation's channel (email, WhatsApp), committed with their events. */
  outbox?: OutboxDraft[];
  /** Complaint follow-ups a close puts on the list: committed with the close, or not at all (one per conversation). */
  followUps?: ComplaintFollowUpRecord[];
  /** A browser call's state after these events (null: the call ended, its row goes). */
  call?: CallStateWrite;
}

export interface CallStateWrite {
  conversationId: string;
  tenantId: string;
  state: StoredCallState | null;
}

interface Pending {
  entry: JournalEntry;
  /** performance.now() when it was written: the metrics' message latency (post → durable). */
  startedAt: number;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: everything written in the same tick goes to the database in one transaction
 * (events plus conversation rows), so one fsync serves many messages. A promise resolves only
 * after its batch committed, which is what makes an acknowledgement mean "durable".
 * Batches run one at a time, so events commit in the order they were numbered.
 * With several nodes each batch is fenced: it commits only while this node's lease tokens for
 * the batch's tenants are still the current ones (checked and share-locked in the transaction).
 */
export class Journal {
  private queue: Pending[] = [];
  private flushing = false;
  private scheduled = false;
  /** Told about every committed entry and how long it waited for its COMMIT (metrics). */
  observer?: (entry: JournalEntry, durableAfterMs: number) => void;

  constructor(
    private readonly db: Db,
    private readonly repos: Repositories,
    private readonly maxBatch = 1000,
    private readonly ownership: TenantOwnership = SINGLE_NODE,
  ) {}

  write(entry: JournalEntry): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ entry, resolve, reject, startedAt: performance.now() });
      this.schedule();
    });
  }

  /** Resolves when everything written so far is committed (for shutdown). */
  async drain(): Promise<void> {
    while (this.queue.length > 0 || this.flushing) await new Promise((r) => setTimeout(r, 2));
  }

  private schedule(): void {
    if (this.scheduled || this.flushing) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.flushing || this.queue.length === 0) return;
    this.flushing = true;
    const batch = this.queue.splice(0, this.maxBatch);
    try {
      await this.commit(batch.map((p) => p.entry));
      const committedAt = performance.now();
      for (const p of batch) {
        this.observer?.(p.entry, committedAt - p.startedAt);
        p.resolve();
      }
    } catch (error) {
      const failure = isAppError(error) ? error : errors.storage(error);
      for (const p of batch) p.reject(failure);
    } finally {
      this.flushing = false;
      if (this.queue.length > 0) this.schedule();
    }
  }

  private async commit(entries: JournalEntry[]): Promise<void> {
    const events = entries.flatMap((e) => e.events);
    // Only the last snapshot of each conversation in the batch matters.
    const conversations = new Map<string, Conversation>();
    for (const e of entries) if (e.conversation) conversations.set(e.conversation.id, e.conversation);
    const calls = new Map<string, StoredCallState | null>();
    for (const e of entries) if (e.call) calls.set(e.call.conversationId, e.call.state);
    // A call ends with its conversation, whichever way the conversation ended.
    for (const c of conversations.values()) if (c.channel === 'voice' && !OPEN_STATES.includes(c.state)) calls.set(c.id, null);
    const tokens = this.fencingTokens(entries);
    await this.db.kysely.transaction().execute(async (trx) => {
      const repos = this.repos.withTransaction(trx);
      if (tokens) {
        const stale = await repos.leases.staleTenants(tokens);
        if (stale.length > 0) throw errors.tenantMoving(stale[0]!, 'another node took over routing; nothing was stored');
      }
      await repos.events.insertBatch(events);
      for (const conversation of conversations.values()) await repos.conversations.upsert(conversation);
      for (const state of calls.values()) if (state) await repos.callStates.save(state);
      await repos.callStates.delete([...calls].filter(([, state]) => state === null).map(([id]) => id));
      const outbox = entries.flatMap((e) => e.outbox ?? []);
      if (outbox.length > 0) await repos.channels.insertOutbox(outbox, Math.max(...events.map((e) => e.at)));
      for (const followUp of entries.flatMap((e) => e.followUps ?? [])) await repos.complaints.insertOnce(followUp);
    });
  }

  /** Several nodes: the token of every tenant in the batch; refuses tenants this node does not hold. */
  private fencingTokens(entries: JournalEntry[]): Map<string, number> | undefined {
    if (!this.ownership.clustered) return undefined;
    const tokens = new Map<string, number>();
    for (const entry of entries) {
      const tenantIds = entry.events.map((e) => e.tenantId);
      if (entry.conversation) tenantIds.push(entry.conversation.tenantId);
      if (entry.call) tenantIds.push(entry.call.tenantId);
      for (const tenantId of tenantIds) {
        if (tokens.has(tenantId)) continue;
        const token = this.ownership.token(tenantId);
        if (token === undefined) throw errors.tenantMoving(tenantId, 'this node does not hold the routing lease');
        tokens.set(tenantId, token);
      }
    }
    return tokens;
  }
}
