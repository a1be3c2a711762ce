import type { Language, Line } from '../../core/model/index.js';
import type { ServiceDeps } from '../deps.js';
import { safetyErrors } from './safety.errors.js';

/** Refuses a new conversation from a contact key blocked on this line or tenant-wide, until the block expires. */
export async function assertContactNotBlocked(deps: ServiceDeps, line: Line, contactKey: string, language: Language, now: number): Promise<void> {
  const block = await deps.repos.blocks.findActive(line.tenantId, contactKey, line.id, now);
  if (block) throw safetyErrors.contactBlocked(block.id, language);
}
