import { RoutingError } from './routing.errors.js';
import type { NormalizedQueue } from './routing.records.js';
import {
  AGENT_STATUSES,
  CHANNELS,
  type AgentStatus,
  type Channel,
  type ContactInput,
  type RoutingAgent,
  type RoutingQueue,
} from './routing.types.js';

/*
 * Inputs come from the database and the API, so the types alone are not trusted:
 * every call is checked completely before the engine changes anything.
 */

function invalid(field: string, message: string): never {
  throw new RoutingError('INVALID_INPUT', `${field} ${message}`, { field });
}

export function requireId(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length === 0) invalid(field, 'must be a non-empty string');
  return value;
}

interface NumberRule {
  readonly min?: number;
  readonly max?: number;
  readonly integer?: boolean;
}

export function requireNumber(value: unknown, field: string, rule: NumberRule = {}): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) invalid(field, 'must be a finite number');
  if (rule.integer === true && !Number.isInteger(value)) invalid(field, 'must be an integer');
  if (rule.min !== undefined && value < rule.min) invalid(field, `must be at least ${rule.min}`);
  if (rule.max !== undefined && value > rule.max) invalid(field, `must be at most ${rule.max}`);
  return value;
}

export function requireChannel(value: unknown, field = 'channel'): Channel {
  const channel = CHANNELS.find((known) => known === value);
  if (channel === undefined) invalid(field, `must be one of ${CHANNELS.join(', ')}`);
  return channel;
}

export function requireStatus(value: unknown): AgentStatus {
  const status = AGENT_STATUSES.find((known) => known === value);
  if (status === undefined) invalid('status', `must be one of ${AGENT_STATUSES.join(', ')}`);
  return status;
}

/** Sorted and without duplicates, so equal sets of skills compare equal as text. */
export function normalizeIds(value: unknown, field: string): string[] {
  if (!Array.isArray(value)) invalid(field, 'must be an array of strings');
  const ids = new Set<string>();
  for (const item of value) ids.add(requireId(item, `${field}[]`));
  return [...ids].sort();
}

export function normalizeQueue(queue: RoutingQueue): NormalizedQueue {
  const id = requireId(queue.id, 'queue.id');
  const overflow = queue.overflow ?? null;
  if (overflow !== null) {
    const toQueueId = requireId(overflow.toQueueId, 'queue.overflow.toQueueId');
    if (toQueueId === id) invalid('queue.overflow.toQueueId', 'must differ from the queue itself');
  }
  return {
    id,
    skills: normalizeIds(queue.skills, 'queue.skills'),
    priority: requireNumber(queue.priority, 'queue.priority'),
    overflow:
      overflow === null
        ? null
        : {
            afterMs: requireNumber(overflow.afterSeconds, 'queue.overflow.afterSeconds', { min: 0 }) * 1000,
            toQueueId: overflow.toQueueId,
          },
  };
}

export interface NormalizedAgent {
  readonly id: string;
  readonly skills: string[];
  readonly queueIds: string[];
  readonly capacity: Record<Channel, number>;
}

export function normalizeAgent(agent: RoutingAgent): NormalizedAgent {
  const capacity = agent.capacity as Partial<Record<Channel, unknown>> | undefined;
  if (typeof capacity !== 'object' || capacity === null) invalid('agent.capacity', 'must be an object');
  const perChannel = (channel: Channel): number =>
    capacity[channel] === undefined ? 0 : requireNumber(capacity[channel], `agent.capacity.${channel}`, { min: 0, integer: true });
  return {
    id: requireId(agent.id, 'agent.id'),
    skills: normalizeIds(agent.skills, 'agent.skills'),
    queueIds: normalizeIds(agent.queueIds, 'agent.queueIds'),
    capacity: { chat: perChannel('chat'), voice: perChannel('voice'), email: perChannel('email'), whatsapp: perChannel('whatsapp') },
  };
}

export interface NormalizedContact extends ContactInput {
  readonly requiredSkills: string[];
}

export function normalizeContact(input: ContactInput): NormalizedContact {
  return {
    conversationId: requireId(input.conversationId, 'conversationId'),
    queueId: requireId(input.queueId, 'queueId'),
    channel: requireChannel(input.channel),
    requiredSkills: normalizeIds(input.requiredSkills, 'requiredSkills'),
    priority: requireNumber(input.priority, 'priority'),
    enqueuedAt: requireNumber(input.enqueuedAt, 'enqueuedAt'),
  };
}
