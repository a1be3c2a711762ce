import { compareIds } from './contact-order.js';
import { excludes, hasAllSkills, hasFreeCapacity, type AgentRecord, type ContactRecord } from './routing.records.js';
import { CHANNELS, type Channel } from './routing.types.js';

type ReadySets = Record<Channel, Set<AgentRecord>>;

/**
 * The agents of one engine and, per queue and channel, the set of agents that could take
 * a contact right now (available, holding the queue's skills, free capacity). Keeping
 * that set current on every change means a new contact looks only at agents who can
 * actually ring, which is usually few because free agents are quickly given work.
 */
export class AgentPool {
  private readonly agents = new Map<string, AgentRecord>();
  private readonly members = new Map<string, Set<AgentRecord>>();
  private readonly ready = new Map<string, ReadySets>();

  constructor(private readonly queueSkills: (queueId: string) => readonly string[] | undefined) {}

  get(agentId: string): AgentRecord | undefined {
    return this.agents.get(agentId);
  }

  values(): IterableIterator<AgentRecord> {
    return this.agents.values();
  }

  addQueue(queueId: string): void {
    if (this.members.has(queueId)) return;
    this.members.set(queueId, new Set());
    this.ready.set(queueId, { chat: new Set(), voice: new Set(), email: new Set(), whatsapp: new Set() });
  }

  add(agent: AgentRecord): void {
    this.agents.set(agent.id, agent);
    for (const queueId of agent.queueIds) this.members.get(queueId)?.add(agent);
    this.refresh(agent);
  }

  delete(agent: AgentRecord): void {
    this.leaveQueues(agent);
    this.agents.delete(agent.id);
  }

  setQueues(agent: AgentRecord, queueIds: readonly string[]): void {
    this.leaveQueues(agent);
    agent.queueIds = queueIds;
    for (const queueId of queueIds) this.members.get(queueId)?.add(agent);
  }

  membersOf(queueId: string): ReadonlySet<AgentRecord> {
    return this.members.get(queueId) ?? new Set();
  }

  /** Re-derives the agent's ready flags; call after any change to status, load or skills. */
  refresh(agent: AgentRecord): void {
    for (const queueId of agent.queueIds) this.refreshIn(agent, queueId);
  }

  /** Re-derives every member's ready flags; call after the queue's skills change. */
  refreshQueue(queueId: string): void {
    for (const agent of this.membersOf(queueId)) this.refreshIn(agent, queueId);
  }

  /**
   * The longest-idle agent that can take `contact` now. Agents that declined or missed it
   * are chosen only when no one else can take it, so a contact is never left waiting
   * next to an agent with room.
   */
  pickLongestIdle(contact: ContactRecord): AgentRecord | undefined {
    const candidates = this.ready.get(contact.queueId)?.[contact.channel];
    if (candidates === undefined) return undefined;
    let best: AgentRecord | undefined;
    let bestExcluded: AgentRecord | undefined;
    for (const agent of candidates) {
      if (!hasAllSkills(agent.skills, contact.requiredSkills)) continue;
      if (excludes(contact, agent.id)) {
        if (idleLonger(agent, bestExcluded)) bestExcluded = agent;
      } else if (idleLonger(agent, best)) {
        best = agent;
      }
    }
    return best ?? bestExcluded;
  }

  private refreshIn(agent: AgentRecord, queueId: string): void {
    const sets = this.ready.get(queueId);
    const queueSkills = this.queueSkills(queueId);
    if (sets === undefined || queueSkills === undefined) return;
    const qualified = agent.status === 'available' && hasAllSkills(agent.skills, queueSkills);
    for (const channel of CHANNELS) {
      if (qualified && hasFreeCapacity(agent, channel)) sets[channel].add(agent);
      else sets[channel].delete(agent);
    }
  }

  private leaveQueues(agent: AgentRecord): void {
    for (const queueId of agent.queueIds) {
      this.members.get(queueId)?.delete(agent);
      const sets = this.ready.get(queueId);
      if (sets !== undefined) for (const channel of CHANNELS) sets[channel].delete(agent);
    }
  }
}

function idleLonger(agent: AgentRecord, than: AgentRecord | undefined): boolean {
  if (than === undefined) return true;
  return agent.idleSince - than.idleSince < 0 || (agent.idleSince === than.idleSince && compareIds(agent.id, than.id) < 0);
}
