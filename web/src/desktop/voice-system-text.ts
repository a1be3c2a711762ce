import type { WireEvent } from '../api/api-types.js';
import type { MessageKey } from '../i18n/dictionaries.js';

type T = (key: MessageKey, values?: Record<string, string | number>) => string;
type Trace = Array<{ nodeId?: string; type?: string; event?: string; detail?: string }>;

export const VOICE_EVENTS = new Set(['ivr.step', 'call.status', 'call.connecting', 'callback.requested', 'thank_you.caller']);

const CALL_STATUSES = ['queued', 'initiated', 'ringing', 'in-progress', 'completed', 'busy', 'no-answer', 'failed', 'canceled'];

/** One IVR step as the agent reads it: what the caller chose, keyed in or missed, and where the call went. */
function ivrSummary(trace: Trace, t: T): string {
  const parts: string[] = [];
  for (const entry of trace) {
    const detail = entry.detail ?? '';
    switch (entry.event) {
      case 'language':
        parts.push(t('voice.ivr.language', { language: detail.toUpperCase() }));
        break;
      case 'chose':
        parts.push(t('voice.ivr.chose', { key: detail, node: entry.nodeId ?? '' }));
        break;
      case 'collected':
        parts.push(t('voice.ivr.collected', { what: detail }));
        break;
      case 'invalid':
        parts.push(t('voice.ivr.invalid'));
        break;
      case 'no_input':
        parts.push(t('voice.ivr.noInput'));
        break;
      case 'closed':
        parts.push(t('voice.ivr.closed'));
        break;
      case 'recorded':
        parts.push(t('voice.ivr.voicemail'));
        break;
      case 'enqueued':
        parts.push(t('voice.ivr.enqueued'));
        break;
      case 'callback':
        parts.push(t('voice.ivr.callback'));
        break;
      case 'transfer':
        parts.push(t('voice.ivr.transfer', { number: detail }));
        break;
      case 'hangup':
        parts.push(t('voice.ivr.hangup'));
        break;
    }
  }
  return parts.length > 0 ? parts.join(' · ') : t('voice.ivr.prompted');
}

/** The system line of a voice event in the UI language, or null for another kind of event. */
export function voiceSystemText(event: WireEvent, t: T): string | null {
  const d = event.data;
  switch (event.type) {
    case 'ivr.step':
      return t('voice.ivr', { summary: ivrSummary(Array.isArray(d.trace) ? (d.trace as Trace) : [], t) });
    case 'call.status': {
      const status = typeof d.status === 'string' && CALL_STATUSES.includes(d.status) ? d.status : 'unknown';
      return t('voice.callStatus', { status: t(`voice.status.${status}` as MessageKey) });
    }
    case 'call.connecting':
      return t('voice.connecting');
    case 'callback.requested':
      return t('voice.callbackRequested');
    // An outbound campaign call the agent dialled (src/app/campaigns/campaign-call.ts).
    case 'campaign.dialled':
      return t('voice.campaignDialled', { campaign: typeof d.campaignName === 'string' ? d.campaignName : '', attempt: typeof d.attempt === 'number' ? d.attempt : 1 });
    // A chat that became a call and was not picked up in time: it is a chat again.
    case 'call.ended':
      return d.reason === 'no_answer' ? t('voice.callUnanswered') : null;
    case 'conversation.channel_switched':
      return d.to !== 'voice' ? t('voice.callBecameChat') : null;
    case 'conversation.transferred':
      return typeof d.toNumberEnding === 'string' ? t('system.transferredToNumber', { digits: d.toNumberEnding }) : null;
    case 'thank_you.caller':
      return t('voice.thankYouCaller', { name: typeof d.executiveName === 'string' ? d.executiveName : '' });
    default:
      return null;
  }
}
