import { ChannelSendError, InboundRefusal, type ChannelAdapter, type ChannelCapabilities, type InboundItem, type LineLookup, type MediaInfo, type OutboundAttachment, type OutboundMessage, type SendResult } from '../channel-contract.js';
import { parseWhatsAppWebhook } from './parse-webhook.js';
import { verifyHubSignature } from './webhook-signature.js';

/** A webhook POST as it arrived: the exact bytes (the signature covers them) and the signature header. */
export interface WhatsAppRaw {
  rawBody: Buffer;
  signature: string | undefined;
}

/** Meta's customer-service window: free-form messages only within 24 hours of the customer's last message. */
export const WHATSAPP_WINDOW_MS = 24 * 3600_000;

export const WHATSAPP_CAPABILITIES: ChannelCapabilities = {
  typing: false,
  readReceipts: true,
  templates: true,
  html: false,
  attachments: true,
  replyWindowMs: WHATSAPP_WINDOW_MS,
  asynchronous: true,
};

export interface WhatsAppAdapterOptions {
  lines: LineLookup;
  graphBaseUrl: string;
  graphVersion: string;
  appSecret: string | undefined;
  accessToken: string | undefined;
  /** Per send; a slow Graph API must not hold the outbox. */
  timeoutMs?: number;
}

/** Pictures WhatsApp shows as images; other allowed files go as documents (with their name). */
const WHATSAPP_IMAGE_TYPES: ReadonlySet<string> = new Set(['image/jpeg', 'image/png']);
/** Meta's limit for a media caption. */
const MAX_CAPTION = 1024;

type GraphBody = { id?: string; messages?: Array<{ id?: string }>; error?: { code?: number; message?: string; error_data?: { details?: string } } };

/** Provider codes worth another attempt: rate limits and temporary unavailability. */
const RETRYABLE_CODES = new Set([4, 80007, 130429, 131000, 131016, 133004]);

/** WhatsApp Cloud API: signed webhooks in, `POST /{version}/{phone-number-id}/messages` out. */
export class WhatsAppAdapter implements ChannelAdapter<WhatsAppRaw> {
  readonly channel = 'whatsapp' as const;
  readonly capabilities = WHATSAPP_CAPABILITIES;

  constructor(private readonly options: WhatsAppAdapterOptions) {}

  async parseInbound(raw: WhatsAppRaw): Promise<InboundItem[]> {
    if (!this.options.appSecret) throw new InboundRefusal('WHATSAPP_NOT_CONFIGURED', 'The WhatsApp webhook is off: WHATSAPP_APP_SECRET is not set', 503);
    if (!verifyHubSignature(this.options.appSecret, raw.rawBody, raw.signature)) {
      throw new InboundRefusal('WEBHOOK_SIGNATURE_INVALID', 'X-Hub-Signature-256 is missing or does not match the body', 401);
    }
    let body: unknown;
    try {
      body = JSON.parse(raw.rawBody.toString('utf8'));
    } catch {
      throw new InboundRefusal('WHATSAPP_PAYLOAD_INVALID', 'The body is not JSON', 400);
    }
    return parseWhatsAppWebhook(body, this.options.lines());
  }

  async send(message: OutboundMessage): Promise<SendResult> {
    const phoneNumberId = message.line.whatsapp?.phoneNumberId;
    if (!phoneNumberId) throw new ChannelSendError({ code: 'WHATSAPP_LINE_HAS_NO_NUMBER', message: `Line ${message.line.name} has no WhatsApp number`, retryable: false });
    if (!this.options.accessToken) throw new ChannelSendError({ code: 'WHATSAPP_NOT_CONFIGURED', message: 'WHATSAPP_ACCESS_TOKEN is not set', retryable: false });
    const base = `${this.options.graphBaseUrl.replace(/\/$/, '')}/${this.options.graphVersion}/${phoneNumberId}`;
    if (!message.attachments?.length) return { externalId: await this.postMessage(base, requestBody(message)) };
    // Files: uploaded to the media endpoint, then one media message each; the text is the first one's
    // caption (or its own message before them when longer than a caption may be). A retry after a
    // partial failure sends the whole message again: rare, and better than a lost file.
    const text = message.text.trim();
    const captionFits = text.length <= MAX_CAPTION;
    let firstId: string | undefined;
    if (text && !captionFits) firstId = await this.postMessage(base, requestBody({ ...message, attachments: [] }));
    for (const [index, file] of message.attachments.entries()) {
      const mediaId = await this.uploadMedia(base, file);
      const kind = WHATSAPP_IMAGE_TYPES.has(file.contentType) ? 'image' : 'document';
      const caption = index === 0 && text && captionFits ? text : undefined;
      const body = { messaging_product: 'whatsapp', recipient_type: 'individual', to: message.to, type: kind, [kind]: { id: mediaId, ...(caption ? { caption } : {}), ...(kind === 'document' ? { filename: file.filename } : {}) } };
      const id = await this.postMessage(base, body);
      firstId ??= id;
    }
    return { externalId: firstId! };
  }

  /** `GET /{version}/{media-id}` (bearer): Meta's `{url, mime_type, file_size}` of a customer's media. */
  async mediaInfo(mediaId: string): Promise<MediaInfo> {
    if (!this.options.accessToken) throw new ChannelSendError({ code: 'WHATSAPP_NOT_CONFIGURED', message: 'WHATSAPP_ACCESS_TOKEN is not set', retryable: false });
    const url = `${this.options.graphBaseUrl.replace(/\/$/, '')}/${this.options.graphVersion}/${encodeURIComponent(mediaId)}`;
    const response = await this.get(url);
    const body = (await response.json().catch(() => ({}))) as GraphBody & { url?: unknown; mime_type?: unknown; file_size?: unknown };
    if (!response.ok || body.error) throw graphFailure(response.status, body);
    if (typeof body.url !== 'string' || typeof body.mime_type !== 'string') throw new ChannelSendError({ code: 'WHATSAPP_MEDIA_INFO_INVALID', message: 'The media answer has no url or mime_type', retryable: true });
    return { url: body.url, mimeType: body.mime_type, size: typeof body.file_size === 'number' ? body.file_size : null };
  }

  /** The media URL, fetched with the same bearer token (Meta refuses it without); never more than `maxBytes` are read. */
  async downloadMedia(url: string, maxBytes: number): Promise<Buffer> {
    const response = await this.get(url);
    if (!response.ok) {
      const body = (await response.json().catch(() => ({}))) as GraphBody;
      throw graphFailure(response.status, body);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of response.body ?? []) {
      size += (chunk as Uint8Array).byteLength;
      if (size > maxBytes) {
        await response.body?.cancel().catch(() => undefined);
        throw new ChannelSendError({ code: 'ATTACHMENT_TOO_LARGE', message: `The media is larger than ${maxBytes} bytes`, retryable: false });
      }
      chunks.push(Buffer.from(chunk as Uint8Array));
    }
    return Buffer.concat(chunks);
  }

  private async get(url: string): Promise<Response> {
    try {
      return await fetch(url, { headers: { authorization: `Bearer ${this.options.accessToken}` }, signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000) });
    } catch (error) {
      throw new ChannelSendError({ code: 'WHATSAPP_UNREACHABLE', message: `Graph API unreachable: ${String(error)}`, retryable: true });
    }
  }

  /** `POST {phone-number-id}/media` (multipart): the media id a message can refer to. */
  private async uploadMedia(base: string, file: OutboundAttachment): Promise<string> {
    const form = new FormData();
    form.set('messaging_product', 'whatsapp');
    form.set('type', file.contentType);
    form.set('file', new Blob([new Uint8Array(file.content)], { type: file.contentType }), file.filename);
    const body = await this.call(`${base}/media`, { body: form });
    if (!body.id) throw new ChannelSendError({ code: 'WHATSAPP_MEDIA_UPLOAD_FAILED', message: 'The media upload returned no id', retryable: true });
    return body.id;
  }

  private async postMessage(base: string, payload: Record<string, unknown>): Promise<string> {
    const body = await this.call(`${base}/messages`, { body: JSON.stringify(payload), contentType: 'application/json' });
    const id = body.messages?.[0]?.id;
    if (!id) throw new ChannelSendError({ code: 'HTTP_200', message: 'The Graph API returned no message id', retryable: false });
    return id;
  }

  private async call(url: string, request: { body: string | FormData; contentType?: string }): Promise<GraphBody> {
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.options.accessToken}`, ...(request.contentType ? { 'content-type': request.contentType } : {}) },
        body: request.body,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
    } catch (error) {
      throw new ChannelSendError({ code: 'WHATSAPP_UNREACHABLE', message: `Graph API unreachable: ${String(error)}`, retryable: true });
    }
    const body = (await response.json().catch(() => ({}))) as GraphBody;
    if (!response.ok || body.error) throw graphFailure(response.status, body);
    return body;
  }

  async close(): Promise<void> {}
}

/** Meta's error answer as a provider error; 5xx, 429 and the rate-limit codes are worth another attempt. */
function graphFailure(status: number, body: GraphBody): ChannelSendError {
  const code = body.error?.code;
  return new ChannelSendError({
    code: code === undefined ? `HTTP_${status}` : String(code),
    message: body.error?.error_data?.details ?? body.error?.message ?? `Graph API answered ${status}`,
    retryable: status >= 500 || status === 429 || (code !== undefined && RETRYABLE_CODES.has(code)),
  });
}

/** The Cloud API message object for text, template or media. */
export function requestBody(message: OutboundMessage): Record<string, unknown> {
  const base = { messaging_product: 'whatsapp', recipient_type: 'individual', to: message.to };
  if (message.template) {
    const parameters = message.template.parameters.map((text) => ({ type: 'text', text }));
    return {
      ...base,
      type: 'template',
      template: { name: message.template.name, language: { code: message.template.language }, components: parameters.length > 0 ? [{ type: 'body', parameters }] : [] },
    };
  }
  if (message.media) {
    const { kind, link, caption, filename } = message.media;
    return { ...base, type: kind, [kind]: { link, ...(caption && kind !== 'audio' ? { caption } : {}), ...(filename && kind === 'document' ? { filename } : {}) } };
  }
  return { ...base, type: 'text', text: { preview_url: false, body: message.text } };
}
