import { randomBytes } from 'node:crypto';
import type { ContactTable, ConversationTable } from '../../src/storage/database.js';
import type { Db } from '../../src/storage/index.js';

/** Rows per transaction: large enough to amortise the commit, small enough to report progress. */
const ROWS_PER_TRANSACTION = 25_000;

/**
 * Inserts rows with multi-row INSERTs sized to the dialect's bound-parameter limit
 * (`db.flags.maxParameters`), many statements per transaction.
 */
async function insertBatched<T extends object>(
  db: Db,
  table: 'contacts' | 'conversations',
  count: number,
  make: (index: number) => T,
  progress: (done: number) => void,
): Promise<void> {
  const columns = Object.keys(make(0)).length;
  const rowsPerStatement = Math.floor(db.flags.maxParameters / columns);
  for (let start = 0; start < count; start += ROWS_PER_TRANSACTION) {
    const end = Math.min(start + ROWS_PER_TRANSACTION, count);
    await db.kysely.transaction().execute(async (trx) => {
      for (let from = start; from < end; from += rowsPerStatement) {
        const rows = Array.from({ length: Math.min(rowsPerStatement, end - from) }, (_, offset) => make(from + offset));
        // The table is chosen by the caller; the row shape matches it by construction.
        await trx.insertInto(table).values(rows as never).execute();
      }
    });
    progress(end);
  }
}

export function contactIds(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `ct_${index.toString(36).padStart(6, '0')}`);
}

export async function insertContacts(db: Db, tenantId: string, ids: readonly string[], createdAt: number): Promise<void> {
  const make = (index: number): ContactTable => ({
    id: ids[index] ?? '',
    tenant_id: tenantId,
    key: randomBytes(16).toString('hex'),
    pseudonym: `Beller ${index}`,
    identifier_kind: index % 5 === 0 ? 'visitor' : 'phone',
    identifier: null,
    display_name: null,
    created_at: createdAt,
  });
  await insertBatched(db, 'contacts', ids.length, make, () => undefined);
}

export async function insertConversations(
  db: Db,
  count: number,
  make: (index: number) => ConversationTable,
  progress: (done: number) => void,
): Promise<void> {
  await insertBatched(db, 'conversations', count, make, progress);
}
