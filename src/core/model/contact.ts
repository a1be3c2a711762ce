export type IdentifierKind = 'visitor' | 'ip' | 'phone' | 'email' | 'whatsapp' | 'customer_ref';

export interface Contact {
  id: string;
  tenantId: string;
  /** HMAC(tenant secret, normalised identifier): links history without revealing who. */
  key: string;
  /** Stable, human-friendly name derived from the key, e.g. "Anoniem K7F3-A91C". */
  pseudonym: string;
  identifierKind: IdentifierKind;
  /** The raw identifier, kept only on lines that are not anonymous. */
  identifier: string | null;
  displayName: string | null;
}
