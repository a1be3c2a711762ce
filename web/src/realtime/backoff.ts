/**
 * Delay before reconnect attempt `attempt` (0-based): exponential from `baseMs`, capped at `maxMs`,
 * with "full jitter" so a restarted server is not hit by every agent at the same moment.
 */
export function reconnectDelay(attempt: number, random: () => number = Math.random, baseMs = 500, maxMs = 15_000): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
