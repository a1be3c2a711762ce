import { AppError } from '../../core/errors/app-error.js';

/** Errors of the desktop's controls for calls on a phone line (the provider's REST API); codes in docs/errors.md. */
export const phoneCallErrors = {
  notConfigured: () =>
    new AppError('VOICE_PROVIDER_NOT_CONFIGURED', 'Call controls need TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN', { status: 503, userMessage: 'Call controls are not set up on this server.' }),
  providerUnavailable: (detail: string, cause: unknown) =>
    new AppError('VOICE_PROVIDER_UNAVAILABLE', detail, { status: 502, retryable: true, cause, userMessage: 'The telephone provider did not carry this out. The call is as it was; try again.' }),
  notPhoneCall: (conversationId: string) =>
    new AppError('PHONE_CALL_NOT_FOUND', `Conversation ${conversationId} is not a call on a phone line`, { status: 409, userMessage: 'This conversation has no phone call to control.' }),
  callerIdMissing: (lineId: string) =>
    new AppError('VOICE_CALLER_ID_MISSING', `Line ${lineId} has no phone number of its own to call out from`, { status: 409, userMessage: 'This line has no phone number of its own set up, so it cannot call an outside number.' }),
  consentRequired: () =>
    new AppError('TRANSFER_CONSENT_REQUIRED', 'A transfer to an outside number needs the caller\'s consent (callerConsent: true)', { status: 400, userMessage: 'Confirm that the caller agreed to be transferred.' }),
};
