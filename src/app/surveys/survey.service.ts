import { surveyBecomesCompliment } from '../../core/recognition/index.js';
import type { ComplimentRecord, SurveyResponseRecord } from '../../storage/index.js';
import { errors } from '../app.errors.js';
import type { ServiceDeps } from '../deps.js';
import { newId } from '../ids.js';
import { loadConversation } from '../conversation/read-conversation.js';
import { topics } from '../../realtime/event-bus.js';
import { readTodaySurveys } from '../wallboard/wallboard.js';
import { publishCompliment } from './compliments.js';
import { followUpIfDetractor } from '../quality/complaints.service.js';
import { awardBadgesAfterSurvey } from '../quality/recognition.service.js';

export const MAX_SURVEY_COMMENT_LENGTH = 2000;

export interface SurveyAnswer {
  nps?: number | null;
  helpfulness?: number | null;
  comment?: string | null;
}

export interface SurveyStatus {
  /** True while the customer may still answer: their part is over (closed, or they left a chat an agent handled) and no answer yet. */
  open: boolean;
  submitted: boolean;
  /** Why it is not open: `not_closed` (still running or in wrap-up), `submitted`, or `not_applicable` (abandoned, transferred). */
  reason?: 'not_closed' | 'submitted' | 'not_applicable';
}

export async function surveyStatus(deps: ServiceDeps, conversationId: string): Promise<SurveyStatus> {
  const c = await loadConversation(deps, conversationId);
  const existing = await deps.repos.surveys.getByConversation(c.tenantId, c.id);
  if (existing) return { open: false, submitted: true, reason: 'submitted' };
  if (customerPartIsOver(c)) return { open: true, submitted: false };
  if (c.state === 'abandoned' || c.state === 'transferred') return { open: false, submitted: false, reason: 'not_applicable' };
  return { open: false, submitted: false, reason: 'not_closed' };
}

/**
 * The customer can rate the conversation once their part is over: the agent closed it, or the
 * customer left a chat an agent was handling (it waits in wrap-up for the agent's registration).
 */
function customerPartIsOver(c: { state: string; assignedAgentId: string | null }): boolean {
  return c.state === 'closed' || (c.state === 'wrap_up' && c.assignedAgentId !== null);
}

function checkScore(name: string, value: number | null | undefined, min: number, max: number): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < min || value > max) throw errors.surveyOutOfRange(`${name} must be a whole number from ${min} to ${max} (got ${value})`);
  return value;
}

/**
 * Stores the customer's one survey of a closed conversation. With NPS ≥ 9 and a comment that
 * reads as praise (`src/core/recognition`), the comment becomes a compliment for the agent.
 */
export async function submitSurvey(deps: ServiceDeps, conversationId: string, answer: SurveyAnswer): Promise<{ survey: SurveyResponseRecord; compliment: boolean }> {
  const nps = checkScore('nps', answer.nps, 0, 10);
  const helpfulness = checkScore('helpfulness', answer.helpfulness, 1, 10);
  const comment = answer.comment?.trim() ? answer.comment.trim().slice(0, MAX_SURVEY_COMMENT_LENGTH) : null;
  if (nps === null && helpfulness === null && comment === null) throw errors.surveyOutOfRange('Give at least one of nps, helpfulness or comment');
  const c = await loadConversation(deps, conversationId);
  if (!customerPartIsOver(c)) throw errors.surveyNotOpen(c.id, c.state);
  const now = deps.clock.now();
  const survey: SurveyResponseRecord = {
    id: newId('sv'),
    tenantId: c.tenantId,
    lineId: c.lineId,
    conversationId: c.id,
    agentId: c.assignedAgentId,
    nps,
    helpfulness,
    comment,
    language: c.language,
    createdAt: now,
  };
  const becomesCompliment = survey.agentId !== null && surveyBecomesCompliment(survey);
  const compliment: ComplimentRecord | null =
    becomesCompliment && survey.agentId && comment
      ? { id: newId('cp'), tenantId: c.tenantId, agentId: survey.agentId, conversationId: c.id, source: 'survey', text: comment, shareWithTeam: false, createdAt: now }
      : null;
  // The answer, its compliment and its follow-up are stored together or not at all: the
  // customer either gets an error and may send again, or everything the answer leads to exists.
  await deps.db.kysely.transaction().execute(async (trx) => {
    const repos = deps.repos.withTransaction(trx);
    // The unique index on conversation_id decides "only once", also when two submits race.
    if (!(await repos.surveys.insertOnce(survey))) throw errors.surveyAlreadySubmitted(c.id);
    if (compliment) await repos.compliments.insert(compliment);
    // A detractor who explains why goes onto the complaints follow-up list.
    await followUpIfDetractor({ repos, clock: deps.clock }, survey, c.contactId);
  });
  if (compliment) publishCompliment(deps, compliment);
  try {
    // Outstanding scores this month may earn the agent a badge (rules set by the admin).
    await awardBadgesAfterSurvey(deps, survey);
  } catch (error) {
    deps.log('error', 'badges after a survey not evaluated', { conversationId: c.id, error: String(error) });
  }
  void publishSurveyFigures(deps, survey);
  return { survey, compliment: becomesCompliment };
}

/**
 * After an answer is stored, wallboard viewers get today's survey figures pushed. Best effort:
 * the answer is already durable, and a failed read here only delays the figures until the
 * wallboard's next poll.
 */
async function publishSurveyFigures(deps: ServiceDeps, survey: SurveyResponseRecord): Promise<void> {
  try {
    const surveys = await readTodaySurveys(deps, survey.tenantId);
    deps.bus.publish(topics.wallboard(survey.tenantId), { kind: 'frame', frame: { t: 'wallboard.surveys', lineId: survey.lineId, surveys } });
  } catch (error) {
    deps.log('warn', 'survey figures not pushed', { tenantId: survey.tenantId, error: String(error) });
  }
}
