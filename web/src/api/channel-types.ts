import type { Channel, Language } from './api-types.js';

/** GET /api/conversations/:id/channel: the email/WhatsApp extras of a conversation (src/app/channels/channel-view.ts). */
export interface ChannelView {
  channel: Channel;
  capabilities: { typing: boolean; readReceipts: boolean; templates: boolean; html: boolean; attachments: boolean; replyWindowMs: number | null; asynchronous: boolean } | null;
  subject: string | null;
  replyWindow: { closesAt: string | null; open: boolean } | null;
  templates: Array<{ name: string; language: Language; body: string; parameters: number }>;
  summary: Array<{ from: 'customer' | 'agent' | 'bot'; message: number; text: string }> | null;
}

/** Attachment metadata inside a `message.created` event's data. */
export interface AttachmentRef {
  id: string;
  filename: string;
  contentType: string;
  size: number;
}
