import { describe, expect, it } from 'vitest';
import type { WireEvent } from '../api/api-types.js';
import { applyRegistrationEvents } from './registration-events.js';

const event = (seq: number, type: string, data: Record<string, unknown>): WireEvent => ({ conversationId: 'c', seq, type, at: '', actor: { kind: 'agent' }, data });
const empty = { topics: [], phaseId: null, wrapUpCode: null, notes: '' };

describe('registration events', () => {
  it('applies topics, phase, wrap-up and notes in order', () => {
    const reg = applyRegistrationEvents(empty, [
      event(1, 'registration.topic_added', { topicId: 'kaart', subtopicId: 'blokkeren' }),
      event(2, 'registration.topic_added', { topicId: 'app', subtopicId: null }),
      event(3, 'registration.topic_removed', { topicId: 'app', subtopicId: null }),
      event(4, 'registration.phase_changed', { phaseId: 'explore' }),
      event(5, 'registration.wrap_up_set', { code: 'opgelost' }),
      event(6, 'registration.notes_changed', { notes: 'gebeld' }),
      event(7, 'message.created', { text: 'hallo' }),
    ]);
    expect(reg).toEqual({ topics: [{ topicId: 'kaart', subtopicId: 'blokkeren' }], phaseId: 'explore', wrapUpCode: 'opgelost', notes: 'gebeld' });
  });

  it('does not add a topic twice and returns the same object when nothing changes', () => {
    const once = applyRegistrationEvents(empty, [event(1, 'registration.topic_added', { topicId: 'kaart', subtopicId: null })]);
    expect(applyRegistrationEvents(once, [event(2, 'registration.topic_added', { topicId: 'kaart', subtopicId: null })])).toBe(once);
    expect(applyRegistrationEvents(once, [event(3, 'message.created', {})])).toBe(once);
  });
});
