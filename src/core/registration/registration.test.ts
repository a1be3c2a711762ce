import { describe, expect, it } from 'vitest';
import { DEFAULT_PHASES, type Line } from '../model/line.js';
import { EMPTY_REGISTRATION } from '../model/conversation.js';
import { addTopic, removeTopic, setNotes, setPhase, setWrapUp } from './registration.js';

const line: Line = {
  id: 'l1',
  tenantId: 't1',
  clientId: 'c1',
  name: 'Kinderlijn',
  channels: ['chat'],
  languages: ['nl'],
  anonymous: true,
  openingHours: null,
  taxonomy: [{ id: 'pesten', label: { nl: 'Pesten' }, subtopics: [{ id: 'online', label: { nl: 'Online' } }] }],
  phases: DEFAULT_PHASES,
  wrapUpCodes: [{ id: 'advice', label: { nl: 'Advies gegeven' } }],
  defaultQueueId: 'q1',
  topicQueues: {},
  hideAgentHandleTime: true,
  contextSecret: null,
};

describe('registration', () => {
  it('adds a topic with a subtopic from the taxonomy once', () => {
    const once = addTopic(line, EMPTY_REGISTRATION, 'pesten', 'online');
    const twice = addTopic(line, once, 'pesten', 'online');
    expect(twice.topics).toEqual([{ topicId: 'pesten', subtopicId: 'online' }]);
  });

  it('rejects a topic or subtopic outside the taxonomy with a 422', () => {
    expect(() => addTopic(line, EMPTY_REGISTRATION, 'beleggen', null)).toThrowError(/not in the taxonomy/);
    expect(() => addTopic(line, EMPTY_REGISTRATION, 'pesten', 'school')).toThrowError(/not under topic/);
  });

  it('removes a topic', () => {
    const reg = addTopic(line, EMPTY_REGISTRATION, 'pesten', null);
    expect(removeTopic(reg, 'pesten', null).topics).toEqual([]);
  });

  it('moves through the phase model and rejects unknown phases', () => {
    expect(setPhase(line, EMPTY_REGISTRATION, 'explore').phaseId).toBe('explore');
    expect(() => setPhase(line, EMPTY_REGISTRATION, 'nope')).toThrowError(/phase model/);
  });

  it('accepts only the line wrap-up codes', () => {
    expect(setWrapUp(line, EMPTY_REGISTRATION, 'advice').wrapUpCode).toBe('advice');
    expect(() => setWrapUp(line, EMPTY_REGISTRATION, 'x')).toThrowError(/not defined/);
  });

  it('limits the notes length', () => {
    expect(() => setNotes(EMPTY_REGISTRATION, 'x'.repeat(10_001))).toThrowError(/limited/);
  });
});
