import { describe, expect, it } from 'vitest';
import type { ConversationEvent } from '../../core/model/index.js';
import { toWireEvent } from './wire-views.js';

const base: ConversationEvent = {
  tenantId: 't',
  conversationId: 'c',
  seq: 3,
  type: 'message.created',
  visibility: 'public',
  actor: { kind: 'agent', id: 'u_1', name: 'Sofie Peeters' },
  data: { text: 'Hallo' },
  at: 0,
  clientId: 'x',
};

describe('wire views', () => {
  it('never sends an internal note to a customer', () => {
    expect(toWireEvent({ ...base, type: 'note.created', visibility: 'internal' }, 'customer')).toBeUndefined();
  });

  it('shows the customer the agent first name but not the agent id', () => {
    const wire = toWireEvent(base, 'customer');
    expect(wire?.actor).toEqual({ kind: 'agent', name: 'Sofie' });
    expect(JSON.stringify(wire)).not.toContain('u_1');
  });

  it('strips internal fields from public events for customers', () => {
    const wire = toWireEvent({ ...base, type: 'conversation.assigned', data: { agentId: 'u_1', agentName: 'Sofie' } }, 'customer');
    expect(wire?.data).toEqual({ agentName: 'Sofie' });
  });

  it('gives agents the event as stored', () => {
    expect(toWireEvent(base, 'agent')?.actor.id).toBe('u_1');
  });
});
