import { AppError } from '../../core/errors/app-error.js';

/** Errors of calls in the browser (signalling and call controls); codes in docs/errors.md. */
export const browserCallErrors = {
  notConnected: (conversationId: string) =>
    new AppError('CALL_NOT_CONNECTED', `Conversation ${conversationId} has no connected call`, { status: 409, userMessage: 'There is no call to send this to right now.' }),
  invalidStep: (message: string) => new AppError('CALL_STATE_INVALID', message, { status: 409, userMessage: 'That is not possible in this call right now.' }),
};
