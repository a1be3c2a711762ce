import type { Incident, IncidentChange, IncidentStatus, IncidentTeam } from '../api/api-types.js';
import type { MessageKey } from '../i18n/dictionaries.js';
import { incidentKindLabel } from '../i18n/safety-labels.js';

type T = (key: MessageKey, values?: Record<string, string | number>) => string;

export const INCIDENT_STATUSES: readonly IncidentStatus[] = ['open', 'in_review', 'closed'];
export const INCIDENT_TEAMS: readonly IncidentTeam[] = ['security', 'special_care'];

export interface ReviewFilter {
  status: IncidentStatus | '';
  escalatedTo: IncidentTeam | '';
}

/** The filter from the address (`/review?status=open&team=special_care`), so a filtered list can be shared. */
export function filterFromSearch(search: string): ReviewFilter {
  const params = new URLSearchParams(search);
  const status = params.get('status');
  const team = params.get('team');
  return {
    status: INCIDENT_STATUSES.includes(status as IncidentStatus) ? (status as IncidentStatus) : '',
    escalatedTo: INCIDENT_TEAMS.includes(team as IncidentTeam) ? (team as IncidentTeam) : '',
  };
}

export function filterToSearch(filter: ReviewFilter): string {
  const params = new URLSearchParams();
  if (filter.status) params.set('status', filter.status);
  if (filter.escalatedTo) params.set('team', filter.escalatedTo);
  const qs = params.toString();
  return qs ? `?${qs}` : '';
}

/** One line about the evidence: the reason, how many events, and the detector's verdict when there is one. */
export function evidenceSummary(incident: Incident, t: T): string {
  const { reason, eventSeqs, detector } = incident.evidence;
  const parts = [reason.trim(), t('review.evidenceEvents', { count: eventSeqs.length })];
  if (detector) parts.push(t('review.detector', { label: incidentKindLabel(detector.label, t), score: detector.score.toFixed(2) }));
  return parts.filter((p) => p !== '').join(' · ');
}

export interface FollowUpForm {
  status: IncidentStatus;
  agentCare: boolean;
  customerContacted: boolean;
  policeReport: boolean;
}

export function followUpFormOf(incident: Incident): FollowUpForm {
  return {
    status: incident.status,
    agentCare: incident.followUp.agentCare?.done ?? false,
    customerContacted: incident.followUp.customerContacted,
    policeReport: incident.followUp.policeReport,
  };
}

/** Only what changed, so that saving does not create a care task nobody asked for; null when nothing changed. */
export function incidentChange(incident: Incident, form: FollowUpForm): IncidentChange | null {
  const before = followUpFormOf(incident);
  const change: IncidentChange = {};
  if (form.status !== before.status) change.status = form.status;
  const followUp: NonNullable<IncidentChange['followUp']> = {};
  if (form.agentCare !== before.agentCare) followUp.agentCare = { done: form.agentCare };
  if (form.customerContacted !== before.customerContacted) followUp.customerContacted = form.customerContacted;
  if (form.policeReport !== before.policeReport) followUp.policeReport = form.policeReport;
  if (Object.keys(followUp).length > 0) change.followUp = followUp;
  return Object.keys(change).length > 0 ? change : null;
}
