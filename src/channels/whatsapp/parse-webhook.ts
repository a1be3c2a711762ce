import { z } from 'zod';
import type { Line } from '../../core/model/index.js';
import { InboundRefusal, type DeliveryStatusUpdate, type InboundItem, type InboundMessage } from '../channel-contract.js';

/**
 * The WhatsApp Cloud API webhook body (Meta's documented `whatsapp_business_account` format):
 * entry[].changes[].value with metadata.phone_number_id, contacts, messages and statuses.
 * Unknown fields are ignored; unknown message types are kept as "unsupported" for the agent.
 */
const media = z.object({ id: z.string(), mime_type: z.string().optional(), sha256: z.string().optional(), caption: z.string().optional(), filename: z.string().optional() });
const message = z.object({
  from: z.string().min(5).max(20),
  id: z.string().min(1).max(200),
  timestamp: z.string().regex(/^\d+$/),
  type: z.string(),
  context: z.object({ from: z.string().optional(), id: z.string().optional() }).optional(),
  text: z.object({ body: z.string() }).optional(),
  image: media.optional(),
  document: media.optional(),
  audio: media.optional(),
  video: media.optional(),
  sticker: media.optional(),
  location: z.object({ latitude: z.number(), longitude: z.number(), name: z.string().optional(), address: z.string().optional(), url: z.string().optional() }).optional(),
  interactive: z
    .object({
      type: z.string(),
      button_reply: z.object({ id: z.string(), title: z.string() }).optional(),
      list_reply: z.object({ id: z.string(), title: z.string(), description: z.string().optional() }).optional(),
    })
    .optional(),
  button: z.object({ payload: z.string().optional(), text: z.string() }).optional(),
});
const status = z.object({
  id: z.string().min(1),
  status: z.enum(['sent', 'delivered', 'read', 'failed']),
  timestamp: z.string().regex(/^\d+$/),
  recipient_id: z.string().optional(),
  errors: z.array(z.object({ code: z.number(), title: z.string().optional(), message: z.string().optional(), error_data: z.object({ details: z.string().optional() }).optional() })).optional(),
});
const webhook = z.object({
  object: z.literal('whatsapp_business_account'),
  entry: z.array(
    z.object({
      id: z.string(),
      changes: z.array(
        z.object({
          field: z.string(),
          value: z.object({
            messaging_product: z.literal('whatsapp'),
            metadata: z.object({ display_phone_number: z.string().optional(), phone_number_id: z.string() }),
            contacts: z.array(z.object({ wa_id: z.string(), profile: z.object({ name: z.string() }).optional() })).optional(),
            messages: z.array(message).optional(),
            statuses: z.array(status).optional(),
          }),
        }),
      ),
    }),
  ),
});

type WaMessage = z.infer<typeof message>;

export function parseWhatsAppWebhook(body: unknown, lines: readonly Line[]): InboundItem[] {
  const parsed = webhook.safeParse(body);
  if (!parsed.success) throw new InboundRefusal('WHATSAPP_PAYLOAD_INVALID', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), 400);
  const items: InboundItem[] = [];
  for (const entry of parsed.data.entry) {
    for (const change of entry.changes) {
      if (change.field !== 'messages') continue;
      const value = change.value;
      const line = lines.find((l) => l.whatsapp?.phoneNumberId === value.metadata.phone_number_id && l.channels.includes('whatsapp'));
      if (!line) throw new InboundRefusal('WHATSAPP_UNKNOWN_NUMBER', `No line has WhatsApp phone-number id ${value.metadata.phone_number_id}`, 404);
      for (const m of value.messages ?? []) {
        const name = value.contacts?.find((c) => c.wa_id === m.from)?.profile?.name;
        items.push(toMessage(m, line.id, name));
      }
      for (const s of value.statuses ?? []) items.push(toStatus(s));
    }
  }
  return items;
}

function toMessage(m: WaMessage, lineId: string, name: string | undefined): InboundMessage {
  const { text, extra } = contentOf(m);
  return {
    kind: 'message',
    channel: 'whatsapp',
    lineId,
    from: { identifierKind: 'whatsapp', address: m.from, ...(name ? { displayName: name } : {}) },
    externalId: m.id,
    inReplyTo: m.context?.id ? [m.context.id] : [],
    text,
    attachments: [],
    ...(extra ? { extra } : {}),
    sentAt: Number(m.timestamp) * 1000,
  };
}

/** What the agent reads for each message type; media stays at the provider (a reference is kept). */
function contentOf(m: WaMessage): { text: string; extra?: Record<string, unknown> } {
  if (m.type === 'text' && m.text) return { text: m.text.body };
  const file = m.image ?? m.document ?? m.audio ?? m.video ?? m.sticker;
  if (['image', 'document', 'audio', 'video', 'sticker'].includes(m.type) && file) {
    const label = file.filename ?? m.type;
    return {
      text: file.caption?.trim() || `[${label}]`,
      extra: { media: { kind: m.type, mediaId: file.id, mimeType: file.mime_type ?? null, filename: file.filename ?? null, caption: file.caption ?? null } },
    };
  }
  if (m.type === 'location' && m.location) {
    const { latitude, longitude, name, address } = m.location;
    const place = [name, address].filter(Boolean).join(', ');
    return { text: `📍 ${place || `${latitude}, ${longitude}`}`, extra: { location: { latitude, longitude, name: name ?? null, address: address ?? null } } };
  }
  if (m.type === 'interactive' && m.interactive) {
    const reply = m.interactive.button_reply ?? m.interactive.list_reply;
    if (reply) return { text: reply.title, extra: { interactive: { type: m.interactive.type, id: reply.id, title: reply.title } } };
  }
  if (m.type === 'button' && m.button) return { text: m.button.text, extra: { interactive: { type: 'button', id: m.button.payload ?? null, title: m.button.text } } };
  return { text: `[${m.type}]`, extra: { unsupported: m.type } };
}

function toStatus(s: z.infer<typeof status>): DeliveryStatusUpdate {
  const first = s.errors?.[0];
  return {
    kind: 'status',
    channel: 'whatsapp',
    externalId: s.id,
    status: s.status,
    ...(first ? { error: { code: String(first.code), message: first.error_data?.details ?? first.message ?? first.title ?? 'failed', retryable: false } } : {}),
    at: Number(s.timestamp) * 1000,
  };
}
