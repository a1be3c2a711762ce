import type { CentraalMetrics } from './metrics.js';

/** What operations endpoints read about this node: its metrics, and whether it is shutting down. */
export interface OpsState {
  metrics: CentraalMetrics;
  /** Set on SIGTERM: `/ready` answers 503 so a load balancer sends no new work here. */
  draining: boolean;
}
