import { WHATSAPP_MEDIA_TYPES, attachmentProblem, bareContentType, formatBytes, sanitiseFilename } from '../../channels/attachments/attachment-rules.js';
import { contentMatchesType } from '../../channels/attachments/sniff-content.js';
import { ChannelSendError, type ProviderError } from '../../channels/channel-contract.js';
import { isTerminal } from '../../core/conversation/lifecycle.js';
import type { ChannelMediaFetchRecord } from '../../storage/index.js';
import type { ServiceDeps } from '../deps.js';
import { newId } from '../ids.js';
import { SINGLE_NODE, type TenantOwnership } from '../tenant-ownership.js';
import { LeasedJobWorker } from './leased-job-worker.js';

const BATCH = 10;
/** Longer than an info request plus a download may take (30 s timeout each). */
const CLAIM_LEASE_MS = 120_000;

export interface MediaFetchWorkerOptions {
  intervalMs: number;
  maxAttempts: number;
  /** The shared attachment size limit (`EMAIL_MAX_ATTACHMENT_BYTES`). */
  maxBytes: number;
}

/** What the agent's desktop learns about a message's media (`message.media`, internal). */
export type MediaOutcome =
  | { seq: number; status: 'fetched'; attachment: { id: string; filename: string; contentType: string; size: number } }
  | { seq: number; status: 'refused' | 'failed'; kind: string; error: { code: string; message: string } };

/** A file extension for media without a name (pictures, voice notes), so a download opens in the right program. */
const EXTENSION: Readonly<Record<string, string>> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/gif': 'gif', 'image/heic': 'heic', 'application/pdf': 'pdf', 'text/plain': 'txt', 'audio/ogg': 'ogg', 'audio/mpeg': 'mp3', 'audio/mp4': 'm4a', 'audio/aac': 'aac', 'audio/amr': 'amr', 'video/mp4': 'mp4' };

/**
 * Fetches the media customers send on WhatsApp (photos, documents …) from the Cloud API after the
 * webhook was acknowledged: the row was stored with the message, so the webhook never waits for
 * Meta and nothing is lost on a restart. Info first (`GET /{media-id}`: type, size, URL), then the
 * bytes; the shared attachment rules (allow-list, size, first bytes) decide whether the file is
 * kept. A kept file becomes a channel attachment like an inbound mail's (staff download, export,
 * erasure) and `message.media {status: fetched, attachment}` shows it on the message. A refusal is
 * final (`refused`, never fetched again); provider failures are retried with the outbox's back-off
 * and lease, then `failed`.
 */
export class MediaFetchWorker extends LeasedJobWorker<ChannelMediaFetchRecord> {
  constructor(
    deps: ServiceDeps,
    private readonly options: MediaFetchWorkerOptions,
    ownership: TenantOwnership = SINGLE_NODE,
  ) {
    super(deps, options.intervalMs, ownership, 'media');
  }

  protected claim(now: number, tenantIds: string[] | undefined): Promise<ChannelMediaFetchRecord[]> {
    return this.deps.repos.channels.claimDueMediaFetches(now, BATCH, CLAIM_LEASE_MS, tenantIds);
  }

  protected handle(row: ChannelMediaFetchRecord): Promise<unknown> {
    return this.fetch(row);
  }

  private async fetch(row: ChannelMediaFetchRecord): Promise<void> {
    const { deps } = this;
    const attempts = row.attempts + 1;
    const conversation = await deps.repos.conversations.getAnyTenant(row.conversation_id);
    const adapter = conversation ? deps.channels.adapterFor(conversation.channel) : undefined;
    if (!conversation || !adapter?.mediaInfo || !adapter.downloadMedia) {
      return this.fail(row, attempts, { code: 'MEDIA_SOURCE_MISSING', message: 'The conversation or its channel is gone', retryable: false });
    }
    const maxBytes = this.options.maxBytes;
    let content: Buffer;
    let contentType: string;
    try {
      const info = await adapter.mediaInfo(row.media_id);
      contentType = bareContentType(info.mimeType);
      const label = row.filename ?? row.kind;
      // The provider's own size and type first: a refused file is never downloaded.
      const problem = attachmentProblem({ contentType, size: info.size ?? 0 }, maxBytes, WHATSAPP_MEDIA_TYPES);
      if (problem?.kind === 'too_large') return this.refuse(row, attempts, 'ATTACHMENT_TOO_LARGE', `"${label}" is ${formatBytes(problem.size)}; the limit is ${formatBytes(maxBytes)} per file`);
      if (problem) return this.refuse(row, attempts, 'ATTACHMENT_TYPE_REFUSED', `"${label}" has type ${contentType}, which is not accepted`);
      content = await adapter.downloadMedia(info.url, maxBytes);
    } catch (error) {
      const providerError = error instanceof ChannelSendError ? error.providerError : { code: 'MEDIA_FETCH_CRASHED', message: String(error), retryable: true };
      if (providerError.code === 'ATTACHMENT_TOO_LARGE') return this.refuse(row, attempts, 'ATTACHMENT_TOO_LARGE', `"${row.filename ?? row.kind}" is larger than ${formatBytes(maxBytes)}`);
      return this.fail(row, attempts, providerError);
    }
    // A renamed program (`invoice.pdf` starting with MZ) or bytes of another kind than declared.
    if (!contentMatchesType(content, contentType)) return this.refuse(row, attempts, 'ATTACHMENT_TYPE_REFUSED', `The content of "${row.filename ?? row.kind}" is not a ${contentType} file`);
    const id = newId('at');
    const filename = sanitiseFilename(row.filename ?? `${row.kind}-${row.seq}.${EXTENSION[contentType] ?? 'bin'}`);
    const now = deps.clock.now();
    await deps.repos.channels.insertAttachment({ id, tenant_id: row.tenant_id, conversation_id: row.conversation_id, filename, content_type: contentType, size: content.length, content_base64: content.toString('base64'), created_at: now });
    await deps.repos.channels.markMediaFetch(row.id, { status: 'fetched', attempts, nextAttemptAt: now, lastError: null, attachmentId: id, now });
    await this.record(row, { seq: row.seq, status: 'fetched', attachment: { id, filename, contentType, size: content.length } });
  }

  private async refuse(row: ChannelMediaFetchRecord, attempts: number, code: string, message: string): Promise<void> {
    const now = this.deps.clock.now();
    await this.deps.repos.channels.markMediaFetch(row.id, { status: 'refused', attempts, nextAttemptAt: now, lastError: JSON.stringify({ code, message }), attachmentId: null, now });
    await this.record(row, { seq: row.seq, status: 'refused', kind: row.kind, error: { code, message } });
  }

  private async fail(row: ChannelMediaFetchRecord, attempts: number, error: ProviderError): Promise<void> {
    const { deps } = this;
    const now = deps.clock.now();
    const lastError = JSON.stringify({ code: error.code, message: error.message });
    if (error.retryable && attempts < this.options.maxAttempts) {
      // The outbox's back-off: 1 s, 2 s, 4 s … up to five minutes.
      const backoff = Math.min(300_000, 1000 * 2 ** (attempts - 1));
      await deps.repos.channels.markMediaFetch(row.id, { status: 'pending', attempts, nextAttemptAt: now + backoff, lastError, attachmentId: null, now });
      deps.log('warn', 'media: fetch will be retried', { id: row.id, attempts, code: error.code });
      return;
    }
    await deps.repos.channels.markMediaFetch(row.id, { status: 'failed', attempts, nextAttemptAt: now, lastError, attachmentId: null, now });
    await this.record(row, { seq: row.seq, status: 'failed', kind: row.kind, error: { code: error.code, message: error.message } });
  }

  /** The outcome in the conversation's log (also after it closed, for the record). */
  private async record(row: ChannelMediaFetchRecord, outcome: MediaOutcome): Promise<void> {
    const { deps } = this;
    const wasLive = deps.live.peek(row.conversation_id) !== undefined;
    await deps.live.withConversation(row.conversation_id, (entry) =>
      deps.recorder.record(entry, [{ type: 'message.media', actor: { kind: 'system' }, data: outcome as unknown as Record<string, unknown> }], false),
    );
    const after = deps.live.peek(row.conversation_id);
    if (!wasLive && after && isTerminal(after.conversation.state)) deps.live.evict(row.conversation_id);
  }
}
