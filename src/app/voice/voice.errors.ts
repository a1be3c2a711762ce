import { AppError } from '../../core/errors/app-error.js';

/** Errors of the telephony adapter; codes in docs/errors.md. */
export const voiceErrors = {
  signatureInvalid: () => new AppError('VOICE_SIGNATURE_INVALID', 'The X-Twilio-Signature header is missing or does not match this request', { status: 403 }),
  notConfigured: () => new AppError('VOICE_NOT_CONFIGURED', 'Voice is not configured on this server (TWILIO_AUTH_TOKEN is unset)', { status: 503 }),
  callNotFound: (callSid: string) => new AppError('VOICE_CALL_NOT_FOUND', `No call ${callSid} on this line`, { status: 404 }),
  dialNotAllowed: (why: string) => new AppError('VOICE_DIAL_NOT_ALLOWED', why, { status: 403 }),
  voiceNotOffered: (lineId: string) => new AppError('CHANNEL_NOT_OFFERED', `Line ${lineId} does not offer voice`, { status: 422 }),
};
