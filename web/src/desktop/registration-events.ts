import type { Registration, WireEvent } from '../api/api-types.js';

/**
 * Replays `registration.*` events onto a registration, so a change made elsewhere (a second tab,
 * a colleague before a transfer) shows in the panel without a reload. Other events pass through.
 */
export function applyRegistrationEvents(registration: Registration, events: readonly WireEvent[]): Registration {
  return events.reduce(applyOne, registration);
}

function applyOne(reg: Registration, event: WireEvent): Registration {
  const data = event.data;
  const topicId = typeof data.topicId === 'string' ? data.topicId : null;
  const subtopicId = typeof data.subtopicId === 'string' ? data.subtopicId : null;
  switch (event.type) {
    case 'registration.topic_added':
      if (!topicId || reg.topics.some((t) => t.topicId === topicId && t.subtopicId === subtopicId)) return reg;
      return { ...reg, topics: [...reg.topics, { topicId, subtopicId }] };
    case 'registration.topic_removed':
      return topicId ? { ...reg, topics: reg.topics.filter((t) => !(t.topicId === topicId && t.subtopicId === subtopicId)) } : reg;
    case 'registration.phase_changed':
      return typeof data.phaseId === 'string' ? { ...reg, phaseId: data.phaseId } : reg;
    case 'registration.wrap_up_set':
      return typeof data.code === 'string' ? { ...reg, wrapUpCode: data.code } : reg;
    case 'registration.notes_changed':
      return typeof data.notes === 'string' ? { ...reg, notes: data.notes } : reg;
    default:
      return reg;
  }
}
