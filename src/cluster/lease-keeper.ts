import type { TenantOwnership } from '../app/tenant-ownership.js';
import type { Repositories } from '../storage/index.js';

export interface LeaseSettings {
  /** How long a lease lasts without renewal: a node that dies is replaced after at most this. */
  ttlMs: number;
  /** How often leases are renewed and free ones taken. */
  renewMs: number;
}

export interface LeaseHooks {
  takeOver(tenantId: string): Promise<void>;
  letGo(tenantId: string): void;
}

type Log = (level: 'info' | 'warn' | 'error', message: string, detail?: Record<string, unknown>) => void;

/**
 * Holds per-tenant routing leases in PostgreSQL for this node. Every round it renews the
 * leases it has and takes the ones nobody holds (new tenants, a dead node's tenants). A new
 * token means a takeover: the tenant's routing is rebuilt here before requests are served.
 * A node that cannot renew (database away) stops serving the tenant shortly before its
 * lease could be taken by another node, and the journal's fencing refuses anything later.
 */
export class LeaseKeeper implements TenantOwnership {
  readonly clustered = true;
  private readonly tokens = new Map<string, number>();
  private readonly ready = new Set<string>();
  /** Local time at which the last successful renewal round started, per tenant. */
  private readonly renewedAt = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private watchdog: NodeJS.Timeout | undefined;
  private stopped = false;
  private round: Promise<void> = Promise.resolve();
  private readonly takeovers = new Set<Promise<void>>();

  constructor(
    private readonly repos: Repositories,
    readonly nodeId: string,
    private readonly settings: LeaseSettings,
    private readonly hooks: LeaseHooks,
    private readonly log: Log,
  ) {}

  serves(tenantId: string): boolean {
    return this.ready.has(tenantId);
  }

  token(tenantId: string): number | undefined {
    return this.tokens.get(tenantId);
  }

  heldTenants(): string[] {
    return [...this.ready];
  }

  /** Runs the first round now (so a single first node serves at once) and then every `renewMs`. */
  async start(): Promise<void> {
    await this.runRound();
    await Promise.all([...this.takeovers]);
    // A round can hang on an unreachable database; the watchdog still stops serving in time.
    this.watchdog = setInterval(() => this.expireUnrenewed(Date.now(), 'renewal overdue'), this.settings.renewMs);
    this.watchdog.unref();
    const next = () => {
      if (this.stopped) return;
      this.timer = setTimeout(() => {
        this.round = this.runRound().finally(next);
      }, this.settings.renewMs);
      this.timer.unref();
    };
    next();
  }

  private async runRound(): Promise<void> {
    const started = Date.now();
    let tenantIds: string[];
    try {
      tenantIds = (await this.repos.tenants.list()).map((t) => t.id);
    } catch (error) {
      this.expireUnrenewed(started, error);
      return;
    }
    await Promise.all(tenantIds.map((tenantId) => this.keep(tenantId, started)));
  }

  private async keep(tenantId: string, started: number): Promise<void> {
    let lease;
    try {
      lease = await this.repos.leases.acquire(tenantId, this.nodeId, this.settings.ttlMs);
    } catch (error) {
      this.expireUnrenewed(started, error, tenantId);
      return;
    }
    if (this.stopped) return;
    if (!lease) {
      if (this.tokens.has(tenantId)) this.lose(tenantId, 'another node holds the lease');
      return;
    }
    this.renewedAt.set(tenantId, started);
    if (this.tokens.get(tenantId) === lease.token) return;
    if (this.tokens.has(tenantId)) this.lose(tenantId, 'the lease lapsed');
    this.tokens.set(tenantId, lease.token);
    // Restoring a large tenant may take longer than a renew interval: it runs beside the renewals.
    const takeOver = this.takeOver(tenantId, lease.token);
    this.takeovers.add(takeOver);
    void takeOver.finally(() => this.takeovers.delete(takeOver));
  }

  private async takeOver(tenantId: string, token: number): Promise<void> {
    try {
      await this.hooks.takeOver(tenantId);
      if (this.tokens.get(tenantId) === token) {
        this.ready.add(tenantId);
        this.log('info', 'took over tenant routing', { tenantId, token, node: this.nodeId });
      } else if (!this.tokens.has(tenantId)) {
        // Lost while restoring: drop what the restore just built.
        this.hooks.letGo(tenantId);
      }
    } catch (error) {
      this.log('error', 'restoring tenant routing failed', { tenantId, error: String(error) });
      if (this.tokens.get(tenantId) === token) this.lose(tenantId, 'restore failed');
    }
  }

  /**
   * Renewal failed: keep serving only while the lease certainly has not run out yet (a margin
   * of one renew interval for the clock of the database), then stop serving the tenant.
   */
  private expireUnrenewed(started: number, error: unknown, only?: string): void {
    for (const tenantId of only ? [only] : [...this.tokens.keys()]) {
      if (!this.tokens.has(tenantId)) continue;
      const since = this.renewedAt.get(tenantId) ?? 0;
      if (started - since > this.settings.ttlMs - this.settings.renewMs) this.lose(tenantId, `renewal failed: ${String(error)}`);
    }
  }

  private lose(tenantId: string, why: string): void {
    this.tokens.delete(tenantId);
    this.ready.delete(tenantId);
    this.renewedAt.delete(tenantId);
    this.log('warn', 'gave up tenant routing', { tenantId, why, node: this.nodeId });
    this.hooks.letGo(tenantId);
  }

  /** Stops renewing and hands the leases back so another node takes over at once. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.watchdog) clearInterval(this.watchdog);
    await this.round.catch(() => undefined);
    const held = [...this.tokens.keys()];
    for (const tenantId of held) {
      this.tokens.delete(tenantId);
      this.ready.delete(tenantId);
    }
    await Promise.all(held.map((tenantId) => this.repos.leases.release(tenantId, this.nodeId).catch(() => undefined)));
  }
}
