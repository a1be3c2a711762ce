import { ChannelSendError, InboundRefusal, type ChannelAdapter, type ChannelCapabilities, type InboundItem, type LineLookup, type OutboundMessage, type SendResult } from '../channel-contract.js';
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
    const url = `${this.options.graphBaseUrl.replace(/\/$/, '')}/${this.options.graphVersion}/${phoneNumberId}/messages`;
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.options.accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(requestBody(message)),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
    } catch (error) {
      throw new ChannelSendError({ code: 'WHATSAPP_UNREACHABLE', message: `Graph API unreachable: ${String(error)}`, retryable: true });
    }
    const body = (await response.json().catch(() => ({}))) as { messages?: Array<{ id?: string }>; error?: { code?: number; message?: string; error_data?: { details?: string } } };
    if (!response.ok || !body.messages?.[0]?.id) {
      const code = body.error?.code;
      throw new ChannelSendError({
        code: code === undefined ? `HTTP_${response.status}` : String(code),
        message: body.error?.error_data?.details ?? body.error?.message ?? `Graph API answered ${response.status}`,
        retryable: response.status >= 500 || response.status === 429 || (code !== undefined && RETRYABLE_CODES.has(code)),
      });
    }
    return { externalId: body.messages[0].id };
  }

  async close(): Promise<void> {}
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
