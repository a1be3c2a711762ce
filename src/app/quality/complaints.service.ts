import type { Agent, Conversation } from '../../core/model/index.js';
import { checkFollowUpTransition, isComplaintRegistration, surveyNeedsFollowUp, type FollowUpStatus } from '../../core/quality/index.js';
import type { ComplaintFollowUpRecord, SurveyResponseRecord } from '../../storage/index.js';
import type { ServiceDeps } from '../deps.js';
import { newId } from '../ids.js';
import type { FollowUpView } from './quality.types.js';

export type { FollowUpView } from './quality.types.js';
import { qualityErrors } from './quality.errors.js';

export const MAX_FOLLOW_UP_TEXT = 4000;

function baseRecord(deps: Pick<ServiceDeps, 'clock'>, c: Pick<Conversation, 'tenantId' | 'lineId' | 'id' | 'contactId' | 'assignedAgentId'>, source: ComplaintFollowUpRecord['source']): ComplaintFollowUpRecord {
  const now = deps.clock.now();
  return {
    id: newId('fu'), tenantId: c.tenantId, lineId: c.lineId, conversationId: c.id, contactId: c.contactId, agentId: c.assignedAgentId, source,
    nps: null, comment: null, status: 'open', assigneeId: null, notes: '', outcome: null, version: 1, createdAt: now, updatedAt: now,
  };
}

/**
 * When an agent closes a conversation: a complaint wrap-up code (or topic) puts it on the
 * follow-up list. The close hands the row to the journal with its `conversation.closed` event,
 * so the close and the follow-up commit in one transaction: both or neither.
 */
export function complaintFollowUp(deps: Pick<ServiceDeps, 'clock'>, conversation: Conversation): ComplaintFollowUpRecord | undefined {
  if (!isComplaintRegistration(conversation.registration)) return undefined;
  return baseRecord(deps, conversation, 'wrap_up');
}

/**
 * A detractor's survey with a comment: onto the list, or onto the row the wrap-up made. The
 * survey service calls it inside the survey's own transaction (`repos` bound to it).
 */
export async function followUpIfDetractor(deps: Pick<ServiceDeps, 'repos' | 'clock'>, survey: SurveyResponseRecord, contactId: string): Promise<boolean> {
  if (!surveyNeedsFollowUp(survey)) return false;
  const record = { ...baseRecord(deps, { tenantId: survey.tenantId, lineId: survey.lineId, id: survey.conversationId, contactId, assignedAgentId: survey.agentId }, 'survey'), nps: survey.nps, comment: survey.comment };
  if (!(await deps.repos.complaints.insertOnce(record))) await deps.repos.complaints.addSurvey(survey.tenantId, survey.conversationId, survey.nps, survey.comment, deps.clock.now());
  return true;
}

async function view(deps: ServiceDeps, r: ComplaintFollowUpRecord): Promise<FollowUpView> {
  const line = deps.directory.findLine(r.lineId);
  const contact = r.contactId ? await deps.repos.contacts.get(r.tenantId, r.contactId) : undefined;
  const name = (id: string | null) => (id ? (deps.directory.findAgent(r.tenantId, id)?.name ?? id) : null);
  return {
    id: r.id, lineId: r.lineId, lineName: line?.name ?? r.lineId, conversationId: r.conversationId, source: r.source, nps: r.nps, comment: r.comment, status: r.status,
    agentName: name(r.agentId), assignee: r.assigneeId ? { id: r.assigneeId, name: name(r.assigneeId) ?? r.assigneeId } : null, notes: r.notes, outcome: r.outcome,
    version: r.version, createdAt: r.createdAt, updatedAt: r.updatedAt,
    contact: contact
      ? { pseudonym: contact.pseudonym, identifierKind: contact.identifierKind, identifier: line?.anonymous ? null : contact.identifier, displayName: line?.anonymous ? null : contact.displayName }
      : null,
  };
}

export async function listFollowUps(deps: ServiceDeps, me: Agent, status?: FollowUpStatus): Promise<FollowUpView[]> {
  const records = await deps.repos.complaints.list(me.tenantId, status);
  return Promise.all(records.map((r) => view(deps, r)));
}

export interface FollowUpChange {
  /** The version the caller read: a change on a row someone else changed meanwhile is refused. */
  version: number;
  status?: FollowUpStatus;
  notes?: string;
  outcome?: string | null;
}

/** Picks up, annotates or finishes a follow-up. Taking it in progress makes the caller its assignee. */
export async function updateFollowUp(deps: ServiceDeps, me: Agent, id: string, change: FollowUpChange): Promise<FollowUpView> {
  const current = await deps.repos.complaints.get(me.tenantId, id);
  if (!current) throw qualityErrors.followUpNotFound(id);
  if (current.version !== change.version) throw qualityErrors.changedMeanwhile('Follow-up', id);
  const status = change.status ?? current.status;
  const outcome = change.outcome === undefined ? current.outcome : change.outcome?.trim() || null;
  const check = checkFollowUpTransition(current.status, status, outcome);
  if (!check.ok) throw check.reason === 'outcome_required' ? qualityErrors.followUpOutcomeRequired() : qualityErrors.followUpTransition(current.status, status);
  const next: ComplaintFollowUpRecord = {
    ...current,
    status,
    notes: change.notes === undefined ? current.notes : change.notes.trim().slice(0, MAX_FOLLOW_UP_TEXT),
    outcome: outcome?.slice(0, MAX_FOLLOW_UP_TEXT) ?? null,
    assigneeId: status === 'open' ? null : status === 'in_progress' && current.status !== 'in_progress' ? me.id : current.assigneeId,
    updatedAt: deps.clock.now(),
  };
  if (!(await deps.repos.complaints.update(next, current.version))) throw qualityErrors.changedMeanwhile('Follow-up', id);
  return view(deps, { ...next, version: current.version + 1 });
}
