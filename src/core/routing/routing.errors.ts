/**
 * The routing error catalogue. Codes are stable (the application maps them to HTTP and
 * docs/errors.md lists them); the fields mirror the core `AppError` shape so one error
 * handler can serve both without the routing module importing outside itself.
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

export class RoutingError extends Error {
  readonly status: number;
  readonly retryable = false;
  readonly userMessage: string;

  constructor(
    readonly code: RoutingErrorCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'RoutingError';
    this.status = ROUTING_ERROR_CODES[code];
    this.userMessage = message;
  }
}

export function isRoutingError(error: unknown): error is RoutingError {
  return error instanceof RoutingError;
}
