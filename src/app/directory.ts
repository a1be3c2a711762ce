import type { Agent, Line, Queue } from '../core/model/index.js';
import type { Repositories } from '../storage/index.js';
import type { TenantRecord } from '../storage/repositories/tenant.repository.js';
import { errors } from './app.errors.js';

/**
 * Configuration that rarely changes (tenants, lines, queues, agents), held in memory so the
 * message path never reads it from the database. Admin changes call `reloadTenant`.
 */
export class Directory {
  private readonly tenants = new Map<string, TenantRecord>();
  private readonly lines = new Map<string, Line>();
  private readonly queues = new Map<string, Queue>();
  private readonly agents = new Map<string, Agent>();

  constructor(private readonly repos: Repositories) {}

  async loadAll(): Promise<void> {
    for (const tenant of await this.repos.tenants.list()) await this.reloadTenant(tenant.id);
  }

  async reloadTenant(tenantId: string): Promise<void> {
    const tenant = await this.repos.tenants.get(tenantId);
    if (!tenant) throw errors.notFound('tenant', tenantId);
    this.tenants.set(tenant.id, tenant);
    const [lines, queues, agents] = await Promise.all([
      this.repos.lines.listLines(tenantId),
      this.repos.lines.listQueues(tenantId),
      this.repos.users.listByTenant(tenantId),
    ]);
    for (const line of lines) this.lines.set(line.id, line);
    for (const queue of queues) this.queues.set(queue.id, queue);
    for (const agent of agents) this.agents.set(agent.id, agent);
  }

  tenantIds(): string[] {
    return [...this.tenants.keys()];
  }

  tenant(id: string): TenantRecord {
    const tenant = this.tenants.get(id);
    if (!tenant) throw errors.notFound('tenant', id);
    return tenant;
  }

  line(id: string): Line {
    const line = this.lines.get(id);
    if (!line) throw errors.notFound('line', id);
    return line;
  }

  findLine(id: string): Line | undefined {
    return this.lines.get(id);
  }

  /** Every line of every tenant (channel adapters find a line by its mailbox or WhatsApp number). */
  allLines(): Line[] {
    return [...this.lines.values()];
  }

  queue(tenantId: string, id: string): Queue {
    const queue = this.queues.get(id);
    if (!queue || queue.tenantId !== tenantId) throw errors.notFound('queue', id);
    return queue;
  }

  findQueue(tenantId: string, id: string): Queue | undefined {
    const queue = this.queues.get(id);
    return queue && queue.tenantId === tenantId ? queue : undefined;
  }

  agent(tenantId: string, id: string): Agent {
    const agent = this.agents.get(id);
    if (!agent || agent.tenantId !== tenantId) throw errors.notFound('agent', id);
    return agent;
  }

  findAgent(tenantId: string, id: string): Agent | undefined {
    const agent = this.agents.get(id);
    return agent && agent.tenantId === tenantId ? agent : undefined;
  }

  linesOf(tenantId: string): Line[] {
    return [...this.lines.values()].filter((l) => l.tenantId === tenantId);
  }

  queuesOf(tenantId: string): Queue[] {
    return [...this.queues.values()].filter((q) => q.tenantId === tenantId);
  }

  agentsOf(tenantId: string): Agent[] {
    return [...this.agents.values()].filter((a) => a.tenantId === tenantId);
  }

  putAgent(agent: Agent): void {
    this.agents.set(agent.id, agent);
  }
}
