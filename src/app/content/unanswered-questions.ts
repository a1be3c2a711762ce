import type { Language } from '../../core/model/index.js';
import type { UnansweredQuestion, UnansweredReason, UnansweredStatus } from '../../storage/index.js';
import { errors } from '../app.errors.js';
import type { ServiceDeps } from '../deps.js';
import { addExample, lineOfTenant } from './bot-content.js';
import { contentErrors } from './content.errors.js';

/** The line's questions the bot handed over unsure, after a repeat or at its turn limit (texts were anonymised before they were stored). */
export async function listUnanswered(deps: ServiceDeps, tenantId: string, lineId: string, status: UnansweredStatus, limit: number, reason?: UnansweredReason): Promise<UnansweredQuestion[]> {
  lineOfTenant(deps, tenantId, lineId);
  return deps.repos.unanswered.list(tenantId, lineId, status, limit, reason);
}

/**
 * One click: the question becomes an example of an intent (in its language, as stored: anonymised),
 * and leaves the open list. Closing first means two content managers cannot both add it.
 */
export async function resolveAsExample(deps: ServiceDeps, tenantId: string, questionId: string, intentId: string): Promise<UnansweredQuestion> {
  const question = await deps.repos.unanswered.get(tenantId, questionId);
  if (!question) throw errors.notFound('unanswered', questionId);
  const line = lineOfTenant(deps, tenantId, question.lineId);
  if (!line.bot?.intents.some((i) => i.id === intentId)) throw contentErrors.intentNotFound(intentId);
  if (!(await deps.repos.unanswered.close(tenantId, questionId, 'resolved', intentId, deps.clock.now()))) throw contentErrors.questionClosed(questionId);
  try {
    await addExample(deps, tenantId, question.lineId, intentId, question.language as Language, question.text);
  } catch (error) {
    // Nothing was added: reopen, so the question is not lost from the list.
    await deps.repos.unanswered.reopen(tenantId, questionId);
    throw error;
  }
  return { ...question, status: 'resolved', resolvedIntent: intentId };
}

export async function dismissQuestion(deps: ServiceDeps, tenantId: string, questionId: string): Promise<void> {
  const question = await deps.repos.unanswered.get(tenantId, questionId);
  if (!question) throw errors.notFound('unanswered', questionId);
  if (!(await deps.repos.unanswered.close(tenantId, questionId, 'dismissed', null, deps.clock.now()))) throw contentErrors.questionClosed(questionId);
}
