import type { Agent } from '../../core/model/index.js';
import type { IncidentEscalation, IncidentStatus } from '../../storage/repositories/incident.repository.js';
import type { ServiceDeps } from '../deps.js';
import { incidentView, type IncidentView } from './incident-view.js';

/** The incident register of the agent's tenant, newest first, filtered by status and escalation queue. */
export async function listIncidents(deps: ServiceDeps, agent: Agent, filter: { status?: IncidentStatus; escalatedTo?: IncidentEscalation }): Promise<IncidentView[]> {
  const incidents = await deps.repos.incidents.list(agent.tenantId, filter);
  return incidents.map(incidentView);
}
