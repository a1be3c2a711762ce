import { randomBytes } from 'node:crypto';

/** Prefixed random ids ("cv_…", "ct_…"): unguessable, sortable enough, readable in logs. */
export function newId(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}${randomBytes(8).toString('base64url')}`;
}
