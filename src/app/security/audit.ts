import type { Agent } from '../../core/model/index.js';
import type { ServiceDeps } from '../deps.js';
import { newId } from '../ids.js';

/** Who did it and from where; the request id ties the entry to the log lines of the same request. */
export interface AuditContext {
  actor: Pick<Agent, 'id' | 'tenantId' | 'roles'> | { id: null; tenantId: string; roles: readonly string[] };
  requestId?: string;
  ip?: string;
}

export type AuditAction =
  | 'conversation.opened'
  | 'contact.exported'
  | 'contact.erased'
  | 'incidents.exported'
  | 'report.exported'
  | 'retention.ran';

/**
 * Appends one entry to the audit log. `detail` holds counts and filters, never message texts or
 * raw identifiers (the erasure of a contact must not leave its identifier here).
 */
export async function audit(deps: ServiceDeps, ctx: AuditContext, action: AuditAction, target: { kind: string; id: string | null }, detail: Record<string, unknown> = {}): Promise<void> {
  await deps.repos.audit.insert({
    id: newId('au'),
    tenantId: ctx.actor.tenantId,
    actorId: ctx.actor.id,
    actorRoles: [...ctx.actor.roles],
    action,
    targetKind: target.kind,
    targetId: target.id,
    detail,
    requestId: ctx.requestId ?? null,
    ip: ctx.ip ?? null,
    at: deps.clock.now(),
  });
}
