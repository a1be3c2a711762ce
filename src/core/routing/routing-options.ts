import { requireNumber } from './validate-routing-input.js';
import type { RoutingOptions } from './routing.types.js';

export interface ResolvedRoutingOptions {
  readonly agingMsPerLevel: number;
  readonly ringTimeoutMs: number;
  readonly maxMissedOffers: number;
  readonly defaultHandleTimeSeconds: number;
  readonly handleTimeSmoothing: number;
  readonly releasedRetentionMs: number;
}

export const DEFAULT_ROUTING_OPTIONS = {
  agingSecondsPerPriorityLevel: 60,
  ringTimeoutMs: 20_000,
  maxMissedOffers: 2,
  defaultHandleTimeSeconds: 180,
  handleTimeSmoothing: 0.1,
  releasedRetentionMs: 10 * 60_000,
} as const satisfies Required<RoutingOptions>;

/** Fills defaults and rejects nonsense once, so the engine never has to re-check. */
export function resolveRoutingOptions(options: RoutingOptions = {}): ResolvedRoutingOptions {
  const merged = { ...DEFAULT_ROUTING_OPTIONS, ...options };
  return Object.freeze({
    agingMsPerLevel: requireNumber(merged.agingSecondsPerPriorityLevel, 'agingSecondsPerPriorityLevel', { min: 0 }) * 1000,
    ringTimeoutMs: requireNumber(merged.ringTimeoutMs, 'ringTimeoutMs', { min: 1 }),
    maxMissedOffers: requireNumber(merged.maxMissedOffers, 'maxMissedOffers', { min: 1, integer: true }),
    defaultHandleTimeSeconds: requireNumber(merged.defaultHandleTimeSeconds, 'defaultHandleTimeSeconds', { min: 0 }),
    handleTimeSmoothing: requireNumber(merged.handleTimeSmoothing, 'handleTimeSmoothing', { min: 0, max: 1 }),
    releasedRetentionMs: requireNumber(merged.releasedRetentionMs, 'releasedRetentionMs', { min: 0 }),
  });
}
