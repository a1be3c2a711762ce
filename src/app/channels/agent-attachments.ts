import { attachmentProblem, bareContentType, formatBytes, sanitiseFilename } from '../../channels/attachments/attachment-rules.js';
import { contentMatchesType } from '../../channels/attachments/sniff-content.js';
import type { Agent, Conversation, ConversationEvent } from '../../core/model/index.js';
import { assertAssigned, assertOpen } from '../conversation/access.js';
import { loadConversation } from '../conversation/read-conversation.js';
import type { ServiceDeps } from '../deps.js';
import { newId } from '../ids.js';
import { channelErrors } from './channel.errors.js';

/** How many files one agent message may carry. */
export const MAX_ATTACHMENTS_PER_MESSAGE = 5;

/** What a message event carries about a file (the bytes stay in `channel_attachments`). */
export interface AttachmentRef {
  id: string;
  filename: string;
  contentType: string;
  size: number;
}

export interface UploadInput {
  conversationId: string;
  filename: string;
  contentType: string;
  content: Buffer;
}

/**
 * An agent uploads a file for a conversation assigned to them. The same allow-list and size limit
 * as inbound mail apply, the first bytes must match the declared type, and the name is cleaned.
 * The file is durable (same table as inbound attachments, so privacy export and erasure include
 * it) before the reference is returned; nothing about the agent is stored with it.
 */
export async function uploadAttachment(deps: ServiceDeps, agent: Agent, input: UploadInput): Promise<AttachmentRef> {
  const c = await loadConversation(deps, input.conversationId);
  assertAssigned(c, agent);
  assertOpen(c);
  const filename = sanitiseFilename(input.filename);
  const contentType = bareContentType(input.contentType);
  const problem = attachmentProblem({ contentType, size: input.content.length }, deps.config.EMAIL_MAX_ATTACHMENT_BYTES);
  if (problem?.kind === 'too_large') throw channelErrors.attachmentTooLarge(filename, formatBytes(problem.size), formatBytes(problem.limit));
  if (problem?.kind === 'type_refused') throw channelErrors.attachmentTypeRefused(filename, contentType);
  if (input.content.length === 0 || !contentMatchesType(input.content, contentType)) throw channelErrors.attachmentContentMismatch(filename, contentType);
  const ref: AttachmentRef = { id: newId('at'), filename, contentType, size: input.content.length };
  await deps.repos.channels.insertAttachment({
    id: ref.id,
    tenant_id: c.tenantId,
    conversation_id: c.id,
    filename,
    content_type: contentType,
    size: ref.size,
    content_base64: input.content.toString('base64'),
    created_at: deps.clock.now(),
  });
  return ref;
}

/** The references an agent message carries: each id must be a file of this conversation. */
export async function attachmentRefs(deps: ServiceDeps, c: Conversation, ids: readonly string[]): Promise<AttachmentRef[]> {
  if (ids.length > MAX_ATTACHMENTS_PER_MESSAGE) throw channelErrors.attachmentsNotAllowed(`At most ${MAX_ATTACHMENTS_PER_MESSAGE} files per message`);
  const refs: AttachmentRef[] = [];
  for (const id of new Set(ids)) {
    const row = await deps.repos.channels.attachment(c.tenantId, id);
    if (!row || row.conversation_id !== c.id) throw channelErrors.attachmentNotFound(id);
    refs.push({ id: row.id, filename: row.filename, contentType: row.content_type, size: row.size });
  }
  return refs;
}

/** Whether the customer was sent this file: a public message of the conversation references it. */
export function sentToCustomer(events: readonly ConversationEvent[], attachmentId: string): boolean {
  return events.some(
    (e) => e.type === 'message.created' && e.visibility === 'public' && e.actor.kind !== 'customer' && Array.isArray(e.data.attachments) && (e.data.attachments as AttachmentRef[]).some((a) => a.id === attachmentId),
  );
}

/** A file the customer of the conversation (widget token) downloads: only one an agent sent them. */
export async function readAttachmentForCustomer(deps: ServiceDeps, conversationId: string, attachmentId: string) {
  const c = await loadConversation(deps, conversationId);
  const row = await deps.repos.channels.attachment(c.tenantId, attachmentId);
  if (!row || row.conversation_id !== c.id) throw channelErrors.attachmentNotFound(attachmentId);
  const events = await deps.repos.events.listAfter(c.id, 0, 5000);
  if (!sentToCustomer(events, attachmentId)) throw channelErrors.attachmentNotFound(attachmentId);
  return { filename: row.filename, contentType: row.content_type, content: Buffer.from(row.content_base64, 'base64') };
}
