import { AppError } from '../errors/app-error.js';

export const ABUSE_POLICY_ERROR_CODES = ['ABUSE_POLICY_INVALID'] as const;
export type AbusePolicyErrorCode = (typeof ABUSE_POLICY_ERROR_CODES)[number];

export class AbusePolicyError extends AppError {
  constructor(
    code: AbusePolicyErrorCode,
    message: string,
    readonly issues: readonly string[],
  ) {
    super(code, message, { status: 400, userMessage: message });
    this.name = 'AbusePolicyError';
  }
}
