import type { Kysely, Selectable } from 'kysely';
import type { ContactBlockTable, Database } from '../database.js';
import { readJson, writeJson } from './json-column.js';

export type BlockDecider = { by: 'policy' } | { by: 'user'; userId: string; role: string };

export interface ContactBlockRecord {
  id: string;
  tenantId: string;
  /** The pseudonymous contact key; never shown to agents or the blocked person. */
  contactKey: string;
  /** null: every line of the tenant. */
  lineId: string | null;
  reason: string;
  decidedBy: BlockDecider;
  createdAt: number;
  /** null only when `permanent`. */
  expiresAt: number | null;
  permanent: boolean;
}

/** Blocks of contact keys, per line or tenant-wide, each with an expiry unless explicitly permanent. */
export class BlockRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(block: ContactBlockRecord): Promise<void> {
    if (block.expiresAt === null && !block.permanent) throw new Error(`block ${block.id} needs an expiry or permanent: true`);
    await this.db
      .insertInto('contact_blocks')
      .values({
        id: block.id,
        tenant_id: block.tenantId,
        contact_key: block.contactKey,
        line_id: block.lineId,
        reason: block.reason,
        decided_by: writeJson(block.decidedBy),
        created_at: block.createdAt,
        expires_at: block.expiresAt,
        permanent: block.permanent ? 1 : 0,
      })
      .execute();
  }

  /** The block that holds longest for this key on this line (or tenant-wide) at `now`, if any. */
  async findActive(tenantId: string, contactKey: string, lineId: string, now: number): Promise<ContactBlockRecord | undefined> {
    const rows = await this.db
      .selectFrom('contact_blocks')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('contact_key', '=', contactKey)
      .where((eb) => eb.or([eb('line_id', '=', lineId), eb('line_id', 'is', null)]))
      .where((eb) => eb.or([eb('permanent', '=', 1), eb('expires_at', '>', now)]))
      .execute();
    const blocks = rows.map(toBlock);
    return blocks.sort((a, b) => (b.expiresAt ?? Infinity) - (a.expiresAt ?? Infinity))[0];
  }

  /** Earlier blocks of a key (expired or not): a repeat offender gets the longer block. */
  async countByKey(tenantId: string, contactKey: string): Promise<number> {
    const row = await this.db
      .selectFrom('contact_blocks')
      .select((eb) => eb.fn.countAll().as('count'))
      .where('tenant_id', '=', tenantId)
      .where('contact_key', '=', contactKey)
      .executeTakeFirst();
    return Number(row?.count ?? 0);
  }
}

function toBlock(row: Selectable<ContactBlockTable>): ContactBlockRecord {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    contactKey: row.contact_key,
    lineId: row.line_id,
    reason: row.reason,
    decidedBy: readJson<BlockDecider>(row.decided_by, { by: 'policy' }),
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    permanent: row.permanent === 1,
  };
}
