import { IVR_PROBLEM_CODES, type IvrProblemCode } from '../../../src/core/ivr/ivr-problem-codes.js';
import type { MessageKey } from '../i18n/dictionaries.js';

type T = (key: MessageKey, values?: Record<string, string | number>) => string;

const KNOWN: ReadonlySet<string> = new Set(IVR_PROBLEM_CODES);

/** The dictionary key that says a validator problem in the admin's language. */
export function ivrProblemKey(code: IvrProblemCode): MessageKey {
  return `ivr.problem.${code}` as MessageKey;
}

/**
 * A validator problem in the admin's language, its values filled in. A code this UI does not know
 * yet (a newer server) falls back to the server's English message rather than showing a key.
 */
export function ivrProblemText(problem: { code?: string; params?: Readonly<Record<string, string | number>>; message: string }, t: T): string {
  if (!problem.code || !KNOWN.has(problem.code)) return problem.message;
  return t(ivrProblemKey(problem.code as IvrProblemCode), { ...problem.params });
}
