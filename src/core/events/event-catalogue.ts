import type { Visibility } from '../model/event.js';

/**
 * Every conversation event type, `noun.verb`, with who may see it.
 * `public` events reach the customer (after the fan-out strips internal fields);
 * `internal` events reach agents and supervisors only (notes, registration, routing).
 */
export const EVENT_CATALOGUE = {
  'conversation.started': 'public',
  'conversation.queued': 'public',
  'conversation.offered': 'internal',
  'conversation.offer_declined': 'internal',
  'conversation.offer_expired': 'internal',
  'conversation.assigned': 'public',
  'conversation.transferred': 'public',
  'conversation.overflowed': 'internal',
  'conversation.closed': 'public',
  'conversation.ended_by_customer': 'public',
  'conversation.abandoned': 'internal',
  'message.created': 'public',
  'note.created': 'internal',
  'registration.topic_added': 'internal',
  'registration.topic_removed': 'internal',
  'registration.phase_changed': 'internal',
  'registration.wrap_up_set': 'internal',
  'registration.notes_changed': 'internal',
  // Agent protection: what the customer is told is public, what staff decided is internal.
  'safety.warning': 'public',
  'safety.timed_out': 'public',
  'safety.time_out_ended': 'public',
  'safety.time_out_suggested': 'internal',
  'message.flagged': 'internal',
  'conversation.flagged': 'internal',
  'incident.opened': 'internal',
  'incident.escalated': 'internal',
  'incident.care_task_added': 'internal',
  'contact.blocked': 'internal',
  // The customer bot: its messages are `message.created` from a bot actor; what it decided stays internal.
  'conversation.handed_over': 'public',
  'bot.answered': 'internal',
  'bot.clarified': 'internal',
  // Voice: what the IVR did at each step, the provider's call statuses, the connect and callback steps.
  'ivr.step': 'internal',
  'call.status': 'internal',
  'call.connecting': 'internal',
  'callback.requested': 'internal',
  // An outbound campaign call: the agent dialled the previewed contact (src/app/campaigns/campaign-call.ts).
  'campaign.dialled': 'internal',
  // Voice in the browser: the customer hears what is public; mute, DTMF and consults stay with staff.
  'call.started': 'public',
  'conversation.channel_switched': 'public',
  'ivr.prompt': 'public',
  'ivr.input': 'internal',
  'call.ringing': 'public',
  'call.answered': 'public',
  'call.held': 'public',
  'call.resumed': 'public',
  'call.muted': 'internal',
  'call.dtmf': 'internal',
  'call.consult_started': 'internal',
  'call.consult_cancelled': 'internal',
  'call.ended': 'public',
  // Privacy: the customer's consent to a referral or a recording, as the agent noted it.
  'consent.recorded': 'internal',
  // Thank-you day: who is calling, shown to the agent when the tenant's setting allows it (after answering by default).
  'thank_you.caller': 'internal',
  // Email and WhatsApp: delivery of an agent or bot message (sent, delivered, read, failed with the
  // provider's error) and automatic mail (auto-replies, bounces) that arrived in the thread.
  'message.delivery': 'internal',
  // WhatsApp: a customer's media fetched from the provider (the stored attachment), refused by the attachment rules, or failed.
  'message.media': 'internal',
  'channel.automated_received': 'internal',
} as const satisfies Record<string, Visibility>;

export type EventType = keyof typeof EVENT_CATALOGUE;

export function visibilityOf(type: EventType): Visibility {
  return EVENT_CATALOGUE[type];
}
