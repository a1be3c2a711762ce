import { AppError } from '../errors/app-error.js';

/**
 * The routing error catalogue. Codes are stable (docs/errors.md lists them). A RoutingError
 * is an AppError, so the one HTTP and WebSocket error handler answers with its status, not a 500.
 */
export const ROUTING_ERROR_CODES = {
  INVALID_INPUT: 400,
  QUEUE_NOT_FOUND: 404,
  AGENT_NOT_FOUND: 404,
  CONVERSATION_NOT_FOUND: 404,
  CONVERSATION_ALREADY_QUEUED: 409,
  CONVERSATION_NOT_WAITING: 409,
  CONVERSATION_NOT_ASSIGNED: 409,
  OFFER_NOT_FOUND: 409,
  OFFER_EXPIRED: 409,
} as const;

export type RoutingErrorCode = keyof typeof ROUTING_ERROR_CODES;

export class RoutingError extends AppError {
  declare readonly code: RoutingErrorCode;

  constructor(
    code: RoutingErrorCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(code, message, { status: ROUTING_ERROR_CODES[code] });
    this.name = 'RoutingError';
  }
}

export function isRoutingError(error: unknown): error is RoutingError {
  return error instanceof RoutingError;
}
