import { contactKey } from '../../core/contact/pseudonym.js';
import type { Contact, IdentifierKind } from '../../core/model/index.js';
import type { ServiceDeps } from '../deps.js';
import { privacyErrors } from './privacy.errors.js';

/** How a privacy request names the person: the pseudonymous key, or the identifier they gave us. */
export type ContactSelector = { contactKey: string } | { identifier: { kind: IdentifierKind; value: string } };

/** The contact of the caller's tenant; one of another tenant is as unknown as a missing one. */
export async function findContact(deps: ServiceDeps, tenantId: string, selector: ContactSelector): Promise<Contact> {
  const key = 'contactKey' in selector ? selector.contactKey : contactKey(deps.directory.tenant(tenantId).secret, selector.identifier.kind, selector.identifier.value);
  const contact = await deps.repos.contacts.findByKey(tenantId, key);
  if (!contact) throw privacyErrors.contactNotFound();
  return contact;
}
