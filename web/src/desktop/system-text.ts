import type { WireEvent } from '../api/api-types.js';
import type { MessageKey } from '../i18n/dictionaries.js';
import { incidentKindLabel, teamLabel } from '../i18n/safety-labels.js';
import { voiceSystemText } from './voice-system-text.js';

type T = (key: MessageKey, values?: Record<string, string | number>) => string;

const SYSTEM_TEXT: Record<string, MessageKey> = {
  'conversation.started': 'system.started',
  'conversation.queued': 'system.queued',
  'conversation.assigned': 'system.assigned',
  'conversation.transferred': 'system.transferred',
  'conversation.overflowed': 'system.overflowed',
  'conversation.closed': 'system.closed',
  'conversation.ended_by_customer': 'system.endedByCustomer',
  'conversation.abandoned': 'system.abandoned',
  'call.started': 'system.callStarted',
  'conversation.channel_switched': 'system.channelSwitched',
  'call.ringing': 'system.callRinging',
  'call.answered': 'system.callAnswered',
  'call.held': 'system.callHeld',
  'call.resumed': 'system.callResumed',
  'call.dtmf': 'system.callDtmf',
  'call.consult_started': 'system.consultStarted',
  'call.consult_cancelled': 'system.consultCancelled',
  'call.ended': 'system.callEnded',
};

/** Agent-protection events: shown as their own, highlighted kind of system line. */
export const SAFETY_EVENTS = new Set([
  'safety.warning',
  'safety.timed_out',
  'safety.time_out_ended',
  'safety.time_out_suggested',
  'message.flagged',
  'conversation.flagged',
  'incident.opened',
  'incident.escalated',
  'incident.care_task_added',
  'contact.blocked',
]);

export const isSafetyEvent = (event: WireEvent) => SAFETY_EVENTS.has(event.type) || (event.type === 'conversation.closed' && event.data.reason === 'safety');

const str = (value: unknown) => (typeof value === 'string' ? value : '');
const num = (value: unknown) => (typeof value === 'number' ? value : '');

/** The text of a system line in the UI language; an unknown event type is shown as it is. */
export function systemText(event: WireEvent, t: T, formatTime: (iso: string) => string, formatDateTime: (iso: string) => string): string {
  const d = event.data;
  const voice = voiceSystemText(event, t);
  if (voice !== null) return voice;
  switch (event.type) {
    case 'safety.warning':
      return t('system.safetyWarning', { text: str(d.text) });
    case 'safety.timed_out':
      return t('system.timedOut', { minutes: num(d.minutes), until: str(d.until) ? formatTime(str(d.until)) : '' });
    case 'channel.automated_received':
      return t('system.automatedReceived', { reason: str(d.reason) });
    case 'safety.time_out_ended':
      return t('system.timeOutEnded');
    case 'safety.time_out_suggested':
      return t('system.timeOutSuggested', { minutes: num(d.minutes) });
    case 'message.flagged':
      return t('system.messageFlagged', { label: incidentKindLabel(str(d.label), t) });
    case 'conversation.flagged':
      return t('system.conversationFlagged', { reason: str(d.reason) });
    case 'incident.opened':
      return t('system.incidentOpened', { kind: incidentKindLabel(str(d.kind), t), reason: str(d.reason) });
    case 'incident.escalated':
      return t('system.incidentEscalated', { team: teamLabel(str(d.target), t) });
    case 'incident.care_task_added':
      return t('system.careTask');
    case 'contact.blocked':
      return typeof d.until === 'string' ? t('system.contactBlocked', { until: formatDateTime(d.until), reason: str(d.reason) }) : t('system.contactBlockedPermanent', { reason: str(d.reason) });
    case 'conversation.closed':
      if (d.reason === 'safety') return t('system.closedSafety');
      break;
    case 'ivr.prompt':
      return t('system.ivrPrompt', { text: str(d.text) });
    case 'ivr.input':
      return t('system.ivrInput', { digits: str(d.choice) || str(d.event) });
    case 'call.muted':
      return d.muted === true ? t('system.callMuted') : t('system.callUnmuted');
  }
  const key = SYSTEM_TEXT[event.type];
  // A consult with an outside number names only its last digits.
  return key ? t(key, { name: d.toNumberEnding ? `…${str(d.toNumberEnding)}` : str(d.agentName) }) : event.type;
}
