import type { IncidentRecord } from '../../storage/repositories/incident.repository.js';

/** An incident as staff see it over the API: times as ISO strings, nothing about the contact's identity. */
export function incidentView(incident: IncidentRecord) {
  return {
    id: incident.id,
    lineId: incident.lineId,
    conversationId: incident.conversationId,
    contactId: incident.contactId,
    agentId: incident.agentId,
    kind: incident.kind,
    status: incident.status,
    escalatedTo: incident.escalatedTo,
    evidence: incident.evidence,
    actions: incident.actions.map((a) => ({ ...a, at: new Date(a.at).toISOString() })),
    followUp: incident.followUp,
    createdAt: new Date(incident.createdAt).toISOString(),
    updatedAt: new Date(incident.updatedAt).toISOString(),
  };
}

export type IncidentView = ReturnType<typeof incidentView>;
