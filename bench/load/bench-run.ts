import { BenchCounters } from './bench-counters.js';
import { MessageLedger } from './message-ledger.js';
import type { MessageKind } from './message-text.js';

/**
 * State shared by every simulated agent and customer: which phase is running (agents reply
 * only in the steady phase) and the ledgers that receipts are booked into.
 */
export type Phase = 'setup' | 'steady' | 'saturation' | 'drain';

export class BenchRun {
  phase: Phase = 'setup';
  readonly steady = new MessageLedger();
  readonly saturation = new MessageLedger();
  readonly counters = new BenchCounters();

  ledgerFor(kind: MessageKind): MessageLedger {
    return kind === 'saturation' ? this.saturation : this.steady;
  }
}
