import type { Agent } from '../../core/model/index.js';
import type { IncidentFollowUp, IncidentStatus } from '../../storage/repositories/incident.repository.js';
import { errors } from '../app.errors.js';
import type { ServiceDeps } from '../deps.js';
import { incidentView, type IncidentView } from './incident-view.js';

export interface IncidentChange {
  status?: IncidentStatus;
  followUp?: {
    agentCare?: { done: boolean };
    customerContacted?: boolean;
    policeReport?: boolean;
  };
}

/** Security or Special Care works an incident: its status and the follow-up (agent care, customer contacted, police report). */
export async function updateIncident(deps: ServiceDeps, agent: Agent, incidentId: string, change: IncidentChange): Promise<IncidentView> {
  const incident = await deps.repos.incidents.get(agent.tenantId, incidentId);
  if (!incident) throw errors.notFound('incident', incidentId);
  const now = deps.clock.now();
  const before: IncidentFollowUp = incident.followUp;
  const given = change.followUp ?? {};
  const agentCare = given.agentCare ? { reason: before.agentCare?.reason ?? `asked by ${agent.name}`, agentId: before.agentCare?.agentId ?? incident.agentId, done: given.agentCare.done } : before.agentCare;
  incident.followUp = { agentCare, customerContacted: given.customerContacted ?? before.customerContacted, policeReport: given.policeReport ?? before.policeReport };
  const detail: Record<string, unknown> = { ...change };
  if (change.status) incident.status = change.status;
  incident.actions = [...incident.actions, { kind: 'updated', at: now, by: agent.id, detail }];
  incident.updatedAt = now;
  await deps.repos.incidents.update(incident);
  return incidentView(incident);
}
