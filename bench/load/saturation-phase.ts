import type { MessageLedger } from './message-ledger.js';
import { progress, sleep } from './progress-log.js';
import { InflightGate } from './saturation-flow.js';

/**
 * Runs the saturation pattern for a fixed time over any set of customers (Centraal's or the
 * bare relay's) and reports delivered customer messages per second within that time.
 */
export interface SaturatingCustomer {
  startSaturation(gate: InflightGate, perClient: number): void;
  stopSaturation(): void;
}

export interface SaturationSettings {
  seconds: number;
  inflight: number;
  globalInflight: number;
  /** Sending before the measured window, so neither side is measured while its JIT is still cold. */
  warmupSeconds: number;
  /** How long to keep listening after senders stop, so "undelivered" means undelivered. */
  drainSeconds: number;
}

export interface SaturationResult {
  msgsPerSec: number;
  delivered: number;
  sent: number;
  acked: number;
  undelivered: number;
  p50Ms: number;
  p99Ms: number;
}

export async function runSaturation(
  label: string,
  customers: readonly SaturatingCustomer[],
  ledger: MessageLedger,
  settings: SaturationSettings,
): Promise<SaturationResult> {
  const gate = new InflightGate(settings.globalInflight);
  for (const customer of customers) customer.startSaturation(gate, settings.inflight);
  await sleep(settings.warmupSeconds * 1000);
  const startedAt = performance.now();
  ledger.openWindow(startedAt);
  const ticker = setInterval(() => progress(`${label}: delivered ${ledger.receivedInWindow} in window, acked ${ledger.ackedCount}`), 2000);
  await sleep(settings.seconds * 1000);
  clearInterval(ticker);
  for (const customer of customers) customer.stopSaturation();
  gate.drain();
  const elapsedSeconds = (performance.now() - startedAt) / 1000;
  ledger.closeWindow(performance.now());
  await sleep(settings.drainSeconds * 1000);
  const [p50 = 0, p99 = 0] = ledger.latency.percentiles([50, 99]);
  return {
    msgsPerSec: ledger.receivedInWindow / elapsedSeconds,
    delivered: ledger.receivedInWindow,
    sent: ledger.sentCount,
    acked: ledger.ackedCount,
    undelivered: ledger.lost(),
    p50Ms: p50,
    p99Ms: p99,
  };
}
