import type { ServiceDeps } from '../deps.js';
import type { TenantOwnership } from '../tenant-ownership.js';

/** Claim rounds per pass, so one pass cannot run forever while new work keeps arriving. */
const MAX_ROUNDS = 10;

/**
 * The loop shared by the channel workers (outbox, media fetches): rows committed with their events
 * are claimed with a lease (row locks on PostgreSQL), so nodes sharing a database never handle one
 * twice, and a crash mid-row only delays it until the lease runs out. One pass at a time per node;
 * with several nodes each claims only the rows of the tenants it holds.
 */
export abstract class LeasedJobWorker<Row extends { id: string | number }> {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  protected constructor(
    protected readonly deps: ServiceDeps,
    private readonly intervalMs: number,
    private readonly ownership: TenantOwnership,
    /** Names the worker in its log lines. */
    private readonly label: string,
  ) {}

  /** Claims up to a batch of due rows for `leaseMs`; `tenantIds` limits them to this node's tenants. */
  protected abstract claim(now: number, tenantIds: string[] | undefined): Promise<Row[]>;

  /** Handles one claimed row: done, refused or rescheduled, as the worker decides. */
  protected abstract handle(row: Row): Promise<unknown>;

  start(): void {
    this.timer ??= setInterval(() => void this.pass(), this.intervalMs);
    this.timer.unref();
  }

  /** One pass; concurrent calls share the running pass. */
  pass(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.running ??= this.handleDue().finally(() => (this.running = undefined));
    return this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Claims and handles until nothing is due (or the round limit). */
  private async handleDue(): Promise<void> {
    const { deps } = this;
    for (let round = 0; round < MAX_ROUNDS && !this.stopped; round++) {
      let rows: Row[];
      try {
        const tenantIds = this.ownership.clustered ? deps.directory.tenantIds().filter((t) => this.ownership.serves(t)) : undefined;
        rows = await this.claim(deps.clock.now(), tenantIds);
      } catch (error) {
        deps.log('warn', `${this.label}: reading due work failed`, { error: String(error) });
        return;
      }
      if (rows.length === 0) return;
      for (const row of rows) {
        // A crash here leaves the row claimed: it is tried again when the lease runs out.
        await this.handle(row).catch((error: unknown) => deps.log('error', `${this.label}: handling a row crashed`, { id: row.id, error: String(error) }));
      }
    }
  }
}
