import { AppError } from '../../core/errors/app-error.js';

/** Errors of the content managers' screens (intents, unanswered questions, chat-log import). */
export const contentErrors = {
  invalid: (message: string) => new AppError('CONTENT_INVALID', message, { status: 422 }),
  noBot: (lineId: string) =>
    new AppError('BOT_NOT_CONFIGURED', `Line ${lineId} has no customer bot yet; save its settings first`, { status: 409, userMessage: 'This line has no bot yet.' }),
  intentNotFound: (id: string) => new AppError('BOT_INTENT_NOT_FOUND', `bot intent ${id} not found`, { status: 404 }),
  questionClosed: (id: string) =>
    new AppError('UNANSWERED_ALREADY_HANDLED', `Unanswered question ${id} was already handled`, { status: 409, userMessage: 'Someone already handled this question.' }),
  importInvalid: (message: string) => new AppError('IMPORT_INVALID', message, { status: 422 }),
};
