import { randomBytes } from 'node:crypto';
import type { Line } from '../../core/model/index.js';
import { OPEN_STATES } from '../../storage/index.js';
import { anonymiseConversations, deleteOrphanContacts, purgeConversations, type PrivacyCounts } from '../../storage/privacy/privacy-store.js';
import type { ServiceDeps } from '../deps.js';
import { audit } from '../security/audit.js';

const DAY_MS = 86_400_000;
const LEASE = 'retention';
/** Long enough for a big first run; a node that dies mid-run frees the job after this. */
const LEASE_MS = 15 * 60_000;
const BATCH = 200;

export interface RetentionResult {
  /** False when another node held the lease: this run did nothing. */
  ran: boolean;
  deleted: number;
  anonymised: number;
  counts: PrivacyCounts;
}

/**
 * One retention pass over every line with `retention`: closed conversations older than `days`
 * (by their closing time) are deleted or anonymised, in batches, each batch in one transaction.
 * Several nodes may call this at once: the `job_leases` row lets one run and the others return at
 * once; and a run is idempotent anyway (deleted rows are gone, anonymised ones are marked).
 */
export async function runRetention(deps: ServiceDeps, holder: string): Promise<RetentionResult> {
  const result: RetentionResult = { ran: false, deleted: 0, anonymised: 0, counts: {} };
  if (!(await deps.repos.jobLeases.tryAcquire(LEASE, holder, deps.clock.now(), LEASE_MS))) return result;
  result.ran = true;
  try {
    const perTenant = new Map<string, { deleted: number; anonymised: number }>();
    for (const tenantId of deps.directory.tenantIds()) {
      for (const line of deps.directory.linesOf(tenantId)) {
        if (!line.retention) continue;
        const done = await retainLine(deps, line, result.counts);
        result.deleted += done.deleted;
        result.anonymised += done.anonymised;
        const sum = perTenant.get(tenantId) ?? { deleted: 0, anonymised: 0 };
        sum.deleted += done.deleted;
        sum.anonymised += done.anonymised;
        perTenant.set(tenantId, sum);
      }
    }
    for (const [tenantId, sum] of perTenant) {
      if (sum.deleted + sum.anonymised > 0) await audit(deps, { actor: { id: null, tenantId, roles: ['system'] } }, 'retention.ran', { kind: 'tenant', id: tenantId }, sum);
    }
  } finally {
    await deps.repos.jobLeases.release(LEASE, holder, deps.clock.now());
  }
  return result;
}

async function retainLine(deps: ServiceDeps, line: Line, counts: PrivacyCounts): Promise<{ deleted: number; anonymised: number }> {
  const retention = line.retention!;
  const cutoff = deps.clock.now() - retention.days * DAY_MS;
  const done = { deleted: 0, anonymised: 0 };
  for (;;) {
    let query = deps.db.kysely
      .selectFrom('conversations')
      .select(['id', 'contact_id'])
      .where('tenant_id', '=', line.tenantId)
      .where('line_id', '=', line.id)
      .where('state', 'not in', OPEN_STATES)
      // An ended conversation without a closing time (abandoned before it was set) counts from its start.
      .where((eb) => eb.fn.coalesce('closed_at', 'created_at'), '<', cutoff);
    if (retention.mode === 'anonymise') query = query.where('anonymised_at', 'is', null);
    const batch = await query.orderBy('created_at').limit(BATCH).execute();
    if (batch.length === 0) return done;
    const ids = batch.map((c) => c.id);
    await deps.db.kysely.transaction().execute(async (trx) => {
      if (retention.mode === 'delete') {
        await purgeConversations(trx, line.tenantId, ids, counts);
        await deleteOrphanContacts(trx, line.tenantId, [...new Set(batch.map((c) => c.contact_id))], counts);
      } else {
        await anonymiseConversations(trx, line.tenantId, ids, deps.clock.now(), counts);
      }
    });
    for (const id of ids) deps.live.evict(id);
    if (retention.mode === 'delete') done.deleted += ids.length;
    else done.anonymised += ids.length;
  }
}

/** Runs retention once now and then every `intervalMs`; errors are logged, the timer keeps going. */
export function scheduleRetention(deps: ServiceDeps, intervalMs: number): { stop(): Promise<void>; current(): Promise<unknown> } {
  const holder = `node-${randomBytes(6).toString('hex')}`;
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    running = running.then(() =>
      runRetention(deps, holder).catch((error: unknown) => deps.log('error', 'retention run failed', { error: String(error) })),
    );
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return {
    current: () => running,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
