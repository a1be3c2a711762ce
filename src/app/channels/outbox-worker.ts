import { ChannelSendError, type OutboundAttachment, type OutboundMessage, type ProviderError } from '../../channels/channel-contract.js';
import type { Language } from '../../core/model/index.js';
import type { ChannelOutboxRecord } from '../../storage/index.js';
import type { ServiceDeps } from '../deps.js';
import { SINGLE_NODE, type TenantOwnership } from '../tenant-ownership.js';
import { LeasedJobWorker } from './leased-job-worker.js';
import { recordDelivery } from './receive-inbound.js';
import { unsealAddress } from './sealed-address.js';

const BATCH = 20;
/** Longer than a send may take (the WhatsApp send times out after 10 s; SMTP after nodemailer's timeouts). */
const CLAIM_LEASE_MS = 120_000;
/** References grow with every mail; the newest ids are the ones mail clients thread by. */
const MAX_REFERENCES = 20;

export interface OutboxWorkerOptions {
  intervalMs: number;
  maxAttempts: number;
}

/**
 * Delivers agent and bot messages on email and WhatsApp. Rows were committed with their message
 * events, so nothing acknowledged is lost when the provider is down or the node restarts: the
 * worker retries with back-off and, when the provider refuses or the attempts run out, marks the
 * row failed and records `message.delivery {status: failed, error}` for the agent.
 * One pass at a time per node; rows are claimed with a lease (row locks on PostgreSQL), so nodes
 * sharing a database do not send a message twice. Messages of one conversation go out in order:
 * only the oldest pending one is claimed, so a later one never overtakes one waiting for a retry.
 */
export class OutboxWorker extends LeasedJobWorker<ChannelOutboxRecord> {
  constructor(
    deps: ServiceDeps,
    private readonly options: OutboxWorkerOptions,
    ownership: TenantOwnership = SINGLE_NODE,
  ) {
    super(deps, options.intervalMs, ownership, 'outbox');
  }

  protected claim(now: number, tenantIds: string[] | undefined): Promise<ChannelOutboxRecord[]> {
    return this.deps.repos.channels.claimDueOutbox(now, BATCH, CLAIM_LEASE_MS, tenantIds);
  }

  protected handle(row: ChannelOutboxRecord): Promise<unknown> {
    return this.deliver(row);
  }

  /** null when the row is finished (sent or failed for good), else when it is tried again. */
  private async deliver(row: ChannelOutboxRecord): Promise<number | null> {
    const { deps } = this;
    const now = deps.clock.now();
    const attempts = row.attempts + 1;
    const conversation = await deps.repos.conversations.getAnyTenant(row.conversation_id);
    const thread = await deps.repos.channels.threadOf(row.conversation_id);
    const adapter = conversation ? deps.channels.adapterFor(conversation.channel) : undefined;
    if (!conversation || !thread || !adapter) {
      return this.fail(row, attempts, { code: 'CHANNEL_THREAD_MISSING', message: 'The conversation has no channel thread (yet)', retryable: true });
    }
    const line = deps.directory.line(conversation.lineId);
    const payload = JSON.parse(row.payload) as { text: string; template?: { name: string; language: Language; parameters: string[] }; automatic?: boolean; senderName?: string; attachmentIds?: string[] };
    const attachments: OutboundAttachment[] = [];
    for (const id of payload.attachmentIds ?? []) {
      const file = await deps.repos.channels.attachment(row.tenant_id, id);
      // Erased meanwhile (a privacy erasure removes the files with the conversation): nothing left to send.
      if (!file) return this.fail(row, attempts, { code: 'ATTACHMENT_MISSING', message: `attachment ${id} is no longer stored`, retryable: false });
      attachments.push({ filename: file.filename, contentType: file.content_type, content: Buffer.from(file.content_base64, 'base64') });
    }
    const ids = await deps.repos.channels.externalIdsOf(conversation.id);
    const lastInbound = [...ids].reverse().find((i) => i.direction === 'in');
    const message: OutboundMessage = {
      line,
      conversationId: conversation.id,
      seq: row.seq,
      language: conversation.language,
      to: unsealAddress(deps.directory.tenant(conversation.tenantId).secret, thread.sealed_address),
      text: payload.text,
      ...(payload.template ? { template: payload.template } : {}),
      ...(payload.automatic ? { automatic: true } : {}),
      ...(payload.senderName ? { senderName: payload.senderName } : {}),
      ...(attachments.length > 0 ? { attachments } : {}),
      thread: { subject: thread.subject, replyToken: thread.reply_token, inReplyTo: lastInbound?.externalId ?? null, references: ids.map((i) => i.externalId).slice(-MAX_REFERENCES) },
    };
    try {
      const { externalId } = await adapter.send(message);
      await deps.repos.channels.markOutbox(row.id, { status: 'sent', attempts, nextAttemptAt: now, lastError: null, now: deps.clock.now() });
      await deps.repos.channels.rememberMessage({ tenantId: row.tenant_id, conversationId: row.conversation_id, channel: row.channel, externalId, direction: 'out', seq: row.seq, at: deps.clock.now() });
    } catch (error) {
      const providerError = error instanceof ChannelSendError ? error.providerError : { code: 'SEND_CRASHED', message: String(error), retryable: true };
      return this.fail(row, attempts, providerError);
    }
    // Sent and marked: a failing delivery note (the tenant just moved to another node) must not send it again.
    await recordDelivery(deps, row.conversation_id, row.seq, 'sent').catch((error: unknown) => deps.log('warn', 'outbox: recording the delivery failed', { id: row.id, error: String(error) }));
    return null;
  }

  private async fail(row: ChannelOutboxRecord, attempts: number, error: ProviderError): Promise<number | null> {
    const { deps } = this;
    const now = deps.clock.now();
    const lastError = JSON.stringify({ code: error.code, message: error.message });
    if (error.retryable && attempts < this.options.maxAttempts) {
      // 1 s, 2 s, 4 s … up to five minutes between attempts.
      const backoff = Math.min(300_000, 1000 * 2 ** (attempts - 1));
      await deps.repos.channels.markOutbox(row.id, { status: 'pending', attempts, nextAttemptAt: now + backoff, lastError, now });
      deps.log('warn', 'outbox: delivery will be retried', { id: row.id, attempts, code: error.code });
      return now + backoff;
    }
    await deps.repos.channels.markOutbox(row.id, { status: 'failed', attempts, nextAttemptAt: now, lastError, now });
    await recordDelivery(deps, row.conversation_id, row.seq, 'failed', { code: error.code, message: error.message });
    return null;
  }
}
