import { AppError, isAppError } from '../core/errors/app-error.js';
import { isStorageUnavailable } from '../storage/storage-errors.js';

/** The application's error catalogue; codes are stable and listed in docs/errors.md. */
export const errors = {
  /** The error itself when catalogued; the retryable STORAGE_UNAVAILABLE when the database is unreachable; otherwise undefined. */
  known: (error: unknown): AppError | undefined => (isAppError(error) ? error : isStorageUnavailable(error) ? errors.storage(error) : undefined),
  notFound: (what: string, id: string) =>
    new AppError(`${what.toUpperCase()}_NOT_FOUND`, `${what} ${id} not found`, { status: 404, userMessage: `This ${what} does not exist.` }),
  lineClosed: (lineName: string) =>
    new AppError('LINE_CLOSED', `Line ${lineName} is closed now`, { status: 409, userMessage: 'We are closed at the moment. Please try again during opening hours.' }),
  languageNotOffered: (language: string) =>
    new AppError('LANGUAGE_NOT_OFFERED', `Language ${language} is not offered on this line`, { status: 422 }),
  channelNotOffered: (channel: string) =>
    new AppError('CHANNEL_NOT_OFFERED', `Channel ${channel} is not offered on this line`, { status: 422 }),
  conversationEnded: (id: string) =>
    new AppError('CONVERSATION_ENDED', `Conversation ${id} has ended`, { status: 409, userMessage: 'This conversation has ended.' }),
  notParticipant: () =>
    new AppError('NOT_PARTICIPANT', 'You are not assigned to this conversation', { status: 403 }),
  forbidden: (why: string) => new AppError('FORBIDDEN', why, { status: 403 }),
  unauthenticated: () => new AppError('UNAUTHENTICATED', 'Log in first', { status: 401 }),
  badCredentials: () => new AppError('BAD_CREDENTIALS', 'Wrong email or password', { status: 401 }),
  accountLocked: (until: number) =>
    new AppError('ACCOUNT_LOCKED', `Too many failed logins; try again after ${new Date(until).toISOString()}`, { status: 429 }),
  csrf: () => new AppError('CSRF_TOKEN_INVALID', 'Missing or wrong x-csrf-token header', { status: 403 }),
  badToken: () => new AppError('TOKEN_INVALID', 'Conversation token is missing or invalid', { status: 401 }),
  storage: (cause: unknown) =>
    new AppError('STORAGE_UNAVAILABLE', `Storage failed: ${String(cause)}`, {
      status: 503,
      retryable: true,
      userMessage: 'The service is briefly unavailable; please retry.',
      cause,
    }),
  tenantMoving: (tenantId: string, why: string) =>
    new AppError('TENANT_MOVING', `Tenant ${tenantId}: ${why}`, {
      status: 503,
      retryable: true,
      userMessage: 'The service is briefly unavailable; please retry.',
    }),
  invalid: (message: string) => new AppError('INVALID_INPUT', message, { status: 400 }),
  staleArticle: (id: string, version: number) =>
    new AppError('KNOWLEDGE_STALE_VERSION', `Article ${id} is stored with version ${version} or newer`, { status: 409, userMessage: 'Someone saved a newer version of this article; reload it first.' }),
  articleVersionNotFound: (id: string, version: number) =>
    new AppError('KNOWLEDGE_ARTICLE_VERSION_NOT_FOUND', `Article ${id} has no version ${version}`, { status: 404, userMessage: 'This version of the article does not exist.' }),
  surveyNotOpen: (id: string, state: string) =>
    new AppError('SURVEY_NOT_OPEN', `The survey of conversation ${id} opens when the conversation is closed (it is ${state})`, { status: 409, userMessage: 'You can give your opinion once the conversation is closed.' }),
  surveyAlreadySubmitted: (id: string) =>
    new AppError('SURVEY_ALREADY_SUBMITTED', `Conversation ${id} already has a survey answer`, { status: 409, userMessage: 'Thank you, we already received your answer.' }),
  surveyOutOfRange: (message: string) => new AppError('SURVEY_OUT_OF_RANGE', message, { status: 422 }),
  noSuchTarget: (message: string) => new AppError('TRANSFER_TARGET_INVALID', message, { status: 422 }),
};
