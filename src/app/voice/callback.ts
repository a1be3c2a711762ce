import type { Conversation, Language } from '../../core/model/index.js';
import type { ServiceDeps } from '../deps.js';
import { newId } from '../ids.js';

export interface CallbackRequest {
  /** The inbound call's conversation that asks for the callback. */
  from: Conversation;
  number: string | null;
  queueId: string;
  skills: string[];
  priority: number | null;
  language: Language;
  /** The waiting caller's own `enqueuedAt`: the callback keeps that place. Now for a callback chosen in the IVR. */
  enqueuedAt: number;
}

/**
 * A callback is a new conversation with direction `outbound` in the same queue, routed like any
 * contact and ordered by the waiting caller's original `enqueuedAt`, so it keeps its place. The agent
 * who accepts the offer calls the customer back. Returns the callback's conversation id.
 */
export async function createCallbackConversation(deps: ServiceDeps, request: CallbackRequest): Promise<Conversation> {
  const line = deps.directory.line(request.from.lineId);
  const queue = deps.directory.queue(line.tenantId, request.queueId);
  const now = deps.clock.now();
  const callback: Conversation = {
    id: newId('cv'),
    tenantId: line.tenantId,
    lineId: line.id,
    queueId: queue.id,
    contactId: request.from.contactId,
    channel: 'voice',
    language: request.language,
    state: 'queued',
    priority: request.priority ?? queue.priority,
    assignedAgentId: null,
    offeredAgentId: null,
    offerExpiresAt: null,
    createdAt: now,
    enqueuedAt: request.enqueuedAt,
    acceptedAt: null,
    closedAt: null,
    registration: request.from.registration,
    context: {
      direction: 'outbound',
      callbackFor: request.from.id,
      ...(request.skills.length > 0 ? { ivrSkills: request.skills } : {}),
      // An anonymous line never keeps the number where staff could read it.
      ...(request.number && !line.anonymous ? { callbackNumber: request.number } : {}),
    },
  };
  const entry = deps.live.add(callback);
  await deps.live.withConversation(callback.id, () =>
    deps.recorder.record(
      entry,
      [
        { type: 'conversation.started', actor: { kind: 'system' }, data: { lineId: line.id, lineName: line.name, channel: 'voice', language: request.language, direction: 'outbound', callbackFor: request.from.id } },
        { type: 'conversation.queued', actor: { kind: 'system' }, data: { queueId: queue.id, queueName: queue.name, callback: true } },
      ],
      true,
    ),
  );
  deps.routing.enqueue(callback);
  return callback;
}
