import type { Kysely, Selectable } from 'kysely';
import type { Contact, IdentifierKind } from '../../core/model/index.js';
import type { ContactTable, Database } from '../database.js';

export class ContactRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async findByKey(tenantId: string, key: string): Promise<Contact | undefined> {
    const row = await this.db.selectFrom('contacts').selectAll().where('tenant_id', '=', tenantId).where('key', '=', key).executeTakeFirst();
    return row && toContact(row);
  }

  async get(tenantId: string, id: string): Promise<Contact | undefined> {
    const row = await this.db.selectFrom('contacts').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
    return row && toContact(row);
  }

  /** Inserts, or returns the contact that won a concurrent insert of the same key. */
  async insertOrGet(contact: Contact, now: number): Promise<Contact> {
    await this.db
      .insertInto('contacts')
      .values({
        id: contact.id,
        tenant_id: contact.tenantId,
        key: contact.key,
        pseudonym: contact.pseudonym,
        identifier_kind: contact.identifierKind,
        identifier: contact.identifier,
        display_name: contact.displayName,
        created_at: now,
      })
      .onConflict((oc) => oc.columns(['tenant_id', 'key']).doNothing())
      .execute();
    const stored = await this.findByKey(contact.tenantId, contact.key);
    if (!stored) throw new Error(`contact ${contact.key} vanished after insert`);
    return stored;
  }
}

function toContact(row: Selectable<ContactTable>): Contact {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    key: row.key,
    pseudonym: row.pseudonym,
    identifierKind: row.identifier_kind as IdentifierKind,
    identifier: row.identifier,
    displayName: row.display_name,
  };
}
