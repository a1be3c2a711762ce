import { LatencyHistogram } from './latency-histogram.js';

interface Entry {
  sentAt: number;
  acked: boolean;
  receivedAt: number;
}

const NOT_RECEIVED = -1;

/**
 * One phase's book of messages, keyed by the sender's clientId: when it was sent, whether the
 * server acknowledged it, and when the other side first received it. Duplicates (after a
 * resume) count once. Receipts are counted in a window so late arrivals can still clear
 * "lost" without inflating the rate.
 */
export class MessageLedger {
  readonly latency = new LatencyHistogram();
  private readonly entries = new Map<string, Entry>();
  private windowStart = 0;
  private windowEnd = Number.POSITIVE_INFINITY;
  sentCount = 0;
  ackedCount = 0;
  failedCount = 0;
  receivedCount = 0;
  receivedInWindow = 0;
  unknownReceipts = 0;

  sent(key: string, now: number): void {
    this.entries.set(key, { sentAt: now, acked: false, receivedAt: NOT_RECEIVED });
    this.sentCount++;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  acked(key: string): void {
    const entry = this.entries.get(key);
    if (!entry || entry.acked) return;
    entry.acked = true;
    this.ackedCount++;
  }

  /** The server refused the message (error frame); it can never be delivered, so it is not "lost". */
  failed(key: string): void {
    if (this.entries.delete(key)) this.failedCount++;
  }

  received(key: string, now: number): void {
    const entry = this.entries.get(key);
    if (!entry) {
      this.unknownReceipts++;
      return;
    }
    if (entry.receivedAt !== NOT_RECEIVED) return;
    entry.receivedAt = now;
    this.receivedCount++;
    this.latency.record(now - entry.sentAt);
    if (now >= this.windowStart && now <= this.windowEnd) this.receivedInWindow++;
  }

  /** Receipts before this moment (warm-up) still count as delivered, but not towards the phase's rate. */
  openWindow(now: number): void {
    this.windowStart = now;
  }

  /** Receipts after this moment still count as delivered, but not towards the phase's rate. */
  closeWindow(now: number): void {
    this.windowEnd = now;
  }

  lost(): number {
    let lost = 0;
    for (const entry of this.entries.values()) if (entry.acked && entry.receivedAt === NOT_RECEIVED) lost++;
    return lost;
  }

  /** Sent but neither acknowledged nor refused: the socket closed under it, or the server never answered. */
  unacked(): number {
    let count = 0;
    for (const entry of this.entries.values()) if (!entry.acked && entry.receivedAt === NOT_RECEIVED) count++;
    return count;
  }
}
