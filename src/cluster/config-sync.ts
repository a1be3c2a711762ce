import type { ServiceDeps } from '../app/deps.js';
import type { Repositories } from '../storage/index.js';

/**
 * Keeps this node's copy of each tenant's configuration (directory, IVR flows, labelled bot
 * utterances, knowledge) as new as the database's, several nodes. The `cluster:config` message
 * on Redis is only the fast path: pub/sub drops what is sent while a node is cut off. So every
 * change also raises the tenant's counter in `config_versions`, and a node compares the counters
 * with the versions it loaded when a message arrives, when its Redis connection comes back
 * (`resync`), and every `intervalMs` as a safety net, reloading only the tenants that differ.
 */
export class ConfigSync {
  /** The counter each tenant had when this node last loaded its configuration. */
  private loaded = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  /** Checks run one after the other, so two reloads of one tenant never interleave. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly repos: Repositories,
    private readonly reload: (tenantId: string) => Promise<void>,
    private readonly log: ServiceDeps['log'],
    private readonly intervalMs: number,
  ) {}

  /** Call before the node loads its configuration: what it then loads is at least as new as these counters. */
  async prime(): Promise<void> {
    this.loaded = await this.repos.configVersions.all();
  }

  /**
   * This node changed (and already applied) a tenant's configuration; called after the change
   * committed, so a node that sees the raised counter reads the change too.
   */
  async changed(tenantId: string, now: number): Promise<void> {
    const before = this.loaded.get(tenantId) ?? 0;
    const version = await this.repos.configVersions.bump(tenantId, now);
    // Only if nobody else raised it meanwhile is this node's copy the stored one; otherwise the next check reloads.
    if (version === before + 1) this.loaded.set(tenantId, version);
  }

  /** Reloads every tenant whose counter moved since this node loaded it. */
  check(): Promise<void> {
    const next = this.queue.then(() => this.compare());
    this.queue = next.catch(() => undefined);
    return next;
  }

  start(): void {
    this.timer ??= setInterval(() => {
      this.check().catch((error: unknown) => this.log('warn', 'configuration check failed; retried at the next interval', { error: String(error) }));
    }, this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private async compare(): Promise<void> {
    const stored = await this.repos.configVersions.all();
    for (const [tenantId, version] of stored) {
      if (this.loaded.get(tenantId) === version) continue;
      // The counter is read before the configuration: a change committed meanwhile is reloaded now or next time.
      await this.reload(tenantId);
      this.loaded.set(tenantId, version);
      this.log('info', 'configuration reloaded from the database', { tenantId, version });
    }
  }
}

/** Lines, queues, agents, bots (intents, settings), IVR flows, labelled utterances and knowledge of one tenant, as stored now. */
export async function reloadTenantConfiguration(deps: ServiceDeps, tenantId: string): Promise<void> {
  const { directory, ivrFlows, botModels, knowledge, repos } = deps;
  await directory.reloadTenant(tenantId);
  await ivrFlows.reloadTenant(tenantId);
  const lines = new Set(directory.linesOf(tenantId).map((l) => l.id));
  const labelled = (await repos.utterances.listLabelled()).filter((u) => lines.has(u.lineId));
  for (const lineId of lines) {
    const examples = labelled.filter((u) => u.lineId === lineId).map((u) => ({ lineId, language: u.language, text: u.text, intent: u.intent ?? '' }));
    // Bot models retrain on next use with the new examples.
    if (examples.length > 0 || botModels.importedCount(lineId) > 0) botModels.setImported(lineId, examples);
  }
  await knowledge.reloadTenant(tenantId);
}
