import { describe, expect, it } from 'vitest';
import { CONVERSATION_STATES } from '../model/conversation.js';
import { assertTransition, canTransition, isTerminal } from './lifecycle.js';

describe('conversation lifecycle', () => {
  it('allows the main path bot → queued → offered → active → wrap_up → closed', () => {
    const path = ['bot', 'queued', 'offered', 'active', 'wrap_up', 'closed'] as const;
    for (let i = 1; i < path.length; i++) expect(canTransition(path[i - 1]!, path[i]!)).toBe(true);
  });

  it('sends a declined or expired offer back to the queue', () => {
    expect(canTransition('offered', 'queued')).toBe(true);
  });

  it('lets nothing leave a terminal state', () => {
    for (const terminal of ['closed', 'transferred', 'abandoned'] as const) {
      expect(isTerminal(terminal)).toBe(true);
      for (const to of CONVERSATION_STATES) expect(canTransition(terminal, to)).toBe(false);
    }
  });

  it('throws a typed 409 error when a transition is not allowed', () => {
    expect(() => assertTransition('queued', 'active')).toThrowError(/cannot go from queued to active/);
    try {
      assertTransition('closed', 'active');
    } catch (error) {
      expect((error as { code: string; status: number }).code).toBe('CONVERSATION_INVALID_TRANSITION');
      expect((error as { status: number }).status).toBe(409);
    }
  });
});
