import { canTransition } from '../../core/conversation/lifecycle.js';
import type { Actor, Contact } from '../../core/model/index.js';
import type { AbuseAction, Decider } from '../../core/policy/index.js';
import type { ContactBlockRecord } from '../../storage/repositories/block.repository.js';
import { NO_FOLLOW_UP, type IncidentEvidence, type IncidentRecord, type IncidentStatus } from '../../storage/repositories/incident.repository.js';
import type { ServiceDeps } from '../deps.js';
import type { EventDraft } from '../conversation/event-recorder.js';
import { newId } from '../ids.js';
import type { LiveConversation } from '../live-conversations.js';
import type { SafetyState } from './safety-state.js';

export interface ActionPlan {
  actions: readonly AbuseAction[];
  actor: Actor;
  decidedBy: Decider;
  /** Events recorded before the actions' own (the flagged message, the agent's flag). */
  leadingDrafts: EventDraft[];
  evidence: IncidentEvidence;
  /** The incident kind when no `open_incident` action names one. */
  incidentKind: string;
  /** Open an incident even without an action that asks for one (an agent's flag). */
  incidentStatus?: IncidentStatus;
  contact: Contact | undefined;
  state: SafetyState;
}

export interface CarriedOut {
  incident: IncidentRecord | null;
  block: ContactBlockRecord | null;
  timedOutUntil: number | null;
  /** Set when the conversation was ended: what the routing needs after the lock is released. */
  ended: { tenantId: string; wasWaiting: boolean; offeredTo: string | null; assignedTo: string | null } | null;
}

const INCIDENT_ACTIONS = new Set<AbuseAction['kind']>(['open_incident', 'escalate', 'agent_care_task', 'block', 'end']);

/**
 * Carries out abuse actions on a conversation, inside `withConversation`: changes its state,
 * writes the block and the incident, and records one event per action (the customer sees the
 * warning, the time-out and the end; staff see everything). Routing follows in `finishSafetyEnd`.
 */
export async function carryOutActions(deps: ServiceDeps, entry: LiveConversation, plan: ActionPlan): Promise<CarriedOut> {
  const c = entry.conversation;
  const now = deps.clock.now();
  const by = plan.decidedBy.by === 'policy' ? 'policy' : plan.decidedBy.userId;
  const needsIncident = plan.incidentStatus !== undefined || plan.actions.some((a) => INCIDENT_ACTIONS.has(a.kind));
  const incident: IncidentRecord | null = needsIncident
    ? {
        id: newId('in'),
        tenantId: c.tenantId,
        lineId: c.lineId,
        conversationId: c.id,
        contactId: c.contactId,
        agentId: c.assignedAgentId,
        kind: plan.actions.find((a): a is Extract<AbuseAction, { kind: 'open_incident' }> => a.kind === 'open_incident')?.incidentKind ?? plan.incidentKind,
        status: plan.incidentStatus ?? 'open',
        evidence: plan.evidence,
        actions: [],
        escalatedTo: null,
        followUp: { ...NO_FOLLOW_UP },
        createdAt: now,
        updatedAt: now,
      }
    : null;
  const result: CarriedOut = { incident, block: null, timedOutUntil: null, ended: null };
  const drafts: EventDraft[] = [...plan.leadingDrafts];
  if (incident) drafts.push({ type: 'incident.opened', actor: plan.actor, data: { incidentId: incident.id, kind: incident.kind, status: incident.status, reason: plan.evidence.reason } });
  let saveConversation = false;
  let endMessage: string | null = null;
  for (const action of plan.actions) {
    incident?.actions.push({ kind: action.kind, at: now, by, detail: actionDetail(action) });
    switch (action.kind) {
      case 'warn':
        drafts.push({ type: 'safety.warning', actor: plan.actor, data: { text: action.message, language: c.language } });
        break;
      case 'time_out': {
        plan.state.timedOutUntil = action.until;
        plan.state.strikes = { ...plan.state.strikes, timeOuts: plan.state.strikes.timeOuts + 1 };
        result.timedOutUntil = action.until;
        // A talking conversation pauses; a waiting one keeps its place and only its customer is held back.
        if (c.state === 'active' && canTransition(c.state, 'timed_out')) {
          c.state = 'timed_out';
          saveConversation = true;
        }
        const message = action.recordedMessage.kind === 'text' ? { text: action.recordedMessage.text } : { audioRef: action.recordedMessage.audioRef };
        drafts.push({ type: 'safety.timed_out', actor: plan.actor, data: { ...message, minutes: action.minutes, until: new Date(action.until).toISOString() } });
        break;
      }
      case 'end':
        endMessage = action.message;
        break;
      case 'escalate':
        if (incident) incident.escalatedTo = action.target;
        drafts.push({ type: 'incident.escalated', actor: plan.actor, data: { incidentId: incident?.id, target: action.target, reason: action.reason } });
        break;
      case 'open_incident':
        break;
      case 'block': {
        const block = await insertBlock(deps, c.tenantId, c.lineId, action, plan.contact, now);
        if (!block) break;
        result.block = block;
        drafts.push({ type: 'contact.blocked', actor: plan.actor, data: { blockId: block.id, incidentId: incident?.id, lineId: block.lineId, hours: action.hours, until: block.expiresAt === null ? null : new Date(block.expiresAt).toISOString(), reason: block.reason } });
        break;
      }
      case 'agent_care_task':
        if (incident) incident.followUp = { ...incident.followUp, agentCare: { reason: action.reason, agentId: c.assignedAgentId, done: false } };
        drafts.push({ type: 'incident.care_task_added', actor: plan.actor, data: { incidentId: incident?.id, agentId: c.assignedAgentId, reason: action.reason } });
        break;
      case 'suggest_time_out':
        drafts.push({ type: 'safety.time_out_suggested', actor: plan.actor, data: { minutes: action.minutes, reason: action.reason } });
        break;
    }
  }
  if (endMessage !== null && canTransition(c.state, 'closed')) {
    result.ended = { tenantId: c.tenantId, wasWaiting: ['bot', 'queued', 'offered'].includes(c.state), offeredTo: c.offeredAgentId, assignedTo: c.assignedAgentId };
    c.state = 'closed';
    c.closedAt = now;
    c.offeredAgentId = null;
    c.offerExpiresAt = null;
    saveConversation = true;
    drafts.push({ type: 'conversation.closed', actor: plan.actor, data: { reason: 'safety', message: endMessage, incidentId: incident?.id } });
  }
  const events = await deps.recorder.record(entry, drafts, saveConversation);
  if (incident) {
    incident.evidence = { ...incident.evidence, eventSeqs: [...new Set([...incident.evidence.eventSeqs, ...events.map((e) => e.seq)])].sort((a, b) => a - b) };
    await deps.repos.incidents.insert(incident);
  }
  return result;
}

async function insertBlock(deps: ServiceDeps, tenantId: string, lineId: string, action: Extract<AbuseAction, { kind: 'block' }>, contact: Contact | undefined, now: number): Promise<ContactBlockRecord | null> {
  const contactKey = action.contactKey ?? contact?.key;
  if (!contactKey) {
    deps.log('warn', 'block without a contact key skipped', { lineId });
    return null;
  }
  const block: ContactBlockRecord = { id: newId('bl'), tenantId, contactKey, lineId, reason: action.reason, decidedBy: action.decidedBy, createdAt: now, expiresAt: action.until, permanent: action.until === null };
  await deps.repos.blocks.insert(block);
  return block;
}

function actionDetail(action: AbuseAction): Record<string, unknown> {
  switch (action.kind) {
    case 'time_out':
      return { minutes: action.minutes, until: action.until };
    case 'block':
      return { hours: action.hours, until: action.until, reason: action.reason };
    case 'escalate':
      return { target: action.target, reason: action.reason };
    case 'open_incident':
      return { incidentKind: action.incidentKind, reason: action.reason };
    case 'agent_care_task':
    case 'suggest_time_out':
      return { reason: action.reason };
    default:
      return {};
  }
}
