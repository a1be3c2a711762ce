/**
 * Which tenants this node runs. One node alone runs them all. With several nodes, each tenant's
 * routing engine, timers and conversation writes live on the one node that holds the tenant's
 * lease (src/cluster/lease-keeper.ts); the others forward writes there.
 */
export interface TenantOwnership {
  readonly clustered: boolean;
  /** Requests of this tenant are served here: the lease is held and routing is restored. */
  serves(tenantId: string): boolean;
  /** The fencing token while this node holds the tenant's lease (already during restore); undefined otherwise. */
  token(tenantId: string): number | undefined;
}

export const SINGLE_NODE: TenantOwnership = {
  clustered: false,
  serves: () => true,
  token: () => undefined,
};
