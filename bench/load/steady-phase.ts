import type { BenchRun } from './bench-run.js';
import type { CustomerClient } from './customer-client.js';
import { round } from './latency-histogram.js';
import { progress, sleep } from './progress-log.js';

/**
 * The steady phase: every customer sends once per interval, start offsets spread evenly over
 * the interval so the load is flat; agents reply to each message. Afterwards a grace period
 * lets late messages arrive before anything acknowledged but unseen is counted as lost.
 */
export interface SteadySettings {
  seconds: number;
  sendIntervalSeconds: number;
  graceSeconds: number;
}

export interface SteadyResult {
  messages: number;
  msgsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  lost: number;
}

export async function runSteady(run: BenchRun, customers: CustomerClient[], settings: SteadySettings): Promise<SteadyResult> {
  const intervalMs = settings.sendIntervalSeconds * 1000;
  const timers: NodeJS.Timeout[] = [];
  run.phase = 'steady';
  customers.forEach((customer, i) => {
    const offset = (i / customers.length) * intervalMs;
    timers.push(
      setTimeout(() => {
        customer.sendSteady();
        timers.push(setInterval(() => customer.sendSteady(), intervalMs));
      }, offset),
    );
  });
  const ticker = setInterval(() => progress(`steady: received ${run.steady.receivedCount}/${run.steady.sentCount} sent`), 5000);
  await sleep(settings.seconds * 1000);
  for (const timer of timers) clearTimeout(timer);
  clearInterval(ticker);
  run.phase = 'drain';
  run.steady.closeWindow(performance.now());
  await sleep(settings.graceSeconds * 1000);
  const ledger = run.steady;
  const [p50 = 0, p99 = 0] = ledger.latency.percentiles([50, 99]);
  progress(
    `steady: sent ${ledger.sentCount}, acked ${ledger.ackedCount}, refused ${ledger.failedCount}, ` +
      `received ${ledger.receivedCount} (${ledger.receivedInWindow} in the phase), never acked ${ledger.unacked()}, ` +
      `receipts not matching a sent message ${ledger.unknownReceipts}`,
  );
  return {
    messages: ledger.receivedInWindow,
    msgsPerSec: round(ledger.receivedInWindow / settings.seconds, 1),
    p50Ms: round(p50, 2),
    p99Ms: round(p99, 2),
    lost: ledger.lost(),
  };
}
