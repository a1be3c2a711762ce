import type { IncidentStatus, IncidentTeam } from '../api/api-types.js';
import type { MessageKey } from './dictionaries.js';

type T = (key: MessageKey, values?: Record<string, string | number>) => string;

const KIND_KEYS: Record<string, MessageKey> = {
  flagged: 'incidentKind.flagged',
  swearing: 'incidentKind.swearing',
  threat: 'incidentKind.threat',
  discrimination: 'incidentKind.discrimination',
  prank: 'incidentKind.prank',
  sexual: 'incidentKind.sexual',
};

/** The incident kind in the UI language; a kind the detector adds later is shown as it is. */
export function incidentKindLabel(kind: string, t: T): string {
  const key = KIND_KEYS[kind];
  return key ? t(key) : kind;
}

export function teamLabel(team: IncidentTeam | string | null | undefined, t: T): string {
  if (team === 'security') return t('team.security');
  if (team === 'special_care') return t('team.special_care');
  return team ?? '';
}

export function incidentStatusLabel(status: IncidentStatus, t: T): string {
  return t(`incidentStatus.${status}`);
}

const ACTION_KEYS: Record<string, MessageKey> = {
  warn: 'incidentAction.warn',
  time_out: 'incidentAction.time_out',
  end: 'incidentAction.end',
  block: 'incidentAction.block',
  escalate: 'incidentAction.escalate',
  open_incident: 'incidentAction.open_incident',
  agent_care_task: 'incidentAction.agent_care_task',
  suggest_time_out: 'incidentAction.suggest_time_out',
  updated: 'incidentAction.updated',
};

/** A step in an incident's history; an unknown kind is shown as it is. */
export function incidentActionLabel(kind: string, t: T): string {
  const key = ACTION_KEYS[kind];
  return key ? t(key) : kind;
}
