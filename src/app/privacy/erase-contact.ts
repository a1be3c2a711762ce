import { OPEN_STATES } from '../../storage/index.js';
import { eraseContactRows, type PrivacyCounts } from '../../storage/privacy/privacy-store.js';
import type { ServiceDeps } from '../deps.js';
import { audit, type AuditContext } from '../security/audit.js';
import { findContact, type ContactSelector } from './find-contact.js';
import { privacyErrors } from './privacy.errors.js';

/**
 * The right to erasure for one contact: every conversation with its events, survey answers and
 * consent records, the blocks on its key, its channel identifiers; compliments and incidents
 * about it keep their row (figures) but lose the text. Refused while a conversation is open,
 * so nothing is written back from memory afterwards. Audited with counts only.
 */
export async function eraseContact(deps: ServiceDeps, ctx: AuditContext, selector: ContactSelector): Promise<{ erased: PrivacyCounts }> {
  const tenantId = ctx.actor.tenantId;
  const contact = await findContact(deps, tenantId, selector);
  const open = await deps.db.kysely
    .selectFrom('conversations')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('contact_id', '=', contact.id)
    .where('state', 'in', OPEN_STATES)
    .execute();
  if (open.length > 0) throw privacyErrors.contactActive(open.length);
  const conversations = await deps.db.kysely.selectFrom('conversations').select('id').where('tenant_id', '=', tenantId).where('contact_id', '=', contact.id).execute();
  const counts: PrivacyCounts = {};
  await deps.db.kysely.transaction().execute((trx) => eraseContactRows(trx, tenantId, contact, counts));
  for (const c of conversations) deps.live.evict(c.id);
  await audit(deps, ctx, 'contact.erased', { kind: 'contact', id: contact.id }, { counts });
  return { erased: counts };
}
