import { AppError } from '../errors/app-error.js';
import type { Registration } from '../model/conversation.js';
import type { Line } from '../model/line.js';

/**
 * Registration rules: topics and subtopics must come from the line's taxonomy, the phase
 * from its phase model, the wrap-up code from its list. Pure: returns the new registration.
 */
export function addTopic(line: Line, current: Registration, topicId: string, subtopicId: string | null): Registration {
  const topic = line.taxonomy.find((t) => t.id === topicId);
  if (!topic) throw invalid('REGISTRATION_UNKNOWN_TOPIC', `Topic "${topicId}" is not in the taxonomy of line ${line.name}`);
  if (subtopicId !== null && !topic.subtopics.some((s) => s.id === subtopicId)) {
    throw invalid('REGISTRATION_UNKNOWN_SUBTOPIC', `Subtopic "${subtopicId}" is not under topic "${topicId}"`);
  }
  const exists = current.topics.some((t) => t.topicId === topicId && t.subtopicId === subtopicId);
  if (exists) return current;
  return { ...current, topics: [...current.topics, { topicId, subtopicId }] };
}

export function removeTopic(current: Registration, topicId: string, subtopicId: string | null): Registration {
  return { ...current, topics: current.topics.filter((t) => !(t.topicId === topicId && t.subtopicId === subtopicId)) };
}

export function setPhase(line: Line, current: Registration, phaseId: string): Registration {
  if (!line.phases.some((p) => p.id === phaseId)) {
    throw invalid('REGISTRATION_UNKNOWN_PHASE', `Phase "${phaseId}" is not in the phase model of line ${line.name}`);
  }
  return { ...current, phaseId };
}

export function setWrapUp(line: Line, current: Registration, code: string): Registration {
  if (!line.wrapUpCodes.some((w) => w.id === code)) {
    throw invalid('REGISTRATION_UNKNOWN_WRAP_UP', `Wrap-up code "${code}" is not defined for line ${line.name}`);
  }
  return { ...current, wrapUpCode: code };
}

export const MAX_NOTES_LENGTH = 10_000;

export function setNotes(current: Registration, notes: string): Registration {
  if (notes.length > MAX_NOTES_LENGTH) {
    throw invalid('REGISTRATION_NOTES_TOO_LONG', `Notes are limited to ${MAX_NOTES_LENGTH} characters`);
  }
  return { ...current, notes };
}

function invalid(code: string, message: string): AppError {
  return new AppError(code, message, { status: 422 });
}
