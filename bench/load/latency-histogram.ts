/**
 * Keeps every latency sample (milliseconds) so percentiles are exact, not bucketed.
 * Samples live in a growable Float64Array: a million samples cost 8 MB and no GC churn.
 */
export class LatencyHistogram {
  private samples = new Float64Array(4096);
  private size = 0;

  get count(): number {
    return this.size;
  }

  record(ms: number): void {
    if (this.size === this.samples.length) {
      const grown = new Float64Array(this.samples.length * 2);
      grown.set(this.samples);
      this.samples = grown;
    }
    this.samples[this.size++] = ms;
  }

  /** Nearest-rank percentiles (p in 0..100); NaN-free: an empty histogram reports 0. */
  percentiles(ps: readonly number[]): number[] {
    if (this.size === 0) return ps.map(() => 0);
    const sorted = this.samples.slice(0, this.size).sort();
    return ps.map((p) => {
      const rank = Math.min(this.size, Math.max(1, Math.ceil((p / 100) * this.size)));
      return sorted[rank - 1] ?? 0;
    });
  }
}

export function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
