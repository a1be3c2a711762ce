import { sleep } from './progress-log.js';

export type RampResult<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Starts `count` tasks at no more than `perSecond`, with at most `concurrency` running, so the
 * server sees a gradual ramp instead of a thundering herd of connection setups.
 */
export async function runRamped<T>(
  count: number,
  perSecond: number,
  concurrency: number,
  task: (index: number) => Promise<T>,
): Promise<Array<RampResult<T>>> {
  const results: Array<RampResult<T>> = new Array(count);
  const intervalMs = 1000 / perSecond;
  const startedAt = performance.now();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const index = next++;
      const due = startedAt + index * intervalMs;
      const wait = due - performance.now();
      if (wait > 1) await sleep(wait);
      try {
        results[index] = { ok: true, value: await task(index) };
      } catch (error) {
        results[index] = { ok: false, error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return results;
}
