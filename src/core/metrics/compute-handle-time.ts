import { CHANNELS, type Channel } from '../model/index.js';
import { secondsBetween } from './figure.js';
import { perChannel } from './per-channel.js';
import type { ContactRecord, Figure } from './metrics.types.js';

/**
 * Average handle time of a group of answered contacts, in seconds: `value` is
 * (talk + wrap-up) / handled. Talk runs from `answeredAt` to `endedAt`, wrap-up from
 * `endedAt` to `closedAt`; both averages are given so a report can show the split.
 */
export interface HandleTime extends Figure {
  averageTalkSeconds: number | null;
  averageWrapUpSeconds: number | null;
}

export interface HandleTimeReport {
  overall: HandleTime;
  byChannel: Record<Channel, HandleTime>;
  /** Answered contacts left out because talk or wrap-up had no end (or ran backwards). */
  incompleteExcluded: number;
}

/**
 * Average handle time (AHT) = (talk time + wrap-up time) / handled contacts, overall and per
 * channel. Handled = answered contacts whose talk and wrap-up both ended; hold time sits
 * inside talk time here, as the conversation log does not split it out. On chat an agent
 * holds several conversations at once, so chat AHT is elapsed time per conversation, not
 * agent effort; compare it only with other chat figures.
 */
export function computeHandleTime(records: readonly ContactRecord[]): HandleTimeReport {
  const overall = new HandleTimeSum();
  const byChannel = new Map<Channel, HandleTimeSum>(CHANNELS.map((channel) => [channel, new HandleTimeSum()]));
  let incompleteExcluded = 0;
  for (const record of records) {
    const split = handleTimeSplit(record);
    if (split === 'not_handled') continue;
    if (split === 'incomplete') {
      incompleteExcluded += 1;
      continue;
    }
    overall.add(split);
    byChannel.get(record.channel)?.add(split);
  }
  const channels = perChannel((channel) => (byChannel.get(channel) ?? new HandleTimeSum()).toHandleTime());
  return { overall: overall.toHandleTime(), byChannel: channels, incompleteExcluded };
}

/** Whether a line lets reports show handle time per agent; see {@link computeHandleTimeByAgent}. */
export interface AgentHandleTimePolicy {
  hideAgentHandleTime: boolean;
}

export type AgentHandleTimeReport =
  | { visibility: 'hidden'; reason: 'line_hides_agent_handle_time' }
  | { visibility: 'shown'; byAgent: Record<string, HandleTime> };

/**
 * AHT per agent, only where the line allows it. A helpline that does not judge its people
 * on time sets `hideAgentHandleTime`; then no per-agent figure is computed at all, so none
 * can leak into an export or a cached report. The union forces callers to handle both.
 */
export function computeHandleTimeByAgent(records: readonly ContactRecord[], policy: AgentHandleTimePolicy): AgentHandleTimeReport {
  if (policy.hideAgentHandleTime) return { visibility: 'hidden', reason: 'line_hides_agent_handle_time' };
  const sums = new Map<string, HandleTimeSum>();
  for (const record of records) {
    const split = handleTimeSplit(record);
    if (typeof split === 'string' || !record.agentId) continue;
    const agentSum = sums.get(record.agentId) ?? new HandleTimeSum();
    agentSum.add(split);
    sums.set(record.agentId, agentSum);
  }
  return { visibility: 'shown', byAgent: Object.fromEntries([...sums].map(([agentId, s]) => [agentId, s.toHandleTime()])) };
}

interface HandleTimeSplit {
  talkSeconds: number;
  wrapUpSeconds: number;
}

function handleTimeSplit(record: ContactRecord): HandleTimeSplit | 'not_handled' | 'incomplete' {
  if (record.answeredAt === null || record.answeredAt === undefined) return 'not_handled';
  const talkSeconds = secondsBetween(record.answeredAt, record.endedAt);
  const wrapUpSeconds = secondsBetween(record.endedAt, record.closedAt);
  if (talkSeconds === null || wrapUpSeconds === null) return 'incomplete';
  return { talkSeconds, wrapUpSeconds };
}

class HandleTimeSum {
  private talk = 0;
  private wrapUp = 0;
  private count = 0;

  add(split: HandleTimeSplit): void {
    this.talk += split.talkSeconds;
    this.wrapUp += split.wrapUpSeconds;
    this.count += 1;
  }

  toHandleTime(): HandleTime {
    const total = this.talk + this.wrapUp;
    const average = (seconds: number): number | null => (this.count === 0 ? null : seconds / this.count);
    return {
      value: average(total),
      numerator: total,
      denominator: this.count,
      averageTalkSeconds: average(this.talk),
      averageWrapUpSeconds: average(this.wrapUp),
    };
  }
}
