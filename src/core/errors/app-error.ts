/**
 * The base of every error catalogue. `code` is stable and documented in docs/errors.md;
 * `message` is for logs; `userMessage` is what a person may see; `status` maps to HTTP.
 */
export interface AppErrorOptions {
  status?: number;
  userMessage?: string;
  retryable?: boolean;
  cause?: unknown;
}

export class AppError extends Error {
  readonly status: number;
  readonly userMessage: string;
  readonly retryable: boolean;

  constructor(
    readonly code: string,
    message: string,
    options: AppErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.status = options.status ?? 400;
    this.userMessage = options.userMessage ?? message;
    this.retryable = options.retryable ?? false;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
