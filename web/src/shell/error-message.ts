import { ApiError } from '../api/http-client.js';
import type { MessageKey } from '../i18n/dictionaries.js';

/** Codes with a translated explanation; other codes show the server's message. */
const KNOWN: Record<string, MessageKey> = {
  NETWORK: 'error.network',
  BAD_CREDENTIALS: 'error.badCredentials',
  ACCOUNT_LOCKED: 'error.accountLocked',
  RATE_LIMITED: 'error.rateLimited',
  UNAUTHENTICATED: 'error.unauthenticated',
  FORBIDDEN: 'error.forbidden',
  OFFER_NOT_FOUND: 'error.offerGone',
  CONVERSATION_ENDED: 'error.conversationEnded',
  WRAP_UP_REQUIRED: 'error.wrapUpRequired',
  CAMPAIGN_RESULT_REQUIRED: 'error.campaignResultRequired',
  STORAGE_UNAVAILABLE: 'error.storage',
  NOT_PARTICIPANT: 'error.notParticipant',
  TRANSFER_TARGET_INVALID: 'error.transferTarget',
  TRANSFER_TARGET_UNAVAILABLE: 'error.transferTargetUnavailable',
  CONVERSATION_INVALID_TRANSITION: 'error.invalidTransition',
  CHANNEL_WINDOW_CLOSED: 'error.channelWindowClosed',
  VOICE_PROVIDER_UNAVAILABLE: 'error.voiceProvider',
  VOICE_PROVIDER_NOT_CONFIGURED: 'error.voiceProviderNotConfigured',
  PHONE_CALL_NOT_FOUND: 'error.phoneCallNotFound',
  CALL_NOT_CONNECTED: 'error.callNotConnected',
};

/** A user-facing message for any thrown value: the translated text for known codes, else the API's message with its code. */
export function describeError(error: unknown, t: (key: MessageKey) => string): string {
  if (error instanceof ApiError || isCoded(error)) {
    const key = KNOWN[error.code];
    return key ? t(key) : `${error.message} (${error.code})`;
  }
  return t('error.unexpected');
}

function isCoded(value: unknown): value is { code: string; message: string } {
  return typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'string' && typeof (value as { message?: unknown }).message === 'string';
}
