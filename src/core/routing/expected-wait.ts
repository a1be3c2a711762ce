import { hasAllSkills, type AgentRecord } from './routing.records.js';
import type { AgentStatus, Channel } from './routing.types.js';

/**
 * Exponential moving average of handle time per queue. The first sample replaces the
 * default outright: a made-up 180 s should not linger once real figures exist.
 */
export class HandleTimeAverages {
  private readonly averages = new Map<string, number>();

  constructor(
    private readonly defaultSeconds: number,
    private readonly smoothing: number,
  ) {}

  record(queueId: string, seconds: number): void {
    const previous = this.averages.get(queueId);
    this.averages.set(queueId, previous === undefined ? seconds : previous + this.smoothing * (seconds - previous));
  }

  averageFor(queueId: string): number {
    return this.averages.get(queueId) ?? this.defaultSeconds;
  }
}

/** Statuses of agents who will take work again soon; away and offline agents will not. */
const STAFFED_STATUSES: ReadonlySet<AgentStatus> = new Set<AgentStatus>(['available', 'busy', 'wrap_up']);

/**
 * Conversations the queue's staffed, qualified agents can hold at once on a channel.
 * Total rather than free capacity: a contact that is waiting is waiting because the free
 * capacity is zero, so only the total says how fast the queue drains.
 */
export function servingCapacity(
  members: Iterable<AgentRecord>,
  channel: Channel,
  skills: readonly string[],
): number {
  let total = 0;
  for (const agent of members) {
    if (STAFFED_STATUSES.has(agent.status) && hasAllSkills(agent.skills, skills)) total += agent.capacity[channel];
  }
  return total;
}

/** Whole seconds: position × average handle time ÷ serving capacity (at least 1). */
export function expectedWaitSeconds(position: number, averageHandleSeconds: number, capacity: number): number {
  return Math.ceil((position * averageHandleSeconds) / Math.max(1, capacity));
}
