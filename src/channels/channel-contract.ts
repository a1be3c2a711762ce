import type { Channel, IdentifierKind, Language, Line } from '../core/model/index.js';

/**
 * The one contract every outside messaging channel implements (email, WhatsApp; webchat and
 * voice speak the realtime protocol directly). An adapter turns the provider's input into
 * `InboundItem`s and sends `OutboundMessage`s; the application (src/app/channels) decides what
 * they mean for conversations, so nothing in src/core or src/app's use cases switches on the kind.
 */
export interface ChannelCapabilities {
  /** The channel can show the customer that the agent is typing. */
  typing: boolean;
  /** The provider reports delivered/read. */
  readReceipts: boolean;
  /** Pre-approved template messages exist (and are needed outside the reply window). */
  templates: boolean;
  /** Inbound messages may carry HTML (shown sanitised). */
  html: boolean;
  attachments: boolean;
  /** Free-form replies are allowed only this long after the customer's last message; null: always. */
  replyWindowMs: number | null;
  /** The customer is not waiting on the line: accepted outside opening hours and answered later. */
  asynchronous: boolean;
}

export interface InboundAttachment {
  filename: string;
  contentType: string;
  size: number;
  content: Buffer;
}

export interface InboundMessage {
  kind: 'message';
  channel: Channel;
  lineId: string;
  /** The routable address (email address, WhatsApp id). Sealed before it is stored; never shown on anonymous lines. */
  from: { identifierKind: IdentifierKind; address: string; displayName?: string };
  /** Email Message-ID (without <>) or WhatsApp wamid: a redelivery is stored once. */
  externalId: string;
  /** Message ids this one answers (In-Reply-To + References; WhatsApp's context id). */
  inReplyTo: string[];
  /** The reply token from plus-addressing or the subject. */
  replyToken?: string;
  subject?: string;
  /** Plain text (for HTML-only mail: the text of the HTML). */
  text: string;
  /** Sanitised HTML, when the message had HTML. */
  html?: string;
  attachments: InboundAttachment[];
  /** Channel-specific content for the agent (location, interactive reply, media reference). */
  extra?: Record<string, unknown>;
  /** Why this is an automatic message (auto-reply, bounce …): it never opens a conversation. */
  automated?: string;
  /** When the customer sent it (provider time, epoch ms). */
  sentAt: number;
}

export type DeliveryStatus = 'sent' | 'delivered' | 'read' | 'failed';

export interface ProviderError {
  /** The provider's code (e.g. WhatsApp 131047, SMTP 550). */
  code: string;
  message: string;
  /** Worth another attempt (network, rate limit, 5xx). */
  retryable: boolean;
}

export interface DeliveryStatusUpdate {
  kind: 'status';
  channel: Channel;
  externalId: string;
  status: DeliveryStatus;
  error?: ProviderError;
  at: number;
}

export type InboundItem = InboundMessage | DeliveryStatusUpdate;

export interface OutboundMessage {
  line: Line;
  conversationId: string;
  seq: number;
  language: Language;
  /** The customer's routable address, unsealed for this send only. */
  to: string;
  text: string;
  /** A pre-approved template (WhatsApp) instead of free text. */
  template?: { name: string; language: Language; parameters: string[] };
  media?: { kind: 'image' | 'document' | 'audio' | 'video'; link: string; caption?: string; filename?: string };
  /** Files an agent attached (allow-listed and sniffed on upload); sent as MIME parts or media messages. */
  attachments?: OutboundAttachment[];
  thread: { subject: string | null; replyToken: string; inReplyTo: string | null; references: string[] };
  /** The agent's name as the customer may see it (first name). */
  senderName?: string;
  /** Written by the bot, not a person: marked so the customer's auto-responder does not answer it. */
  automatic?: boolean;
}

export interface OutboundAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface SendResult {
  /** The provider's id of the sent message (Message-ID, wamid). */
  externalId: string;
}

/** A send the provider refused or that could not reach it; `providerError` is stored on the message. */
export class ChannelSendError extends Error {
  constructor(readonly providerError: ProviderError) {
    super(`${providerError.code}: ${providerError.message}`);
    this.name = 'ChannelSendError';
  }
}

/** A provider input that is not acceptable (bad signature, oversized attachment …): refused with this code. */
export class InboundRefusal extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** HTTP status for webhooks. */
    readonly status: number,
    /** SMTP reply code for mail (e.g. 552). */
    readonly smtpCode = 550,
  ) {
    super(message);
    this.name = 'InboundRefusal';
  }
}

/** One channel adapter; `Raw` is what the provider hands over (an RFC 822 message, a webhook body). */
export interface ChannelAdapter<Raw = unknown> {
  readonly channel: Channel;
  readonly capabilities: ChannelCapabilities;
  /** Parses and checks provider input; throws InboundRefusal for input that must be refused. */
  parseInbound(raw: Raw): Promise<InboundItem[]>;
  send(message: OutboundMessage): Promise<SendResult>;
  /**
   * Customer media kept at the provider (WhatsApp): its type, size and a short-lived download URL.
   * Throws ChannelSendError (its `retryable` says whether another attempt may help).
   */
  mediaInfo?(mediaId: string): Promise<MediaInfo>;
  /** The bytes behind `mediaInfo().url`; refuses (not retryable) more than `maxBytes`, whatever the info said. */
  downloadMedia?(url: string, maxBytes: number): Promise<Buffer>;
  close(): Promise<void>;
}

export interface MediaInfo {
  url: string;
  mimeType: string;
  /** As the provider reports it; null when it does not say. */
  size: number | null;
}

/** How adapters find the line an inbound message is for. */
export type LineLookup = () => readonly Line[];
