import type { ConversationEvent } from '../../core/model/index.js';
import type { WireEvent } from '../../realtime/protocol.js';

export type Audience = 'customer' | 'agent';

/** Fields of public events a customer may see; everything else stays with the agents. */
const CUSTOMER_FIELDS: Record<string, readonly string[]> = {
  'conversation.started': ['lineName', 'language'],
  'conversation.queued': [],
  'conversation.assigned': ['agentName'],
  'conversation.transferred': [],
  'conversation.closed': ['reason', 'message'],
  'conversation.ended_by_customer': [],
  'message.created': ['text', 'options', 'attachments'],
  'conversation.handed_over': ['text'],
  'safety.warning': ['text', 'language'],
  'safety.timed_out': ['text', 'audioRef', 'until', 'minutes'],
  'safety.time_out_ended': [],
  'call.started': ['via'],
  'conversation.channel_switched': ['from', 'to'],
  'ivr.prompt': ['text', 'language', 'expectsDigits'],
  'call.ringing': [],
  'call.answered': ['agentName'],
  'call.held': [],
  'call.resumed': [],
  'call.ended': ['by', 'reason'],
};

/**
 * The one place that decides what an event looks like to its recipient. Customers get public
 * events only, with agent ids and internal fields removed; agents get the event as stored
 * (events never hold raw contact identifiers, so anonymous lines stay anonymous).
 * Returns undefined when the audience must not see the event at all.
 */
export function toWireEvent(event: ConversationEvent, audience: Audience): WireEvent | undefined {
  if (audience === 'agent') {
    return { conversationId: event.conversationId, seq: event.seq, type: event.type, at: new Date(event.at).toISOString(), actor: event.actor, data: event.data };
  }
  if (event.visibility !== 'public') return undefined;
  const allowed = CUSTOMER_FIELDS[event.type] ?? [];
  const data: Record<string, unknown> = {};
  for (const field of allowed) if (field in event.data) data[field] = event.data[field];
  if (typeof data.agentName === 'string') data.agentName = firstName(data.agentName);
  const actor: WireEvent['actor'] = { kind: event.actor.kind };
  // Customers see the agent's name as the agent chose to show it, never the agent's id.
  if (event.actor.kind === 'agent' && event.actor.name) actor.name = firstName(event.actor.name);
  if (event.actor.kind === 'bot' && event.actor.name) actor.name = event.actor.name;
  return { conversationId: event.conversationId, seq: event.seq, type: event.type, at: new Date(event.at).toISOString(), actor, data };
}

function firstName(name: string): string {
  return name.split(/\s+/)[0] ?? name;
}
