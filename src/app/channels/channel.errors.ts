import { AppError } from '../../core/errors/app-error.js';

/** Errors of the email and WhatsApp channels (listed in docs/errors.md). */
export const channelErrors = {
  windowClosed: (channel: string, lastInboundAt: number | null, windowMs: number) =>
    new AppError(
      'CHANNEL_WINDOW_CLOSED',
      lastInboundAt === null
        ? `The customer has not written on ${channel} yet: only an approved template may be sent`
        : `The ${channel} customer-service window closed at ${new Date(lastInboundAt + windowMs).toISOString()} (${Math.round(windowMs / 3600_000)} hours after the customer's last message): send an approved template instead`,
      { status: 409 },
    ),
  templatesNotSupported: (channel: string) => new AppError('CHANNEL_TEMPLATES_UNSUPPORTED', `The ${channel} channel has no template messages`, { status: 422 }),
  unknownTemplate: (name: string) => new AppError('CHANNEL_TEMPLATE_UNKNOWN', `The line has no template ${name} (in this language)`, { status: 422 }),
  templateParameters: (name: string, expected: number, given: number) =>
    new AppError('CHANNEL_TEMPLATE_PARAMETERS', `Template ${name} takes ${expected} parameters, ${given} given`, { status: 422 }),
  attachmentNotFound: (id: string) => new AppError('ATTACHMENT_NOT_FOUND', `attachment ${id} not found`, { status: 404 }),
  attachmentTooLarge: (filename: string, size: string, limit: string) =>
    new AppError('ATTACHMENT_TOO_LARGE', `"${filename}" is ${size}; the limit is ${limit} per file`, { status: 413 }),
  attachmentTypeRefused: (filename: string, contentType: string) =>
    new AppError('ATTACHMENT_TYPE_REFUSED', `"${filename}" has type ${contentType}, which cannot be sent: use a PDF, picture, office document or text file`, { status: 415 }),
  attachmentContentMismatch: (filename: string, contentType: string) =>
    new AppError('ATTACHMENT_TYPE_REFUSED', `The content of "${filename}" is not a ${contentType} file`, { status: 415 }),
  attachmentsNotAllowed: (why: string) => new AppError('ATTACHMENTS_NOT_ALLOWED', why, { status: 422 }),
  inboundWebhookOff: () => new AppError('EMAIL_WEBHOOK_DISABLED', 'The inbound mail webhook is off: EMAIL_INBOUND_WEBHOOK_SECRET is not set', { status: 404 }),
  inboundWebhookUnauthorised: () => new AppError('EMAIL_WEBHOOK_UNAUTHORISED', 'Missing or wrong bearer secret for the inbound mail webhook', { status: 401 }),
  verifyTokenInvalid: () => new AppError('WEBHOOK_VERIFY_TOKEN_INVALID', 'hub.mode must be subscribe and hub.verify_token must match WHATSAPP_VERIFY_TOKEN', { status: 403 }),
};
