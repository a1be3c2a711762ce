import type { ServiceDeps } from '../app/deps.js';
import type { FrameCommands } from './write-frames.js';

/** Several nodes: an agent's sockets may be on other nodes too; they are counted across the cluster. */
export interface SharedPresence {
  connected(agentId: string): void;
  disconnected(agentId: string): void;
  connectedElsewhere(agentId: string): Promise<boolean>;
}

/**
 * Counts each agent's open sockets. When the last one closes (laptop lid, lost network) the
 * agent keeps their status for a grace period, so a reconnect is seamless; after it, the
 * agent goes offline and no more chats ring on a desktop nobody is watching.
 */
export class AgentPresence {
  private readonly sockets = new Map<string, number>();
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly deps: ServiceDeps,
    private readonly graceMs: number,
    private readonly commands: FrameCommands,
    private readonly shared?: SharedPresence,
  ) {}

  connected(tenantId: string, agentId: string): void {
    this.shared?.connected(agentId);
    const key = `${tenantId}/${agentId}`;
    this.sockets.set(key, (this.sockets.get(key) ?? 0) + 1);
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
  }

  disconnected(tenantId: string, agentId: string): void {
    this.shared?.disconnected(agentId);
    const key = `${tenantId}/${agentId}`;
    const left = (this.sockets.get(key) ?? 1) - 1;
    if (left > 0) {
      this.sockets.set(key, left);
      return;
    }
    this.sockets.delete(key);
    const timer = setTimeout(() => {
      this.timers.delete(key);
      void this.goOffline(tenantId, agentId);
    }, this.graceMs);
    timer.unref();
    this.timers.set(key, timer);
  }

  private async goOffline(tenantId: string, agentId: string): Promise<void> {
    const agent = this.deps.directory.findAgent(tenantId, agentId);
    // With several nodes this node's copy of the status may be old; the holder decides.
    if (!agent || (agent.status === 'offline' && !this.commands.clustered)) return;
    try {
      // The agent reconnected to another node meanwhile (no sticky sessions): still there.
      if (this.shared && (await this.shared.connectedElsewhere(agentId))) return;
      await this.commands.run(tenantId, { kind: 'agent', tenantId, agentId }, { t: 'status.set', clientId: 'presence', status: 'offline' });
    } catch (error) {
      this.deps.log('warn', 'could not set a disconnected agent offline', { agentId, error: String(error) });
    }
  }

  stop(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
