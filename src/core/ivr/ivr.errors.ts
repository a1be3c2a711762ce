import { AppError } from '../errors/app-error.js';
import type { IvrProblemCode, IvrProblemParams } from './ivr-problem-codes.js';

export const IVR_ERROR_CODES = ['IVR_FLOW_INVALID', 'IVR_STATE_INVALID'] as const;
export type IvrErrorCode = (typeof IVR_ERROR_CODES)[number];

/**
 * One problem in a flow: where (`nodes.menu.choices.1`), what as a stable code with the values
 * that fill in its text (for the admin UI's languages), and the same in English (`message`).
 */
export interface IvrFlowProblem {
  path: string;
  code: IvrProblemCode;
  params: IvrProblemParams;
  message: string;
}

export class IvrFlowError extends AppError {
  constructor(readonly problems: readonly IvrFlowProblem[]) {
    const listed = problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ');
    super('IVR_FLOW_INVALID', `Invalid IVR flow: ${listed}`, { status: 400 });
    this.name = 'IvrFlowError';
  }
}

/** A state handed back that does not belong to the flow (a node that no longer exists or does not wait). */
export class IvrStateError extends AppError {
  constructor(message: string) {
    super('IVR_STATE_INVALID', message, { status: 400 });
    this.name = 'IvrStateError';
  }
}
