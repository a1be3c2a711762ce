import type { Agent, Registration } from '../../core/model/index.js';
import { addTopic, removeTopic, setNotes, setPhase, setWrapUp } from '../../core/registration/registration.js';
import type { EventType } from '../../core/events/event-catalogue.js';
import type { ServiceDeps } from '../deps.js';
import { assertAssigned, assertOpen } from './access.js';

export type RegistrationChange =
  | { kind: 'topic_added'; topicId: string; subtopicId: string | null }
  | { kind: 'topic_removed'; topicId: string; subtopicId: string | null }
  | { kind: 'phase_changed'; phaseId: string }
  | { kind: 'wrap_up_set'; code: string }
  | { kind: 'notes_changed'; notes: string };

/** The agent registers topics, phase, wrap-up code or notes during the conversation; each change is an event. */
export async function register(deps: ServiceDeps, agent: Agent, conversationId: string, change: RegistrationChange): Promise<Registration> {
  return deps.live.withConversation(conversationId, async (entry) => {
    const c = entry.conversation;
    assertAssigned(c, agent);
    assertOpen(c);
    const line = deps.directory.line(c.lineId);
    const next = apply(line, c.registration, change);
    if (next === c.registration) return next;
    c.registration = next;
    const { kind, ...data } = change;
    const type = `registration.${kind}` as EventType;
    await deps.recorder.record(entry, [{ type, actor: { kind: 'agent', id: agent.id, name: agent.name }, data }], true);
    return next;
  });
}

function apply(line: Parameters<typeof setPhase>[0], current: Registration, change: RegistrationChange): Registration {
  switch (change.kind) {
    case 'topic_added':
      return addTopic(line, current, change.topicId, change.subtopicId);
    case 'topic_removed':
      return removeTopic(current, change.topicId, change.subtopicId);
    case 'phase_changed':
      return setPhase(line, current, change.phaseId);
    case 'wrap_up_set':
      return setWrapUp(line, current, change.code);
    case 'notes_changed':
      return setNotes(current, change.notes);
  }
}
